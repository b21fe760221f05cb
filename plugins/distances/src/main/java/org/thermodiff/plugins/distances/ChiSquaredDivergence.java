package org.thermodiff.plugins.distances;

import org.thermodiff.math.GaussianDivergences;
import org.thermodiff.math.NormalScoreRule;
import org.thermodiff.spi.GaussianComponents;
import org.thermodiff.spi.MultivariateDistribution;
import org.thermodiff.spi.Distance;
import org.thermodiff.spi.Distribution;
import org.thermodiff.spi.Param;

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
 * a Gaussian ({@link GaussianDivergences}), the case of the paper's set-up with a Gaussian prior.
 */
final class ChiSquaredDivergence implements Distance {

    /**
     * Parameters of {@code chi2}.
     *
     * @param nodes quadrature nodes
     */
    record Params(
            @Param(doc = "normal-score quadrature nodes", defaultValue = "4096", min = 64, max = 10_000_000) int nodes) {
    }

    private static final int ORDER = 8;
    private static final double[] RANGES = {8.5, 12, 17, 24, 37};
    /** Agreement between two successive ranges that counts as converged. */
    private static final double CONVERGED = 1e-13;

    private final Params params;

    ChiSquaredDivergence(Params params) {
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
        double previous = Double.NaN;
        for (double range : RANGES) {
            NormalScoreRule rule = NormalScoreRule.of(Math.max(params.nodes(), (int) (params.nodes() * range / RANGES[0])),
                    ORDER, range);
            double value = rule.expectation(z -> {
                double x = p.fromNormalScore(z);
                double qx = q.density(x);
                if (!(qx > 0)) {
                    if (!q.support().contains(x)) {
                        throw new IllegalArgumentException("χ² is infinite: " + p.describe() + " has mass at x = " + x
                                + ", outside the support of " + q.describe());
                    }
                    // q underflows far out in its own support: the integrand is unbounded there, and
                    // the range loop below reports non-convergence.
                    return Double.POSITIVE_INFINITY;
                }
                return p.density(x) / qx;
            }) - 1;
            if (Double.isFinite(value) && Math.abs(value - previous) <= CONVERGED * Math.max(1, Math.abs(value))) {
                return value;
            }
            previous = value;
        }
        throw new IllegalArgumentException("χ²(" + p.describe() + " ‖ " + q.describe()
                + ") does not converge: the first distribution's tails are too heavy relative to the second's");
    }

    /** In 1-D by quadrature; in {@code d > 1} in closed form for a Gaussian mixture against a Gaussian. */
    @Override
    public double between(MultivariateDistribution p, MultivariateDistribution q) {
        if (p instanceof Distribution a && q instanceof Distribution b) {
            return between(a, b);
        }
        GaussianComponents gp = p.asGaussianComponents().orElseThrow(() -> new IllegalArgumentException(
                "χ² in " + p.dimension() + " dimensions needs a Gaussian mixture; " + p.describe() + " is not one"));
        GaussianComponents gq = q.asGaussianComponents().filter(g -> g.size() == 1).orElseThrow(
                () -> new IllegalArgumentException("χ² in " + q.dimension() + " dimensions needs a Gaussian reference; "
                        + q.describe() + " is not one"));
        return GaussianDivergences.chiSquared(gp, gq);
    }
}
