package org.thermodiff.spi.process;

import java.util.Objects;
import java.util.function.Function;
import org.thermodiff.spi.Distance;
import org.thermodiff.spi.MultivariateDistribution;

/**
 * What a {@link org.thermodiff.spi.VelocityEstimator} is given.
 *
 * @param forward   the forward process whose velocity is to be estimated
 * @param data      the data {@code q = P_0}
 * @param prior     the declared prior (target of the noising)
 * @param seed      seed of the run, for estimators that sample or train
 * @param distances distance plugins by name (as registered), e.g. for minibatch couplings
 */
public record EstimationProblem(ForwardProcess forward, MultivariateDistribution data, MultivariateDistribution prior,
                                long seed, Function<String, Distance> distances) {

    public EstimationProblem {
        Objects.requireNonNull(forward, "forward");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(prior, "prior");
        Objects.requireNonNull(distances, "distances");
    }

    /** A problem without distance plugins (asking for one fails, naming it). */
    public EstimationProblem(ForwardProcess forward, MultivariateDistribution data, MultivariateDistribution prior,
                             long seed) {
        this(forward, data, prior, seed, name -> {
            throw new IllegalArgumentException("no distance plugins are available here (asked for '" + name + "')");
        });
    }

    /** The distance plugin registered under {@code name}. */
    public Distance distance(String name) {
        return distances.apply(name);
    }
}
