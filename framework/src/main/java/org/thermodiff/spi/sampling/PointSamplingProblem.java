package org.thermodiff.spi.sampling;

import java.util.Objects;
import org.thermodiff.spi.MultivariateDistribution;
import org.thermodiff.spi.process.VelocityField;

/**
 * What an n-D sampler is asked to do: the {@code R^d} counterpart of {@link SamplingProblem}.
 * Push two clouds, one from {@code P†_0} and one from the perturbed {@code P̃†_0}, through the
 * same field {@code ν̂} in reverse time, and report them at every time of {@code grid}.
 *
 * @param grid           output times (forward time), from which the sampler runs backwards
 * @param reverseStart   {@code P†_0 = P_τ}
 * @param perturbedStart {@code P̃†_0}, of the same dimension
 * @param field          the estimated velocity {@code ν̂_t}, of the same dimension
 * @param seed           seed of the run's random streams
 */
public record PointSamplingProblem(TimeGrid grid, MultivariateDistribution reverseStart,
                                   MultivariateDistribution perturbedStart, VelocityField field, long seed) {

    public PointSamplingProblem {
        Objects.requireNonNull(grid, "grid");
        Objects.requireNonNull(reverseStart, "reverseStart");
        Objects.requireNonNull(perturbedStart, "perturbedStart");
        Objects.requireNonNull(field, "field");
        int d = reverseStart.dimension();
        if (perturbedStart.dimension() != d || field.dimension() != d) {
            throw new IllegalArgumentException("dimensions differ: reverse start " + d + ", perturbed start "
                    + perturbedStart.dimension() + ", field " + field.dimension());
        }
    }

    /** Duration {@code τ}. */
    public double tau() {
        return grid.tau();
    }

    /** The dimension {@code d}. */
    public int dimension() {
        return reverseStart.dimension();
    }
}
