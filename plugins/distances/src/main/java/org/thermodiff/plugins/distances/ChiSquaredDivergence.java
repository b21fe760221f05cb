package org.thermodiff.plugins.distances;

import java.util.Optional;
import org.thermodiff.math.GaussianDivergences;
import org.thermodiff.spi.GaussianComponents;
import org.thermodiff.spi.MultivariateDistribution;
import org.thermodiff.spi.Distance;
import org.thermodiff.spi.Distribution;

/**
 * Pearson's {@code χ²} divergence (Eq. 78), {@code χ²(P̃ ‖ P) = ∫ (P̃ − P)²/P dx = E_P̃[P̃/P] − 1}.
 *
 * <p>The expectation is taken in the normal-score coordinates of {@code P̃}:
 * {@code E_P̃[g] = E[g(Q_P̃(Z))]}, so a {@code P̃} with a discontinuous density (the uniform start of
 * Table I) is integrated as accurately as a smooth one. The range in {@code z} is widened until the
 * result no longer changes, because the integrand's tails decay slowly when {@code P̃} is much wider
 * than {@code P}.
 *
 * <p>In {@code d > 1} it is exact in closed form when {@code P̃} is a Gaussian mixture and {@code P}
 * a Gaussian ({@link GaussianDivergences}) — the case of a Gaussian prior, and of a forward marginal
 * {@code P_τ} with {@code m_τ = 0}, whose components all coincide; with diagonal covariances (isotropic
 * priors and perturbations, mixtures of isotropic components) as a product over coordinates in
 * {@code O(k²·d)}, so {@code d = 4096} costs nothing. Otherwise (VE's {@code P_τ}, a
 * genuine mixture) it is the Monte-Carlo mean {@code E_P̃[P̃/P] − 1} over {@code samples} seeded draws,
 * with a standard error of {@code sd(P̃/P)/√samples}.
 */
final class ChiSquaredDivergence implements Distance {

    private final DivergenceParams params;

    ChiSquaredDivergence(DivergenceParams params) {
        this.params = params;
    }

    /**
     * {@code χ²(p ‖ q)}.
     *
     * @throws IllegalArgumentException if {@code p} puts mass where {@code q} has none, or the
     *                                  integral does not converge (it diverges unless {@code q}'s tails are heavy enough)
     */
    @Override
    public double between(Distribution p, Distribution q) {
        return ConvergedExpectation.ofRatio(p, q, params.nodes(), r -> r, "χ²") - 1;
    }

    /** In 1-D by quadrature; in {@code d > 1} in closed form for a Gaussian mixture against a Gaussian. */
    @Override
    public double between(MultivariateDistribution p, MultivariateDistribution q) {
        if (p instanceof Distribution a && q instanceof Distribution b) {
            return between(a, b);
        }
        Optional<GaussianComponents> gp = p.asGaussianComponents();
        Optional<GaussianComponents> gq = q.asGaussianComponents().flatMap(GaussianComponents::collapsed);
        if (gp.isPresent() && gq.isPresent()) {
            return GaussianDivergences.chiSquared(gp.get(), gq.get());
        }
        return SampledDivergence.mean(p, q, params, Math::exp, "χ²") - 1;
    }
}
