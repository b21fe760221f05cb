package org.thermodiff.plugins.distances;

import org.thermodiff.spi.PluginFactory;
import org.thermodiff.spi.PluginFamily;
import org.thermodiff.spi.PluginModule;

/** Distances on the real line: Wasserstein (exact) and Pearson χ². */
public final class DistancePlugins extends PluginModule {

    @Override
    protected void configure() {
        register(PluginFamily.DISTANCE, "w1", PluginFactory.of(
                "1-Wasserstein distance, exact in 1-D via the monotone coupling", WassersteinDistance.Params.class,
                p -> new WassersteinDistance(1, p)));
        register(PluginFamily.DISTANCE, "w2", PluginFactory.of(
                "2-Wasserstein distance, exact in 1-D via the monotone coupling", WassersteinDistance.Params.class,
                p -> new WassersteinDistance(2, p)));
        register(PluginFamily.DISTANCE, "chi2", PluginFactory.of(
                "Pearson χ² divergence ∫(P̃−P)²/P (Eq. 78), by normal-score quadrature", ChiSquaredDivergence.Params.class,
                ChiSquaredDivergence::new));
    }
}
