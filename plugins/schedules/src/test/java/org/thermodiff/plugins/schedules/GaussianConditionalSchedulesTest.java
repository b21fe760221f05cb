package org.thermodiff.plugins.schedules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.thermodiff.distribution.Gaussian;
import org.thermodiff.distribution.GaussianMixture;
import org.thermodiff.process.GaussianConditionalSchedule;
import org.thermodiff.spi.process.ForwardProcess;

class GaussianConditionalSchedulesTest {

    static final List<GaussianConditionalSchedule> ALL = List.of(new CosineSchedule(), new CondOtSchedule(),
            new LinearVpSchedule(new LinearVpSchedule.Params(0.1, 20)),
            new VeSchedule(new VeSchedule.Params(0.01, 2.0, VeSchedule.Profile.GEOMETRIC)),
            new VeSchedule(new VeSchedule.Params(0.01, 2.0, VeSchedule.Profile.LINEAR)));

    /** Eq. 25's initial conditions m_0 = 1, σ_0 = 0. */
    @Test
    void everyScheduleStartsAtTheData() {
        for (GaussianConditionalSchedule s : ALL) {
            assertEquals(1, s.m(0), 0, s.name());
            assertEquals(0, s.sigma(0), 0, s.name());
        }
    }

    /** Cosine and cond-OT end at (σ, m) = (1, 0), so P_τ = N(0, 1) whatever the data. */
    @Test
    void cosineAndCondOtEndAtTheStandardNormal() {
        GaussianMixture q = GaussianMixture.of(new double[] {0.3, 0.7}, new double[] {-1, 2}, new double[] {0.5, 0.1});
        for (GaussianConditionalSchedule s : List.of(new CosineSchedule(), new CondOtSchedule())) {
            assertEquals(0, s.m(1), 1e-16);
            assertEquals(1, s.sigma(1), 1e-16);
            var end = s.forward(q, Gaussian.STANDARD, 1.0).marginal(1.0);
            for (double x : new double[] {-3, 0, 1.5}) {
                assertEquals(Gaussian.STANDARD.density(x), end.density(x), 1e-16);
            }
        }
    }

    /**
     * m', d(σ²/2)/ds and σ' against 4th-order central differences. The error h⁴f⁽⁵⁾/30 is 1e-13
     * for the trigonometric and linear schedules but ≈ 1e-9 relative for the geometric VE, whose
     * σ² grows like e^{10.6 s}: hence a relative tolerance of 1e-8.
     */
    @Test
    void derivativesMatchFiniteDifferences() {
        double h = 1e-3;
        for (GaussianConditionalSchedule s : ALL) {
            for (double u = 0.05; u < 0.96; u += 0.15) {
                final double x = u;
                double m1 = fd(v -> s.m(v), x, h);
                double h1 = fd(v -> s.sigma(v) * s.sigma(v) / 2, x, h);
                double s1 = fd(v -> s.sigma(v), x, h);
                assertEquals(m1, s.mPrime(x), 1e-8 * (1 + Math.abs(m1)), s.name() + " m' at " + x);
                assertEquals(h1, s.halfSigmaSquaredPrime(x), 1e-8 * (1 + Math.abs(h1)), s.name() + " (σ²/2)' at " + x);
                assertEquals(s1, s.sigmaPrime(x), 1e-8 * (1 + Math.abs(s1)), s.name() + " σ' at " + x);
            }
        }
    }

    private static double fd(java.util.function.DoubleUnaryOperator f, double x, double h) {
        return (f.applyAsDouble(x - 2 * h) - 8 * f.applyAsDouble(x - h) + 8 * f.applyAsDouble(x + h)
                - f.applyAsDouble(x + 2 * h)) / (12 * h);
    }

    /** Cosine is VP (m² + σ² = 1, Eq. 31), so Eq. 22 reduces to T = −∂_t ln m = (π/2τ) tan(πt/2τ) (Eq. 30). */
    @Test
    void cosineIsVariancePreservingWithTheVpTemperature() {
        CosineSchedule c = new CosineSchedule();
        double tau = 3.0;
        for (double s = 0; s < 1; s += 0.125) {
            assertEquals(1, c.m(s) * c.m(s) + c.sigma(s) * c.sigma(s), 1e-15);
            assertEquals(Math.PI / (2 * tau) * Math.tan(Math.PI * s / 2), c.temperature(s, tau), 1e-12);
        }
        assertEquals(Double.POSITIVE_INFINITY, c.temperature(1, tau));
    }

    /** Linear VP: m² + σ² = 1 (Eq. 31) and T = −∂_t ln m = β/2 (Eqs. 29–30). */
    @Test
    void linearVpIsVariancePreservingWithTemperatureHalfBeta() {
        LinearVpSchedule vp = new LinearVpSchedule(new LinearVpSchedule.Params(0.1, 20));
        double tau = 2.0;
        for (double s = 0; s <= 1; s += 0.125) {
            assertEquals(1, vp.m(s) * vp.m(s) + vp.sigma(s) * vp.sigma(s), 1e-15);
            assertEquals((0.1 + 19.9 * s) / 2 / tau, vp.temperature(s, tau), 1e-12);
        }
    }

    /** VE has no force, so Eq. 22 reduces to T = ∂_t(σ²/2) (Eq. 27); Eq. 24 (T ≥ 0) holds for all. */
    @Test
    void veTemperatureIsTheRateOfHalfTheVarianceAndAllTemperaturesArePositive() {
        for (GaussianConditionalSchedule s : ALL) {
            for (double u = 0; u < 1; u += 0.1) {
                double t = s.temperature(u, 2.0);
                assertTrue(t >= 0, s.name() + " T < 0 at " + u);
                if (s instanceof VeSchedule) {
                    assertEquals(s.halfSigmaSquaredPrime(u) / 2.0, t, 1e-15);
                }
            }
        }
    }

    @Test
    void geometricVeReachesItsNominalNoiseLevel() {
        VeSchedule ve = new VeSchedule(new VeSchedule.Params(0.01, 2.0, VeSchedule.Profile.GEOMETRIC));
        assertEquals(4.0 - 1e-4, ve.sigma(1) * ve.sigma(1), 1e-12);
        ForwardProcess p = ve.forward(Gaussian.STANDARD, Gaussian.STANDARD, 1.0);
        assertEquals(Math.sqrt(1 + 4.0 - 1e-4), Math.sqrt(p.marginal(1.0).variance()), 1e-12);
    }

    @Test
    void veParametersAreValidated() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new VeSchedule.Params(1.0, 0.5, VeSchedule.Profile.GEOMETRIC));
        assertTrue(e.getMessage().contains("sigma-max"), e.getMessage());
    }

    /** With m'(0) = 0 and σσ̇(0) = 0, the cosine velocity vanishes at t = 0; cond-OT's is −x/τ. */
    @Test
    void velocitiesAtTheDataEnd() {
        GaussianMixture q = GaussianMixture.of(new double[] {0.5, 0.5}, new double[] {0.6, -0.6}, new double[] {0.3, 0.3});
        for (double x : new double[] {-1, 0.2, 2}) {
            assertEquals(0, new CosineSchedule().forward(q, Gaussian.STANDARD, 1).velocity().velocity(0, x), 1e-16);
            assertEquals(-x / 2, new CondOtSchedule().forward(q, Gaussian.STANDARD, 2).velocity().velocity(0, x), 1e-15);
        }
    }
}
