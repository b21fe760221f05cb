package org.thermodiff.plugins.distances;

import java.util.Optional;
import org.thermodiff.math.GaussianDivergences;
import org.thermodiff.spi.Distance;
import org.thermodiff.spi.Distribution;
import org.thermodiff.spi.GaussianComponents;
import org.thermodiff.spi.MultivariateDistribution;

/**
 * The Kullback–Leibler divergence {@code KL(P̃ ‖ P) = ∫ P̃ ln(P̃/P) = E_P̃[ln P̃ − ln P]}.
 *
 * <p>In 1-D the expectation is taken in the normal-score coordinates of {@code P̃}, as for
 * {@code chi2}; in {@code d > 1} it is in closed form between two Gaussians
 * ({@link GaussianDivergences#kullbackLeibler}) and otherwise the Monte-Carlo mean over
 * {@code samples} seeded draws from {@code P̃}, with a standard error of
 * {@code sd(ln P̃ − ln P)/√samples}.
 */
final class KullbackLeiblerDivergence implements Distance {

    private final DivergenceParams params;

    KullbackLeiblerDivergence(DivergenceParams params) {
        this.params = params;
    }

    /**
     * {@code KL(p ‖ q)} on the line.
     *
     * @throws IllegalArgumentException if {@code p} puts mass where {@code q} has none
     */
    @Override
    public double between(Distribution p, Distribution q) {
        return ConvergedExpectation.ofRatio(p, q, params.nodes(), Math::log, "KL");
    }

    /** In 1-D by quadrature; in {@code d > 1} in closed form between Gaussians, else by Monte Carlo. */
    @Override
    public double between(MultivariateDistribution p, MultivariateDistribution q) {
        if (p instanceof Distribution a && q instanceof Distribution b) {
            return between(a, b);
        }
        Optional<GaussianComponents> gp = p.asGaussianComponents().flatMap(GaussianComponents::collapsed);
        Optional<GaussianComponents> gq = q.asGaussianComponents().flatMap(GaussianComponents::collapsed);
        if (gp.isPresent() && gq.isPresent()) {
            return GaussianDivergences.kullbackLeibler(gp.get().means()[0], gp.get().covariances()[0],
                    gq.get().means()[0], gq.get().covariances()[0]);
        }
        return SampledDivergence.mean(p, q, params, r -> r, "KL");
    }
}
