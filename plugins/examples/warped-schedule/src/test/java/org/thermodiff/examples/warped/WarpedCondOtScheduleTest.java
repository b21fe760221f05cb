package org.thermodiff.examples.warped;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import org.thermodiff.distribution.Gaussian;
import org.thermodiff.spi.Distribution;
import org.thermodiff.spi.process.ForwardProcess;

class WarpedCondOtScheduleTest {

    static final List<Double> EXPONENTS = List.of(1.0, 1.5, 2.0, 3.7);

    private static WarpedCondOtSchedule warped(double k) {
        return new WarpedCondOtSchedule(new WarpedCondOtSchedule.Params(k));
    }

    /** Eq. 25's initial conditions m_0 = 1, σ_0 = 0; at t = τ the data are gone, (σ, m) = (1, 0). */
    @Test
    void startsAtTheDataAndEndsAtPureNoise() {
        for (double k : EXPONENTS) {
            WarpedCondOtSchedule s = warped(k);
            assertEquals(1, s.m(0), 0, "m(0), k = " + k);
            assertEquals(0, s.sigma(0), 0, "σ(0), k = " + k);
            assertEquals(0, s.m(1), 0, "m(1), k = " + k);
            assertEquals(1, s.sigma(1), 0, "σ(1), k = " + k);
        }
    }

    /**
     * m', d(σ²/2)/ds and σ' against 4th-order central differences. Their error h⁴|f⁽⁵⁾|/30 with
     * h = 1e-3 is largest for s^1.5 at s = 0.1, where |f⁽⁵⁾| = 1.41 s^−3.5 ≈ 4.4e3: 1.5e-10; hence
     * 1e-9 on [0.1, 0.95] (closer to 0 the fractional powers' high derivatives blow up).
     */
    @Test
    void derivativesMatchFiniteDifferences() {
        double h = 1e-3;
        for (double k : EXPONENTS) {
            WarpedCondOtSchedule s = warped(k);
            for (double u = 0.1; u < 0.96; u += 0.05) {
                final double x = u;
                String where = "k = " + k + ", s = " + x;
                assertEquals(fd(s::m, x, h), s.mPrime(x), 1e-9, "m' at " + where);
                assertEquals(fd(v -> s.sigma(v) * s.sigma(v) / 2, x, h), s.halfSigmaSquaredPrime(x), 1e-9, "(σ²/2)' at " + where);
                assertEquals(fd(s::sigma, x, h), s.sigmaPrime(x), 1e-9, "σ' at " + where);
            }
        }
    }

    /** At t = 0, where the sampler ends, the derivatives are finite: m' = −1 for k = 1 and 0 for k > 1. */
    @Test
    void derivativesAreFiniteAtTheDataEnd() {
        assertEquals(-1, warped(1).mPrime(0), 0);
        assertEquals(1, warped(1).sigmaPrime(0), 0);
        for (double k : List.of(1.5, 2.0, 3.7)) {
            assertEquals(0, warped(k).mPrime(0), 0, "k = " + k);
            assertEquals(0, warped(k).halfSigmaSquaredPrime(0), 0, "k = " + k);
        }
    }

    private static double fd(DoubleUnaryOperator f, double x, double h) {
        return (f.applyAsDouble(x - 2 * h) - 8 * f.applyAsDouble(x - h) + 8 * f.applyAsDouble(x + h)
                - f.applyAsDouble(x + 2 * h)) / (12 * h);
    }

    /**
     * Eq. 24: σ/m = u/(1 − u) increases, so T = mσ ∂ₜ(σ/m) ≥ 0; in closed form
     * T = k s^{2k−1} / ((1 − s^k) τ), and +∞ at t = τ where m = 0 (as for cond-OT).
     */
    @Test
    void temperatureIsNonNegativeAndMatchesItsClosedForm() {
        double tau = 2.0;
        for (double k : EXPONENTS) {
            WarpedCondOtSchedule s = warped(k);
            double previousRatio = -1;
            for (double u = 0; u < 1; u += 0.01) {
                double t = s.temperature(u, tau);
                assertTrue(t >= 0, "T < 0 at s = " + u + ", k = " + k);
                double expected = k * Math.pow(u, 2 * k - 1) / ((1 - Math.pow(u, k)) * tau);
                assertEquals(expected, t, 1e-12 * (1 + expected), "T at s = " + u + ", k = " + k);
                double ratio = s.sigma(u) / s.m(u);
                assertTrue(ratio > previousRatio, "σ/m must increase, s = " + u + ", k = " + k);
                previousRatio = ratio;
            }
            assertEquals(Double.POSITIVE_INFINITY, s.temperature(1, tau), "k = " + k);
        }
    }

    /** k = 1 is the conditional-OT schedule of Eq. 28: m = 1 − s, σ = s, T = s/((1 − s)τ). */
    @Test
    void exponentOneIsConditionalOptimalTransport() {
        WarpedCondOtSchedule s = warped(1);
        for (double u = 0; u <= 1; u += 0.125) {
            assertEquals(1 - u, s.m(u), 1e-16);
            assertEquals(u, s.sigma(u), 1e-16);
            assertEquals(-1, s.mPrime(u), 1e-16);
            assertEquals(u, s.halfSigmaSquaredPrime(u), 1e-16);
        }
    }

    /**
     * On Gaussian data N(μ, s₀²) the marginal is N(mμ, m²s₀² + σ²) (Eq. 97 with one component), and
     * the velocity of a Gaussian that moves and spreads is linear:
     * ν(x) = ∂ₜμ_t + (∂ₜV_t / 2V_t)(x − μ_t), with μ_t = mμ and V_t = m²s₀² + σ².
     */
    @Test
    void forwardProcessOnGaussianDataIsTheMovingGaussian() {
        double mu = 0.7;
        double s0 = 0.4;
        double tau = 3.0;
        WarpedCondOtSchedule s = warped(2.5);
        ForwardProcess process = s.forward(Gaussian.of(mu, s0), Gaussian.STANDARD, tau);
        for (double u = 0.1; u < 1; u += 0.2) {
            double t = u * tau;
            double m = s.m(u);
            double sigma = s.sigma(u);
            double variance = m * m * s0 * s0 + sigma * sigma;
            Distribution marginal = process.marginal(t);
            assertEquals(m * mu, marginal.mean(), 1e-14, "mean at s = " + u);
            assertEquals(variance, marginal.variance(), 1e-14, "variance at s = " + u);
            double meanRate = s.mPrime(u) * mu / tau;
            double varianceRate = (2 * m * s.mPrime(u) * s0 * s0 + 2 * s.halfSigmaSquaredPrime(u)) / tau;
            for (double x : new double[] {-1.5, 0.2, 2.0}) {
                double expected = meanRate + varianceRate / (2 * variance) * (x - m * mu);
                assertEquals(expected, process.velocity().velocity(t, x), 1e-12 * (1 + Math.abs(expected)),
                        "ν at s = " + u + ", x = " + x);
            }
        }
    }
}
