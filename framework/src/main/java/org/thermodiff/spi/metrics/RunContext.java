package org.thermodiff.spi.metrics;

import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.thermodiff.spi.Distance;
import org.thermodiff.spi.MultivariateDistribution;
import org.thermodiff.spi.process.ForwardProcess;
import org.thermodiff.spi.process.VelocityField;
import org.thermodiff.spi.sampling.TimeGrid;

/**
 * Everything a metric may know about one run besides the snapshots.
 *
 * @param labels         the run's matrix labels, e.g. {@code schedule → cosine}
 * @param grid           output times and quadrature weights
 * @param data           {@code q = P_0}
 * @param prior          the declared prior
 * @param reverseStart   {@code P†_0 = P_τ}
 * @param perturbedStart {@code P̃†_0}
 * @param forward        the forward process
 * @param estimate       the estimated field {@code ν̂} that drove both clouds (the forward
 *                       velocity itself for the {@code analytic} estimator)
 * @param distances      distance plugins by name (as registered)
 */
public record RunContext(Map<String, String> labels, TimeGrid grid, MultivariateDistribution data,
                         MultivariateDistribution prior, MultivariateDistribution reverseStart,
                         MultivariateDistribution perturbedStart, ForwardProcess forward,
                         VelocityField estimate, Function<String, Distance> distances) {

    public RunContext {
        labels = Map.copyOf(labels);
        Objects.requireNonNull(grid, "grid");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(prior, "prior");
        Objects.requireNonNull(reverseStart, "reverseStart");
        Objects.requireNonNull(perturbedStart, "perturbedStart");
        Objects.requireNonNull(forward, "forward");
        Objects.requireNonNull(estimate, "estimate");
        Objects.requireNonNull(distances, "distances");
    }

    /** A context whose estimate is the exact forward velocity (the {@code analytic} estimator). */
    public RunContext(Map<String, String> labels, TimeGrid grid, MultivariateDistribution data,
                      MultivariateDistribution prior, MultivariateDistribution reverseStart,
                      MultivariateDistribution perturbedStart, ForwardProcess forward,
                      Function<String, Distance> distances) {
        this(labels, grid, data, prior, reverseStart, perturbedStart, forward, forward.velocity(), distances);
    }

    /** Duration {@code τ}. */
    public double tau() {
        return grid.tau();
    }

    /** The distance plugin registered under {@code name}. */
    public Distance distance(String name) {
        return distances.apply(name);
    }
}
