package org.thermodiff.plugins.distances;

import java.util.Optional;
import org.apache.commons.rng.simple.RandomSource;
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
        return ConvergedExpectation.of(params.nodes(), z -> {
            double x = p.fromNormalScore(z);
            double px = p.density(x);
            if (!(px > 0)) {
                return 0;     // a node where p's own density underflows carries no mass
            }
            double qx = q.density(x);
            if (!(qx > 0)) {
                if (!q.support().contains(x)) {
                    throw new IllegalArgumentException("KL is infinite: " + p.describe() + " has mass at x = " + x
                            + ", outside the support of " + q.describe());
                }
                return Double.POSITIVE_INFINITY;
            }
            return Math.log(px / qx);
        }, "KL(" + p.describe() + " ‖ " + q.describe() + ")");
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
        MultivariateDistribution.PointSampler sampler = p.pointSampler(RandomSource.XO_RO_SHI_RO_128_PP.create(params.seed()));
        double[] x = new double[p.dimension()];
        double sum = 0;
        for (int i = 0; i < params.samples(); i++) {
            sampler.sample(x, 0);
            double lq = q.logDensity(x);
            if (lq == Double.NEGATIVE_INFINITY) {
                throw new IllegalArgumentException("KL is infinite: " + p.describe() + " has mass outside the support of "
                        + q.describe());
            }
            sum += p.logDensity(x) - lq;
        }
        return sum / params.samples();
    }
}
