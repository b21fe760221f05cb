package org.thermodiff.plugins.learned;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.thermodiff.distribution.GaussianMixtureNd;
import org.thermodiff.plugins.schedules.CondOtSchedule;
import org.thermodiff.plugins.schedules.CosineSchedule;
import org.thermodiff.process.RotatingSchedule;
import org.thermodiff.spi.Schedule;
import org.thermodiff.spi.process.Diffusion;
import org.thermodiff.spi.process.ForwardProcess;
import org.thermodiff.spi.process.GaussianPath;
import org.thermodiff.spi.process.TrainingLog;
import org.thermodiff.spi.process.VelocityField;

/**
 * Eq. 7 from a noise predictor, checked against the closed-form velocity (Eq. 96): fed the exact
 * {@code ε̂ = E[ε|x] = −σ_t ∇ln P_t}, {@link ScoreField} must return the exact field, up to the
 * stated blend {@code (1 − w)(ŷ_T − ŷ_L)}, {@code 1 − w ≤ (m_f/m)⁴}; exactly its limit at
 * {@code m_τ = 0}; and, for Gaussian data, where the linear estimate is the posterior mean,
 * exactly at every time whatever the noise floor. Each also on the {@code rotating} schedule
 * ({@code g = 2.5}), whose closed-form field {@code R ν⁰(R⁻¹x) + (g/τ) J x} and score are
 * {@code RotatedProcess}'s: the noise predictor is then {@code E[R_t ε|x]}, and the field needs the
 * rotated data mean and the force {@code ω J x}.
 */
class ScoreFieldTest {

    static final double FLOOR = 0.02;
    static final GaussianMixtureNd DATA = GaussianMixtureNd.isotropic(new double[][] {{1.0, -0.5}, {-0.8, 0.6}}, 0.3);
    static final GaussianMixtureNd PRIOR = GaussianMixtureNd.isotropic(new double[][] {{0, 0}}, 1);
    static final TrainingLog LOG = new TrainingLog("score-matching", "test", false, "-", 0, 0, new int[0], new double[0]);
    static final double[] X = {0.3, -1.2, 2.0, 0.7, -0.4, 0.1, 1.5, 1.5};
    static final double VARIANCE = DATA.covarianceTrace() / 2;
    static final Schedule[] SCHEDULES = {new CosineSchedule(), new CondOtSchedule(),
        new RotatingSchedule(new CosineSchedule(), 2.5), new RotatingSchedule(new CondOtSchedule(), 2.5)};

    @Test
    void exactNoisePredictorGivesTheExactVelocityAwayFromPureNoise() {
        for (Schedule schedule : SCHEDULES) {
            ForwardProcess forward = schedule.forward(DATA, PRIOR, 1.0);
            GaussianPath path = forward.gaussianPath().orElseThrow();
            VelocityField field = new ScoreField(exactNoise(forward), path, DATA.meanVector(), VARIANCE, FLOOR, LOG);
            for (double t : new double[] {0.05, 0.3, 0.6, 0.9}) {
                double[] expected = new double[X.length];
                double[] actual = new double[X.length];
                forward.velocity().velocity(t, X, expected);
                field.velocity(t, X, actual);
                double m = path.m(t);
                // Blend bias |ṁ|(1 − w)|ŷ_T − ŷ_L| with 1 − w ≤ (m_f/m)⁴ and |ŷ_T − ŷ_L| ≤ 10 here,
                // plus rounding of (x − σε̂)/m, a few ulp of |x|/m.
                double tol = Math.abs(path.mDot(t)) * Math.pow(FLOOR / m, 4) * 10 + 1e-13 / m;
                for (int k = 0; k < X.length; k++) {
                    assertEquals(expected[k], actual[k], tol, forward.describe() + " t=" + t + " k=" + k);
                }
            }
        }
    }

