package org.thermodiff.plugins.schedules;

import org.thermodiff.process.GaussianConditionalSchedule;
import org.thermodiff.spi.Param;

/**
 * DDPM's variance-preserving schedule with a linear noise rate {@code β(t) = β_min + (β_max − β_min) t/τ}
 * (Eq. 29 with {@code T_t = β/2}): {@code m = exp(−½∫β)}, {@code σ² = 1 − m²} (Eq. 31). Unlike the
 * cosine schedule it does not reach {@code m = 0}: the forward process ends at
 * {@code P_τ = q_{m_τ} * N(0, 1 − m_τ²)}, close to {@code N(0, 1)} when {@code ∫β} is large.
 */
public final class LinearVpSchedule extends GaussianConditionalSchedule {

    /**
     * Parameters of {@code linear-vp}.
     *
     * @param betaMin {@code β} at {@code t = 0}, in units of {@code 1/τ}
     * @param betaMax {@code β} at {@code t = τ}, in units of {@code 1/τ}
     */
    public record Params(
            @Param(doc = "β at t = 0, in units of 1/τ", defaultValue = "0.1", min = 0) double betaMin,
            @Param(doc = "β at t = τ, in units of 1/τ", defaultValue = "20", min = 0) double betaMax) {

        public Params {
            if (betaMax < betaMin) {
                throw new IllegalArgumentException("beta-max must be >= beta-min, got beta-min=" + betaMin
                        + ", beta-max=" + betaMax);
            }
        }
    }

    private final Params params;

    /** A linear-β VP schedule. */
    public LinearVpSchedule(Params params) {
        this.params = params;
    }

    /** {@code ∫_0^s β ds'}. */
    private double integral(double s) {
        return params.betaMin() * s + 0.5 * (params.betaMax() - params.betaMin()) * s * s;
    }

    private double beta(double s) {
        return params.betaMin() + (params.betaMax() - params.betaMin()) * s;
    }

    @Override
    public double m(double s) {
        return Math.exp(-0.5 * integral(s));
    }

    @Override
    public double mPrime(double s) {
        return -0.5 * beta(s) * m(s);
    }

    /** {@code σ = √(1 − m²)}, with {@code expm1} so that small {@code σ} near {@code s = 0} keeps its digits. */
    @Override
    public double sigma(double s) {
        return Math.sqrt(-Math.expm1(-integral(s)));
    }

    /** {@code d(σ²/2)/ds = −m dm/ds}, since {@code σ² = 1 − m²}. */
    @Override
    public double halfSigmaSquaredPrime(double s) {
        return -m(s) * mPrime(s);
    }

    @Override
    public String name() {
        return "linear-vp";
    }
}
