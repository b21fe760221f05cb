package org.thermodiff.spi.sampling;

import java.util.Objects;
import org.thermodiff.spi.Distribution;
import org.thermodiff.spi.process.VelocityField;

/**
 * What a {@link org.thermodiff.spi.Sampler} is asked to do: push two clouds, one from
 * {@code P†_0} and one from the perturbed {@code P̃†_0}, through the same field {@code ν̂} in
 * reverse time, and report them at every time of {@code grid}.
 *
 * @param grid           output times (forward time), from which the sampler runs backwards
 * @param reverseStart   {@code P†_0 = P_τ}
 * @param perturbedStart {@code P̃†_0}
 * @param field          the estimated velocity {@code ν̂_t}
 * @param seed           seed of the run's random stream
 */
public record SamplingProblem(TimeGrid grid, Distribution reverseStart, Distribution perturbedStart,
                              VelocityField field, long seed) {

    public SamplingProblem {
        Objects.requireNonNull(grid, "grid");
        Objects.requireNonNull(reverseStart, "reverseStart");
        Objects.requireNonNull(perturbedStart, "perturbedStart");
        Objects.requireNonNull(field, "field");
    }

    /** Duration {@code τ}. */
    public double tau() {
        return grid.tau();
    }
}
