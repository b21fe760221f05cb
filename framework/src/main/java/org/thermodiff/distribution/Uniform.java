package org.thermodiff.distribution;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ContinuousUniformSampler;
import org.thermodiff.math.NormalScores;
import org.thermodiff.spi.Distribution;
import org.thermodiff.spi.Interval;

/**
 * The uniform distribution on {@code [low, high]}.
 *
 * <p>Its density jumps at both ends, yet its normal-score map
 * {@code Q(z) = low + (high − low) Φ(z)} is smooth, so quadrature in normal-score coordinates
 * (DESIGN.md §2) integrates against it at full accuracy where a grid in {@code x} would not.
 *
 * @param low  lower end
 * @param high upper end, {@code > low}
 */
public record Uniform(double low, double high) implements Distribution {

    public Uniform {
        if (!Double.isFinite(low) || !Double.isFinite(high) || !(high > low)) {
            throw new IllegalArgumentException("uniform needs finite low < high, got low=" + low + ", high=" + high);
        }
    }

    private double width() {
        return high - low;
    }

    @Override
    public double density(double x) {
        return x >= low && x <= high ? 1 / width() : 0;
    }

    @Override
    public double cdf(double x) {
        return x <= low ? 0 : x >= high ? 1 : (x - low) / width();
    }

    @Override
    public double survival(double x) {
        return x <= low ? 1 : x >= high ? 0 : (high - x) / width();
    }

    /** Computed from the nearer end so that both tails keep their relative accuracy. */
    @Override
    public double fromNormalScore(double z) {
        return z <= 0 ? low + width() * NormalScores.cdf(z) : high - width() * NormalScores.survival(z);
    }

    @Override
    public double mean() {
        return 0.5 * (low + high);
    }

    @Override
    public double variance() {
        return width() * width() / 12;
    }

    @Override
    public Interval support() {
        return new Interval(low, high);
    }

    @Override
    public ContinuousSampler sampler(UniformRandomProvider rng) {
        return ContinuousUniformSampler.of(rng, low, high);
    }

    @Override
    public String describe() {
        return "U[" + low + ", " + high + "]";
    }
}
