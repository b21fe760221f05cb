package org.thermodiff.pipeline;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Wall time spent in each stage of one run, carried along with the run's messages.
 *
 * @param millis stage → milliseconds, in the order stages ran
 */
public record Trace(Map<String, Long> millis) {

    public Trace {
        millis = Collections.unmodifiableMap(new LinkedHashMap<>(millis));
    }

    /** No stage yet. */
    public static Trace empty() {
        return new Trace(Map.of());
    }

    /** This trace plus {@code stage} having taken {@code ms} (added to any earlier time of that stage). */
    public Trace with(String stage, long ms) {
        Map<String, Long> copy = new LinkedHashMap<>(millis);
        copy.merge(stage, ms, Long::sum);
        return new Trace(copy);
    }
}
