package org.thermodiff.plugins.estimators;

import org.thermodiff.spi.ExactFieldEstimator;
import org.thermodiff.spi.NoParameters;
import org.thermodiff.spi.PluginFactory;
import org.thermodiff.spi.PluginFamily;
import org.thermodiff.spi.PluginModule;
import org.thermodiff.spi.VelocityEstimator;

/** Velocity estimators that need no learning. */
public final class EstimatorPlugins extends PluginModule {

    /**
     * The exact velocity of the forward process (Eq. 96 for Gaussian-conditional schedules, the
     * displacement velocity for optimal transport): the paper's "accurately reconstructed" field.
     */
    static final VelocityEstimator ANALYTIC = (ExactFieldEstimator) problem -> problem.forward().velocity();

    @Override
    protected void configure() {
        register(PluginFamily.ESTIMATOR, "analytic", PluginFactory.of(
                "the exact forward velocity ν̂ = ν (Eq. 96; exact OT velocity in 1-D)", NoParameters.class, p -> ANALYTIC));
    }
}