    /** At {@code m = 0} (cosine, t = τ): {@code ν̂ = ṁ E[y] + σ̇ ε̂} exactly, the limit of Eq. 96. */
    @Test
    void pureNoiseEndIsTheExactLimit() {
        ForwardProcess forward = new CosineSchedule().forward(DATA, PRIOR, 1.0);
        GaussianPath path = forward.gaussianPath().orElseThrow();
        VelocityField field = new ScoreField(exactNoise(forward), path, DATA.meanVector(), VARIANCE, FLOOR, LOG);
        double[] expected = new double[X.length];
        double[] actual = new double[X.length];
        forward.velocity().velocity(1.0, X, expected);
        field.velocity(1.0, X, actual);
        for (int k = 0; k < X.length; k++) {
            assertEquals(expected[k], actual[k], 1e-14, "k=" + k);
        }
    }

    /** Gaussian data: ŷ_L = E[y|x], so any floor leaves the field exact (a heavy floor of 0.9 here). */
    @Test
    void gaussianDataAreExactForAnyFloor() {
        GaussianMixtureNd gaussian = GaussianMixtureNd.isotropic(new double[][] {{0.7, -0.4}}, 0.6);
        for (Schedule schedule : SCHEDULES) {
            ForwardProcess forward = schedule.forward(gaussian, PRIOR, 1.0);
            VelocityField field = new ScoreField(exactNoise(forward), forward.gaussianPath().orElseThrow(),
                    gaussian.meanVector(), 0.36, 0.9, LOG);
            for (double t : new double[] {0.0, 0.2, 0.5, 0.8, 0.97, 1.0}) {
                double[] expected = new double[X.length];
                double[] actual = new double[X.length];
                forward.velocity().velocity(t, X, expected);
                field.velocity(t, X, actual);
                for (int k = 0; k < X.length; k++) {
                    // rounding only: a few ulp of the largest term, |ṁ x/m| ≤ 10³ at t = 0.97 (m = 0.03)
                    assertEquals(expected[k], actual[k], 1e-11, forward.describe() + " t=" + t + " k=" + k);
                }
            }
        }
    }

    @Test
    void scoreIsMinusNoiseOverSigma() {
        ForwardProcess forward = new CondOtSchedule().forward(DATA, PRIOR, 1.0);
        Diffusion exact = forward.velocity().diffusion().orElseThrow();
        Diffusion learned = new ScoreField(exactNoise(forward), forward.gaussianPath().orElseThrow(), DATA.meanVector(),
                VARIANCE, FLOOR, LOG).diffusion().orElseThrow();
        double[] expected = new double[X.length];
        double[] actual = new double[X.length];
        exact.score(0.4, X, expected, 0, X.length / 2);
        learned.score(0.4, X, actual, 0, X.length / 2);
        for (int k = 0; k < X.length; k++) {
            assertEquals(expected[k], actual[k], 1e-12 * Math.max(1, Math.abs(expected[k])), "k=" + k);
        }
        assertEquals(exact.temperature(0.4), learned.temperature(0.4), 1e-15);
    }

    /** {@code E[ε|x] = −σ_t ∇ln P_t(x)} from the process's closed-form score. */
    private static Regressor exactNoise(ForwardProcess forward) {
        Diffusion diffusion = forward.velocity().diffusion().orElseThrow();
        GaussianPath path = forward.gaussianPath().orElseThrow();
        return new Regressor() {
            @Override
            public int dimension() {
                return 2;
            }

            @Override
            public void evaluate(double t, double[] x, double[] out, int from, int to) {
                if (path.m(t) == 0) {
                    // P_τ = N(0, σ² I) exactly: E[ε|x] = x/σ (the closed-form score has T = ∞ here)
                    for (int k = from * 2; k < to * 2; k++) {
                        out[k] = x[k] / path.sigma(t);
                    }
                    return;
                }
                diffusion.score(t, x, out, from, to);
                for (int k = from * 2; k < to * 2; k++) {
                    out[k] *= -path.sigma(t);
                }
            }
        };
    }
}
