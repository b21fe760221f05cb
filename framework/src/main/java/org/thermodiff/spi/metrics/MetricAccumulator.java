package org.thermodiff.spi.metrics;

import org.thermodiff.spi.sampling.PointSnapshot;
import org.thermodiff.spi.sampling.Snapshot;

/**
 * A metric's state for one run: fed every snapshot (in any order, each exactly once), then asked
 * for the result. Used by one thread at a time.
 *
 * <p>The pipeline feeds {@link #accept(PointSnapshot)}. A metric overrides at least one of the two
 * {@code accept} methods: a 1-D metric overrides {@link #accept(Snapshot)} and runs wherever the
 * clouds are one-dimensional; a metric for any dimension overrides {@link #accept(PointSnapshot)}.
 */
public interface MetricAccumulator {

    /** Takes one 1-D snapshot into account; by default, as a point snapshot with {@code d = 1}. */
    default void accept(Snapshot snapshot) {
        accept(PointSnapshot.of(snapshot));
    }

    /**
     * Takes one snapshot into account; by default, as a 1-D snapshot.
     *
     * @throws IllegalArgumentException if the metric is one-dimensional and the clouds are not
     */
    default void accept(PointSnapshot snapshot) {
        if (snapshot.dimension() != 1) {
            throw new IllegalArgumentException(getClass().getName() + " is a one-dimensional metric; this run's clouds are "
                    + snapshot.dimension() + "-dimensional");
        }
        accept(snapshot.toSnapshot());
    }

    /** The result, after every snapshot of the grid has been accepted. */
    MetricResult finish();

    /**
     * An accumulator for a metric that needs no snapshots (it measures the run's fields or its
     * training, not its clouds): snapshots of any dimension are ignored, and {@code result} is asked
     * for at the end.
     */
    static MetricAccumulator withoutSnapshots(java.util.function.Supplier<MetricResult> result) {
        return new MetricAccumulator() {
            @Override
            public void accept(PointSnapshot snapshot) {
                // nothing to take from the clouds
            }

            @Override
            public MetricResult finish() {
                return result.get();
            }
        };
    }
}
