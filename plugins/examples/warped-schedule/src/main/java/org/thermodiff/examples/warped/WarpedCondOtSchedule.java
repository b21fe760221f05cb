package org.thermodiff.examples.warped;

import org.thermodiff.process.GaussianConditionalSchedule;
import org.thermodiff.spi.Param;

/**
 * The conditional-OT schedule (Eq. 28) run on a warped clock: {@code m_t = 1 − u}, {@code σ_t = u}
 * with {@code u = (t/τ)^k}. It follows cond-OT's straight path from {@code (σ, m) = (0, 1)} to
 * {@code (1, 0)}, slowly at first and fast at the end for {@code k > 1}; {@code k = 1} is cond-OT.
 *
 * <p>It is a Gaussian-conditional schedule (Eqs. 22–25): {@code m_0 = 1}, {@code σ_0 = 0}, and
 * {@code σ/m = u/(1 − u)} increases with {@code t}, so the temperature
 * {@code T_t = m σ ∂_t(σ/m) = k s^{2k−1} / ((1 − s^k) τ)}, {@code s = t/τ}, is never negative
 * (Eq. 24). {@code k} is at least 1 so that {@code dm/ds = −k s^{k−1}} stays finite at
 * {@code t = 0}, where the sampler ends.
 */
public final class WarpedCondOtSchedule extends GaussianConditionalSchedule {

    /**
     * Parameters of {@code warped-cond-ot}.
     *
     * @param k the exponent of the clock {@code u = (t/τ)^k}
     */
    public record Params(
            @Param(doc = "exponent k of the warped clock u = (t/τ)^k; 1 is cond-ot", defaultValue = "2", min = 1) double k) {
    }

    private final double k;

    /** A warped cond-OT schedule. */
    public WarpedCondOtSchedule(Params params) {
        this.k = params.k();
    }

    /** {@code u = s^k}. */
    private double clock(double s) {
        return Math.pow(s, k);
    }

    /** {@code du/ds = k s^{k−1}}, 1 at {@code s = 0} for {@code k = 1} ({@code 0^0 = 1}). */
    private double clockRate(double s) {
        return k * Math.pow(s, k - 1);
    }

    @Override
    public double m(double s) {
        return 1 - clock(s);
    }

    @Override
    public double mPrime(double s) {
        return -clockRate(s);
    }

    @Override
    public double sigma(double s) {
        return clock(s);
    }

    /** {@code σ dσ/ds = k s^{2k−1}}. */
    @Override
    public double halfSigmaSquaredPrime(double s) {
        return k * Math.pow(s, 2 * k - 1);
    }

    @Override
    public double sigmaPrime(double s) {
        return clockRate(s);
    }

    @Override
    public String name() {
        return "warped-cond-ot";
    }
}
