package org.thermodiff.plugins.distances;

import org.thermodiff.spi.PluginFactory;
import org.thermodiff.spi.PluginFamily;
import org.thermodiff.spi.PluginModule;

/** Distances: Wasserstein (exact, sliced, entropic) and Pearson χ². */
public final class DistancePlugins extends PluginModule {

    @Override
    protected void configure() {
        register(PluginFamily.DISTANCE, "w1", PluginFactory.of(
                "1-Wasserstein distance, exact: monotone coupling in 1-D, OR-Tools assignment or min-cost flow in R^d", WassersteinDistance.Params.class,
                p -> new WassersteinDistance(1, p)));
        register(PluginFamily.DISTANCE, "w2", PluginFactory.of(
                "2-Wasserstein distance (Eq. 58), exact: monotone coupling in 1-D, OR-Tools assignment or min-cost flow in R^d", WassersteinDistance.Params.class,
                p -> new WassersteinDistance(2, p)));
        register(PluginFamily.DISTANCE, "sliced-w2", PluginFactory.of(
                "sliced 2-Wasserstein distance over random directions (≤ W2; = W2 in 1-D)", SlicedWasserstein.Params.class,
                SlicedWasserstein::new));
        register(PluginFamily.DISTANCE, "sinkhorn", PluginFactory.of(
                "entropic optimal transport (Sinkhorn, log domain): ⟨π_ε, C⟩^{1/p} of the regularised plan",
                Sinkhorn.Params.class, Sinkhorn::new));
        register(PluginFamily.DISTANCE, "chi2", PluginFactory.of(
                "Pearson χ² divergence ∫(P̃−P)²/P (Eq. 78): normal-score quadrature in 1-D, closed form for Gaussian "
                        + "mixtures against a Gaussian, Monte Carlo otherwise", DivergenceParams.class,
                ChiSquaredDivergence::new));
        register(PluginFamily.DISTANCE, "kl", PluginFactory.of(
                "Kullback–Leibler divergence ∫P̃ ln(P̃/P): normal-score quadrature in 1-D, closed form between Gaussians, "
                        + "Monte Carlo otherwise", DivergenceParams.class, KullbackLeiblerDivergence::new));
    }
}
