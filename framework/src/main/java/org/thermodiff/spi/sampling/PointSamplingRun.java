package org.thermodiff.spi.sampling;

import java.util.Iterator;
import java.util.Map;

/**
 * A sampler at work on one n-D problem: yields one {@link PointSnapshot} per grid time, from
 * {@code t = τ} (the two starting clouds) down to {@code t = 0} (the generated data). The
 * {@code R^d} counterpart of {@link SamplingRun}: each call to {@link #next()} does the numerical
 * work up to the next output time.
 */
public interface PointSamplingRun extends Iterator<PointSnapshot> {

    /** Counters worth reporting (steps taken, velocity evaluations …), after the last snapshot. */
    default Map<String, Object> diagnostics() {
        return Map.of();
    }
}
