package org.thermodiff.spi.sampling;

import java.util.Objects;

/**
 * The two clouds at one output time of the sampler, in {@code R^d}: the n-D form of
 * {@link Snapshot}, which is what metrics are fed.
 *
 * @param index     index of {@code t} in the run's {@link TimeGrid}
 * @param t         forward time {@code t = τ − t̃}
 * @param reverse   the reverse process, standing for the forward marginal {@code P_t}
 * @param estimated the estimated process {@code P̃_t}, started from the perturbed {@code P̃†_0}
 */
public record PointSnapshot(int index, double t, PointCloud reverse, PointCloud estimated) {

    public PointSnapshot {
        Objects.requireNonNull(reverse, "reverse");
        Objects.requireNonNull(estimated, "estimated");
        if (reverse.dimension() != estimated.dimension()) {
            throw new IllegalArgumentException("clouds of different dimension: " + reverse.dimension() + " and "
                    + estimated.dimension());
        }
    }

    /** A 1-D snapshot as a point snapshot with {@code d = 1} (shares the arrays). */
    public static PointSnapshot of(Snapshot s) {
        return new PointSnapshot(s.index(), s.t(), PointCloud.of(s.reverse()), PointCloud.of(s.estimated()));
    }

    /** The dimension {@code d} of both clouds. */
    public int dimension() {
        return reverse.dimension();
    }

    /**
     * This snapshot as a 1-D {@link Snapshot} (shares the arrays).
     *
     * @throws IllegalArgumentException if {@code d > 1}
     */
    public Snapshot toSnapshot() {
        return new Snapshot(index, t, reverse.toCloud(), estimated.toCloud());
    }
}
