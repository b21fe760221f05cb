package org.thermodiff.spi.process;

import java.util.Objects;
import org.thermodiff.spi.MultivariateDistribution;

/**
 * What a {@link org.thermodiff.spi.VelocityEstimator} is given.
 *
 * @param forward the forward process whose velocity is to be estimated
 * @param data    the data {@code q = P_0}
 * @param prior   the declared prior (target of the noising)
 * @param seed    seed of the run, for estimators that sample or train
 */
public record EstimationProblem(ForwardProcess forward, MultivariateDistribution data, MultivariateDistribution prior,
                                long seed) {

    public EstimationProblem {
        Objects.requireNonNull(forward, "forward");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(prior, "prior");
    }
}
