package org.thermodiff.spi.sampling;

import java.util.Iterator;
import java.util.Map;

/**
 * A sampler at work on one problem: yields one {@link Snapshot} per grid time, from
 * {@code t = τ} (the two starting clouds) down to {@code t = 0} (the generated data).
 *
 * <p>Each call to {@link #next()} does the numerical work up to the next output time, so the
 * pipeline can stream snapshots to the metrics stage as they are made.
 */
public interface SamplingRun extends Iterator<Snapshot> {

    /** Counters worth reporting (steps taken, velocity evaluations …), after the last snapshot. */
    default Map<String, Object> diagnostics() {
        return Map.of();
    }
}
