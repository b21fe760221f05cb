package org.thermodiff.plugins.schedules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.thermodiff.distribution.Gaussian;
import org.thermodiff.distribution.GaussianMixture;
import org.thermodiff.distribution.Uniform;
import org.thermodiff.process.GaussianConditionalProcess;
import org.thermodiff.process.GaussianConditionalSchedule;
import org.thermodiff.spi.Distribution;
import org.thermodiff.spi.process.VelocityField;

/**
 * The framework's closed-form forward process of Gaussian-conditional schedules (Eqs. 22–25,
 * 96–97), on the shipped schedules, checked against relations it does not use: the continuity equation in integrated form
 * {@code ν = −∂_tF/p} with {@code ∂_tF} by finite differences of the marginal CDF, the paper's
 * literal Eq. 96, and the temperatures of the VE and VP special cases (Eqs. 27, 30).
 */
class GaussianConditionalProcessTest {

    static final GaussianMixture DATA = GaussianMixture.of(new double[] {0.5, 0.5},
            new double[] {Math.sqrt(0.35), -Math.sqrt(0.35)}, new double[] {0.3, 0.3});
    static final GaussianMixture LOPSIDED = GaussianMixture.of(new double[] {0.7, 0.3}, new double[] {-1, 2},
            new double[] {0.25, 0.6});
    static final double TAU = 2.0;

    static final LinearVpSchedule LINEAR_VP = new LinearVpSchedule(new LinearVpSchedule.Params(0.1, 8));
    static final VeSchedule VE = new VeSchedule(new VeSchedule.Params(0.05, 2.0, VeSchedule.Profile.GEOMETRIC));
    static final List<GaussianConditionalSchedule> SCHEDULES = List.of(new CosineSchedule(), new CondOtSchedule(), LINEAR_VP, VE);

    private static GaussianConditionalProcess process(GaussianConditionalSchedule schedule, GaussianMixture data) {
        return (GaussianConditionalProcess) schedule.forward(data, Gaussian.STANDARD, TAU);
    }

    /**
     * 4th-order central difference in t of the marginal CDF at x; one-sided (with a smaller step,
     * its error constant being 12 times larger) within two steps of an end.
     */
    private static double dFdt(GaussianConditionalProcess p, double t, double x) {
        double h = 1e-3 * TAU;
        if (t - 2 * h < 0 || t + 2 * h > TAU) {
            h = 1e-4 * TAU;
        }
        if (t - 2 * h < 0) {
            return (-25 * cdf(p, t, x) + 48 * cdf(p, t + h, x) - 36 * cdf(p, t + 2 * h, x) + 16 * cdf(p, t + 3 * h, x)
                    - 3 * cdf(p, t + 4 * h, x)) / (12 * h);
        }
        if (t + 2 * h > TAU) {
            return -(-25 * cdf(p, t, x) + 48 * cdf(p, t - h, x) - 36 * cdf(p, t - 2 * h, x) + 16 * cdf(p, t - 3 * h, x)
                    - 3 * cdf(p, t - 4 * h, x)) / (12 * h);
        }
        return (cdf(p, t - 2 * h, x) - 8 * cdf(p, t - h, x) + 8 * cdf(p, t + h, x) - cdf(p, t + 2 * h, x)) / (12 * h);
    }

    private static double cdf(GaussianConditionalProcess p, double t, double x) {
        return p.marginal(t).cdf(x);
    }

    /**
     * In 1-D the velocity of the continuity equation is {@code ν = −∂_tF/p}. The finite difference
     * has truncation error O(h⁴) ≲ 1e-11 and rounding error ≈ 1e-16/h ≲ 1e-11 on ∂_tF; dividing by
     * p ≥ 0.01 (the points kept) leaves ≲ 1e-8, hence the tolerance. End points included: the
     * closed form has no 0/0 there.
     */
    @Test
    void velocityIsMinusTimeDerivativeOfTheCdfOverTheDensity() {
        for (GaussianConditionalSchedule schedule : SCHEDULES) {
            for (GaussianMixture data : List.of(DATA, LOPSIDED)) {
                GaussianConditionalProcess process = process(schedule, data);
                VelocityField field = process.velocity();
                for (double t : new double[] {0, 0.001 * TAU, 0.3 * TAU, 0.77 * TAU, 0.999 * TAU, TAU}) {
                    Distribution marginal = process.marginal(t);
                    for (double x = -2.5; x <= 3; x += 0.25) {
                        double p = marginal.density(x);
                        if (p < 0.01) {
                            continue;
                        }
                        double expected = -dFdt(process, t, x) / p;
                        double actual = field.velocity(t, x);
                        assertTrue(Double.isFinite(actual));
                        assertEquals(expected, actual, 1e-7 * (1 + Math.abs(expected)),
                                schedule.name() + " t=" + t + " x=" + x);
                    }
                }
            }
        }
    }

