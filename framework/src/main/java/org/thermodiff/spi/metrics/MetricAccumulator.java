package org.thermodiff.spi.metrics;

import org.thermodiff.spi.sampling.Snapshot;

/**
 * A metric's state for one run: fed every snapshot (in any order, each exactly once), then asked
 * for the result. Used by one thread at a time.
 */
public interface MetricAccumulator {

    /** Takes one snapshot into account. */
    void accept(Snapshot snapshot);

    /** The result, after every snapshot of the grid has been accepted. */
    MetricResult finish();
}
