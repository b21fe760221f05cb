package org.thermodiff.cluster;

import java.util.ArrayList;
import java.util.List;

/**
 * What coordinating a run cost: for each result, the time from handing the run to a worker to
 * receiving its result, less the time the worker spent computing it — messages, JSON, loading the
 * experiment on the worker. Thread-safe.
 */
public final class Stats {

    private final List<long[]> runs = new ArrayList<>();

    synchronized void record(long roundTripMillis, long computeMillis) {
        runs.add(new long[] {roundTripMillis, computeMillis});
    }

    /** Results received. */
    public synchronized int count() {
        return runs.size();
    }

    /** The coordination overhead of each run in milliseconds: round trip minus compute time. */
    public synchronized long[] overheadMillis() {
        return runs.stream().mapToLong(r -> r[0] - r[1]).toArray();
    }
}
