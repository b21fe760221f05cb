package org.thermodiff.distribution;

import java.util.Arrays;
import java.util.Optional;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.GuideTableDiscreteSampler;
import org.apache.commons.rng.sampling.distribution.SharedStateDiscreteSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.thermodiff.math.MonotoneRoot;
import org.thermodiff.math.NormalScores;
import org.thermodiff.spi.Distribution;
import org.thermodiff.spi.Interval;

/**
 * A finite Gaussian mixture {@code Σ_k w_k N(μ_k, s_k²)} on the real line: the paper's data
 * (Eq. 95) and every marginal of a Gaussian-conditional forward process started from it (Eq. 97).
 *
 * <p>Immutable; accessors copy.
 */
public final class GaussianMixture implements Distribution {

    /** Tolerance on {@code |Σ w_k − 1|} before the weights are renormalised exactly. */
    private static final double WEIGHT_SUM_TOLERANCE = 1e-9;

    private final double[] weights;
    private final double[] means;
    private final double[] stddevs;
    private final double mean;
    private final double variance;

    private GaussianMixture(double[] weights, double[] means, double[] stddevs) {
        this.weights = weights;
        this.means = means;
        this.stddevs = stddevs;
        double m = 0;
        double second = 0;
        for (int k = 0; k < weights.length; k++) {
            m += weights[k] * means[k];
            second += weights[k] * (stddevs[k] * stddevs[k] + means[k] * means[k]);
        }
        this.mean = m;
        this.variance = Math.max(0, second - m * m);
    }

    /**
     * A mixture with the given components.
     *
     * @param weights non-negative weights summing to 1 (within 1e-9; then renormalised)
     * @param means   component means, finite
     * @param stddevs component standard deviations, finite and {@code > 0}
     * @throws IllegalArgumentException naming the offending argument
     */
    public static GaussianMixture of(double[] weights, double[] means, double[] stddevs) {
        int n = weights.length;
        if (n == 0) {
            throw new IllegalArgumentException("weights must have at least one component");
        }
        if (means.length != n || stddevs.length != n) {
            throw new IllegalArgumentException("weights, means and stddevs must have the same length, got "
                    + n + ", " + means.length + " and " + stddevs.length);
        }
        double sum = 0;
        for (int k = 0; k < n; k++) {
            if (!(weights[k] >= 0) || !Double.isFinite(weights[k])) {
                throw new IllegalArgumentException("weights[" + k + "] must be finite and >= 0, got " + weights[k]);
            }
            if (!Double.isFinite(means[k])) {
                throw new IllegalArgumentException("means[" + k + "] must be finite, got " + means[k]);
            }
            if (!(stddevs[k] > 0) || !Double.isFinite(stddevs[k])) {
                throw new IllegalArgumentException("stddevs[" + k + "] must be finite and > 0, got " + stddevs[k]);
            }
            sum += weights[k];
        }
        if (Math.abs(sum - 1) > WEIGHT_SUM_TOLERANCE) {
            throw new IllegalArgumentException("weights must sum to 1, got " + sum);
        }
        double[] w = new double[n];
        for (int k = 0; k < n; k++) {
            w[k] = weights[k] / sum;
        }
        return new GaussianMixture(w, means.clone(), stddevs.clone());
    }

    /** Number of components. */
    public int size() {
        return weights.length;
    }

    /** Weight {@code w_k}. */
    public double weight(int k) {
        return weights[k];
    }

    /** Component mean {@code μ_k}. */
    public double mean(int k) {
        return means[k];
    }

    /** Component standard deviation {@code s_k}. */
    public double stddev(int k) {
        return stddevs[k];
    }

    /** A copy of the weights. */
    public double[] weights() {
        return weights.clone();
    }

    /** A copy of the component means. */
    public double[] means() {
        return means.clone();
    }

    /** A copy of the component standard deviations. */
    public double[] stddevs() {
        return stddevs.clone();
    }

    @Override
    public double density(double x) {
        double p = 0;
        for (int k = 0; k < weights.length; k++) {
            p += weights[k] * NormalScores.density((x - means[k]) / stddevs[k]) / stddevs[k];
        }
        return p;
    }

    @Override
    public double cdf(double x) {
        double f = 0;
        for (int k = 0; k < weights.length; k++) {
            f += weights[k] * NormalScores.cdf((x - means[k]) / stddevs[k]);
        }
        return f;
    }

    @Override
    public double survival(double x) {
        double s = 0;
        for (int k = 0; k < weights.length; k++) {
            s += weights[k] * NormalScores.survival((x - means[k]) / stddevs[k]);
        }
        return s;
    }

    /**
     * Solves {@code F(x) = Φ(z)} by safeguarded Newton on {@code ln F(x) − ln Φ(z)} (or on the
     * survival functions for {@code z > 0}), which stays well conditioned in the tails. The
     * bracket {@code [min_k(μ_k + s_k z), max_k(μ_k + s_k z)]} is exact: at its ends every
     * component's CDF is below, respectively above, {@code Φ(z)}.
     */
    @Override
    public double fromNormalScore(double z) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < weights.length; k++) {
            double x = means[k] + stddevs[k] * z;
            lo = Math.min(lo, x);
            hi = Math.max(hi, x);
        }
        if (!(hi > lo)) {
            return lo;
        }
        boolean lower = z <= 0;
        double target = Math.log(lower ? NormalScores.cdf(z) : NormalScores.survival(z));
        MonotoneRoot.Function g = (x, out) -> {
            double tail = lower ? cdf(x) : survival(x);
            double ratio = density(x) / tail;
            out[0] = lower ? Math.log(tail) - target : target - Math.log(tail);
            out[1] = ratio;
        };
        double guess = mean + Math.sqrt(variance) * z;
        double tolerance = 1e-15 * (1 + Math.max(Math.abs(lo), Math.abs(hi)));
        return MonotoneRoot.solve(g, lo, hi, guess, tolerance);
    }

    /** Uses whichever tail is smaller, computing only that one. */
    @Override
    public double toNormalScore(double x) {
        double f = cdf(x);
        return f <= 0.5 ? NormalScores.quantile(f) : NormalScores.quantileOfSurvival(survival(x));
    }

    @Override
    public double mean() {
        return mean;
    }

    @Override
    public double variance() {
        return variance;
    }

    @Override
    public Interval support() {
        return Interval.REAL_LINE;
    }

    @Override
    public ContinuousSampler sampler(UniformRandomProvider rng) {
        SharedStateDiscreteSampler component = GuideTableDiscreteSampler.of(rng, weights);
        ContinuousSampler normal = ZigguratSampler.NormalizedGaussian.of(rng);
        return () -> {
            int k = component.sample();
            return means[k] + stddevs[k] * normal.sample();
        };
    }

    @Override
    public Optional<GaussianMixture> asGaussianMixture() {
        return Optional.of(this);
    }

    @Override
    public String describe() {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < weights.length; k++) {
            if (k > 0) {
                sb.append(" + ");
            }
            sb.append(String.format("%.4g·N(%.6g, %.6g²)", weights[k], means[k], stddevs[k]));
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GaussianMixture m && Arrays.equals(weights, m.weights)
                && Arrays.equals(means, m.means) && Arrays.equals(stddevs, m.stddevs);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(weights) + Arrays.hashCode(means)) + Arrays.hashCode(stddevs);
    }

    @Override
    public String toString() {
        return "GaussianMixture[" + describe() + "]";
    }
}
