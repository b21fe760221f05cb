package org.thermodiff.spi;

import java.util.Optional;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.thermodiff.distribution.GaussianMixture;
import org.thermodiff.math.NormalScores;

/**
 * A probability distribution on the real line: the data {@code q}, the prior {@code P_τ = P†_0}, a
 * perturbed start {@code P̃†_0}, or a forward marginal {@code P_t}.
 *
 * <p>Besides the usual density and distribution functions, every distribution exposes its
 * <em>normal-score map</em> {@code Q(z) = F⁻¹(Φ(z))}: the quadrature clouds of DESIGN.md §2 place
 * their nodes at {@code Q(z_i)}, and the 1-D optimal-transport map between two distributions is
 * {@code Q_b ∘ Q_a⁻¹}. Implementations must keep {@code Q} accurate in both tails (work with
 * {@code F} below the median and with the survival function above it).
 *
 * <p>It is the {@code d = 1} case of {@link MultivariateDistribution}, whose methods it implements
 * from the 1-D ones, so 1-D distributions also run through the n-D code paths.
 *
 * <p>Implementations are immutable and thread-safe.
 */
public interface Distribution extends MultivariateDistribution {

    /** Probability density {@code p(x)}; 0 outside the support. */
    double density(double x);

    /** Distribution function {@code F(x) = P(X ≤ x)}. */
    double cdf(double x);

    /** Survival function {@code 1 − F(x)}, accurate where {@code F(x)} is close to 1. */
    double survival(double x);

    /**
     * The normal-score map {@code Q(z) = F⁻¹(Φ(z))}: the point of this distribution at the same
     * quantile as {@code z} under the standard normal. Monotone non-decreasing in {@code z}.
     */
    double fromNormalScore(double z);

    /** The inverse normal-score map {@code Φ⁻¹(F(x))}; ±∞ outside the support. */
    default double toNormalScore(double x) {
        return NormalScores.fromProbabilities(cdf(x), survival(x));
    }

    /** Mean {@code E[X]}. */
    double mean();

    /** Variance {@code E[(X − E X)²]}. */
    double variance();

    /** Closed support {@code [lower, upper]}; the bounds may be infinite. */
    Interval support();

    /** A sampler of independent draws using {@code rng}; not thread-safe (one per stream). */
    ContinuousSampler sampler(UniformRandomProvider rng);

    /**
     * This distribution as a Gaussian mixture, when it is one exactly. Forward processes with
     * Gaussian-conditional schedules have closed-form marginals and velocities for such data
     * (Eqs. 96–97).
     */
    default Optional<GaussianMixture> asGaussianMixture() {
        return Optional.empty();
    }

    /** A short human-readable description, e.g. {@code N(1, 1²)}. */
    @Override
    String describe();

    // ---- the d = 1 view ------------------------------------------------------------------

    /** Always 1. */
    @Override
    default int dimension() {
        return 1;
    }

    /** {@code ln p(x[0])}. */
    @Override
    default double logDensity(double[] x) {
        return Math.log(density(x[0]));
    }

    @Override
    default PointSampler pointSampler(UniformRandomProvider rng) {
        ContinuousSampler s = sampler(rng);
        return (out, offset) -> out[offset] = s.sample();
    }

    /** The quantile coupling {@code z ↦ F⁻¹(Φ(z))}, optimal between any two 1-D laws. */
    @Override
    default Optional<NormalScoreMap> normalScoreMap() {
        return Optional.of((z, zo, out, oo) -> out[oo] = fromNormalScore(z[zo]));
    }

    @Override
    default double[] meanVector() {
        return new double[] {mean()};
    }

    @Override
    default double[][] covarianceMatrix() {
        return new double[][] {{variance()}};
    }

    /** The 1-D {@link #asGaussianMixture()} as components, when there is one. */
    @Override
    default Optional<GaussianComponents> asGaussianComponents() {
        return asGaussianMixture().map(g -> {
            int k = g.size();
            double[][] means = new double[k][];
            double[][][] covariances = new double[k][][];
            for (int i = 0; i < k; i++) {
                means[i] = new double[] {g.mean(i)};
                covariances[i] = new double[][] {{g.stddev(i) * g.stddev(i)}};
            }
            return new GaussianComponents(g.weights(), means, covariances);
        });
    }
}
