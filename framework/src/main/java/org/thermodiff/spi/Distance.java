package org.thermodiff.spi;

import java.util.Optional;
import org.thermodiff.spi.sampling.Cloud;
import org.thermodiff.spi.sampling.PointCloud;

/**
 * A distance or divergence between distributions ({@code w1}, {@code w2}, {@code chi2} …).
 *
 * <p>Every distance compares two {@link Distribution}s. Transport distances also compare weighted
 * clouds and expose the optimal plan, from which metrics take exact time derivatives.
 */
public interface Distance {

    /**
     * The distance between two distributions, exact or by converged quadrature.
     *
     * @throws IllegalArgumentException if it is not defined for this pair (e.g. {@code χ²} when
     *                                  {@code p} is not absolutely continuous w.r.t. {@code q})
     */
    double between(Distribution p, Distribution q);

    /**
     * The distance between two distributions in {@code R^d}; by default the 1-D
     * {@link #between(Distribution, Distribution)} when both are one-dimensional.
     *
     * @throws UnsupportedOperationException if this distance has no n-D form for this pair
     * @throws IllegalArgumentException      as {@link #between(Distribution, Distribution)}
     */
    default double between(MultivariateDistribution p, MultivariateDistribution q) {
        if (p instanceof Distribution a && q instanceof Distribution b) {
            return between(a, b);
        }
        throw new UnsupportedOperationException(getClass().getSimpleName() + " has no closed form between "
                + p.describe() + " and " + q.describe() + " in " + p.dimension() + " dimensions");
    }

    /** Whether this is a transport distance, i.e. {@link #plan} and {@link #between(Cloud, Cloud)} work. */
    default boolean isTransport() {
        return false;
    }

    /** The distance between two weighted clouds, treated as discrete measures. */
    default double between(Cloud a, Cloud b) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not compare clouds");
    }

    /** An optimal coupling between two clouds for this distance's cost, when it is a transport distance. */
    default Optional<TransportPlan> plan(Cloud a, Cloud b) {
        return Optional.empty();
    }

    /**
     * The distance between two weighted clouds in {@code R^d} of the same dimension.
     *
     * @throws UnsupportedOperationException if this distance does not compare n-D clouds
     */
    default double between(PointCloud a, PointCloud b) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not compare clouds in R^d");
    }

    /** An optimal (or, for entropic OT, regularised) coupling between two n-D clouds, when there is one. */
    default Optional<TransportPlan> plan(PointCloud a, PointCloud b) {
        return Optional.empty();
    }
}