    /**
     * The paper's Eq. 96 as printed, with E[y] from Eq. 97 (F6), evaluated where it is defined
     * (0 < t < τ); the closed form regroups it to remove the end-point singularities.
     */
    @Test
    void agreesWithEquation96AsPrintedInTheInterior() {
        double[] w = {0.5, 0.5};
        double[] mu = {Math.sqrt(0.35), -Math.sqrt(0.35)};
        double s0 = 0.3;
        for (GaussianConditionalSchedule schedule : SCHEDULES) {
            GaussianConditionalProcess process = process(schedule, DATA);
            for (double t : new double[] {0.1 * TAU, 0.5 * TAU, 0.9 * TAU}) {
                double s = t / TAU;
                double m = schedule.m(s);
                double sigma = schedule.sigma(s);
                double dm = schedule.mPrime(s) / TAU;
                double dsigma = schedule.sigmaPrime(s) / TAU;
                for (double x = -3; x <= 3; x += 0.5) {
                    double px = 0;
                    double ey = 0;
                    for (int k = 0; k < 2; k++) {
                        double var = sigma * sigma + s0 * s0 * m * m;
                        double n = Gaussian.of(m * mu[k], Math.sqrt(var)).density(x);
                        px += w[k] * n;
                        ey += w[k] * (s0 * s0 * m * x + sigma * sigma * mu[k]) / var * n;
                    }
                    double eq96 = dsigma / sigma * x - m / px * (dsigma / sigma - dm / m) * ey;
                    assertEquals(eq96, process.velocity().velocity(t, x), 1e-11 * (1 + Math.abs(eq96)),
                            schedule.name() + " t=" + t + " x=" + x);
                }
            }
        }
    }

    /** The analytic limits: ν_0(x) = (ṁ/m) x, and where m_τ = 0, ν_τ(x) = σ̇ x + ṁ E_q[y]. */
    @Test
    void endPointsTakeTheirAnalyticLimits() {
        GaussianConditionalProcess line = process(new CondOtSchedule(), LOPSIDED);
        for (double x : new double[] {-2, 0, 1.3}) {
            assertEquals(-x / TAU, line.velocity().velocity(0, x), 1e-15);
            assertEquals((x - LOPSIDED.mean()) / TAU, line.velocity().velocity(TAU, x), 1e-14);
        }
    }

    /** ∂ν/∂x against a 4th-order central difference of ν (error ≈ h⁴ν⁽⁵⁾ + ε/h ≈ 1e-10). */
    @Test
    void divergenceIsTheSpatialDerivativeOfTheVelocity() {
        double h = 1e-3;
        for (GaussianConditionalSchedule schedule : SCHEDULES) {
            VelocityField f = process(schedule, DATA).velocity();
            assertTrue(f.hasDivergence());
            for (double t : new double[] {0, 0.4 * TAU, TAU}) {
                double[] x = {-2, -0.5, 0.1, 1.7};
                double[] div = new double[x.length];
                f.divergence(t, x, div, 0, x.length);
                for (int i = 0; i < x.length; i++) {
                    double fd = (f.velocity(t, x[i] - 2 * h) - 8 * f.velocity(t, x[i] - h) + 8 * f.velocity(t, x[i] + h)
                            - f.velocity(t, x[i] + 2 * h)) / (12 * h);
                    assertEquals(fd, div[i], 1e-8 * (1 + Math.abs(fd)), schedule.name() + " t=" + t + " x=" + x[i]);
                }
            }
        }
    }

    /**
     * Eq. 22 reduces to T = −∂_t ln m for VP (Eq. 30) and to T = ∂_t(σ²/2) for VE (Eq. 27): the
     * generic formula against central differences of ln m and σ²/2 (error ≈ h² ≈ 1e-10, scaled by
     * the steep geometric VE).
     */
    @Test
    void temperatureReducesToTheVpAndVeSpecialCases() {
        LinearVpSchedule vp = LINEAR_VP;
        VeSchedule ve = VE;
        double h = 1e-5;
        for (double s : new double[] {0.05, 0.3, 0.6, 0.95}) {
            double minusDLogM = -(Math.log(vp.m(s + h)) - Math.log(vp.m(s - h))) / (2 * h) / TAU;
            assertEquals(minusDLogM, vp.temperature(s, TAU), 1e-8);
            double dHalfSigma2 = (Math.pow(ve.sigma(s + h), 2) - Math.pow(ve.sigma(s - h), 2)) / 2 / (2 * h) / TAU;
            assertEquals(dHalfSigma2, ve.temperature(s, TAU), 1e-8 * (1 + dHalfSigma2));
        }
        assertEquals(Double.POSITIVE_INFINITY, new CondOtSchedule().temperature(1, TAU));
    }

    @Test
    void marginalsAreTheNoisedMixtureOfEquation97() {
        GaussianConditionalProcess process = process(new CondOtSchedule(), DATA);
        assertEquals(DATA, process.marginal(0));
        GaussianMixture end = process.marginal(TAU);
        for (double x : new double[] {-1, 0, 2}) {
            assertEquals(Gaussian.STANDARD.density(x), end.density(x), 1e-16);
        }
        GaussianMixture mid = process.marginal(0.5 * TAU);
        assertEquals(0.5 * Math.sqrt(0.35), mid.mean(0), 1e-16);
        assertEquals(Math.sqrt(0.25 * 0.09 + 0.25), mid.stddev(0), 1e-16);
    }

    @Test
    void refusesDataThatIsNotAGaussianMixture() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new CondOtSchedule().forward(new Uniform(0, 1), Gaussian.STANDARD, 1));
        assertTrue(e.getMessage().contains("Gaussian-mixture data"), e.getMessage());
    }
}
