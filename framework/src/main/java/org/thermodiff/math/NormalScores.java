package org.thermodiff.math;

import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * The standard normal distribution, tail-accurate: {@code φ}, {@code Φ} and {@code Φ⁻¹}.
 *
 * <p>Normal scores are the coordinates in which thermodiff's quadrature clouds live
 * (DESIGN.md §2): a node {@code z} stands for the quantile {@code Φ(z)} of every distribution at
 * once. Commons Statistics evaluates {@code Φ} through {@code erfc} and {@code Φ⁻¹} through an
 * inverse {@code erfc}, so both keep full relative accuracy deep in the tails; Commons Math's
 * {@code erfInv(2p − 1)} would lose it to cancellation for {@code p < 1e-8}.
 */
public final class NormalScores {

    private static final NormalDistribution STANDARD = NormalDistribution.of(0, 1);
    private static final double LOG_SQRT_TWO_PI = 0.5 * Math.log(2 * Math.PI);

    private NormalScores() {
    }

    /** Standard normal density {@code φ(z)}. */
    public static double density(double z) {
        return Math.exp(-0.5 * z * z - LOG_SQRT_TWO_PI);
    }

    /** Logarithm of the standard normal density. */
    public static double logDensity(double z) {
        return -0.5 * z * z - LOG_SQRT_TWO_PI;
    }

    /** {@code Φ(z)}. */
    public static double cdf(double z) {
        return STANDARD.cumulativeProbability(z);
    }

    /** {@code 1 − Φ(z) = Φ(−z)}, accurate for large {@code z}. */
    public static double survival(double z) {
        return STANDARD.survivalProbability(z);
    }

    /** {@code Φ⁻¹(p)}. */
    public static double quantile(double p) {
        return STANDARD.inverseCumulativeProbability(p);
    }

    /** {@code Φ⁻¹(1 − q)} computed from {@code q}, accurate for small {@code q}. */
    public static double quantileOfSurvival(double q) {
        return STANDARD.inverseSurvivalProbability(q);
    }

    /**
     * {@code Φ⁻¹(F)} from a probability {@code p = F} and its complement {@code q = 1 − F}, using
     * whichever of the two is smaller (and therefore accurate).
     */
    public static double fromProbabilities(double p, double q) {
        return p <= q ? quantile(p) : quantileOfSurvival(q);
    }
}
