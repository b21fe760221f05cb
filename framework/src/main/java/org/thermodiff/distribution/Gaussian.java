package org.thermodiff.distribution;

import java.util.Optional;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.GaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.thermodiff.math.NormalScores;
import org.thermodiff.spi.Distribution;
import org.thermodiff.spi.Interval;

/**
 * The normal distribution {@code N(mean, stddev²)}.
 *
 * @param mean   the mean {@code μ}
 * @param stddev the standard deviation {@code s > 0}
 */
public record Gaussian(double mean, double stddev) implements Distribution {

    /** The standard normal {@code N(0, 1)}, the paper's prior {@code P_τ}. */
    public static final Gaussian STANDARD = new Gaussian(0, 1);

    public Gaussian {
        if (!Double.isFinite(mean)) {
            throw new IllegalArgumentException("mean must be finite, got " + mean);
        }
        if (!(stddev > 0) || !Double.isFinite(stddev)) {
            throw new IllegalArgumentException("stddev must be finite and > 0, got " + stddev);
        }
    }

    /** {@code N(mean, stddev²)}. */
    public static Gaussian of(double mean, double stddev) {
        return new Gaussian(mean, stddev);
    }

    @Override
    public double density(double x) {
        return NormalScores.density((x - mean) / stddev) / stddev;
    }

    @Override
    public double cdf(double x) {
        return NormalScores.cdf((x - mean) / stddev);
    }

    @Override
    public double survival(double x) {
        return NormalScores.survival((x - mean) / stddev);
    }

    @Override
    public double fromNormalScore(double z) {
        return mean + stddev * z;
    }

    @Override
    public double toNormalScore(double x) {
        return (x - mean) / stddev;
    }

    @Override
    public double variance() {
        return stddev * stddev;
    }

    @Override
    public Interval support() {
        return Interval.REAL_LINE;
    }

    @Override
    public ContinuousSampler sampler(UniformRandomProvider rng) {
        return GaussianSampler.of(ZigguratSampler.NormalizedGaussian.of(rng), mean, stddev);
    }

    @Override
    public Optional<GaussianMixture> asGaussianMixture() {
        return Optional.of(GaussianMixture.of(new double[] {1}, new double[] {mean}, new double[] {stddev}));
    }

    @Override
    public String describe() {
        return "N(" + mean + ", " + stddev + "²)";
    }
}
