package org.thermodiff.spi;

import org.thermodiff.spi.process.EstimationProblem;
import org.thermodiff.spi.process.VelocityField;

/** Produces the estimated velocity field {@code ν̂_t} that drives the generative (reverse) process. */
public interface VelocityEstimator {

    /**
     * Estimates (or looks up) the velocity field.
     *
     * @throws IllegalArgumentException if this estimator cannot handle the problem, saying why
     */
    VelocityField estimate(EstimationProblem problem);
}
