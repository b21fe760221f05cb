package org.thermodiff.plugins.distances;

import java.util.function.DoubleUnaryOperator;
import org.apache.commons.rng.simple.RandomSource;
import org.thermodiff.spi.MultivariateDistribution;

/**
 * {@code E_p[f(ln p − ln q)]} over seeded draws from {@code p}: the Monte-Carlo form of the
 * divergences in {@code d > 1} where no closed form exists ({@code f = exp} gives {@code 1 + χ²},
 * {@code f = id} gives KL); its standard error is {@code sd(f)/√samples}.
 */
final class SampledDivergence {

    private SampledDivergence() {
    }

    /**
     * The mean of {@code f(ln p(X) − ln q(X))} over {@code params.samples()} draws {@code X ~ p}.
     *
     * @throws IllegalArgumentException naming {@code what} if {@code p} has mass where {@code q} has none
     */
    static double mean(MultivariateDistribution p, MultivariateDistribution q, DivergenceParams params,
                       DoubleUnaryOperator f, String what) {
        MultivariateDistribution.PointSampler sampler = p.pointSampler(RandomSource.XO_RO_SHI_RO_128_PP.create(params.seed()));
        double[] x = new double[p.dimension()];
        double sum = 0;
        for (int i = 0; i < params.samples(); i++) {
            sampler.sample(x, 0);
            double lq = q.logDensity(x);
            if (lq == Double.NEGATIVE_INFINITY) {
                throw new IllegalArgumentException(what + " is infinite: " + p.describe() + " has mass outside the support of "
                        + q.describe());
            }
            sum += f.applyAsDouble(p.logDensity(x) - lq);
        }
        return sum / params.samples();
    }
}
