package org.thermodiff.plugins.schedules;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.thermodiff.process.GaussianConditionalProcessNd;
import org.thermodiff.process.GaussianConditionalSchedule;
import org.thermodiff.spi.GaussianComponents;
import org.thermodiff.spi.process.VelocityField;

/**
 * The unrolled 2-D velocity (fast exponential, cut-off at {@code 37 + ln K}), on random mixtures
 * with one shared isotropic covariance (the planar data sets) and with per-component diagonal ones,
 * against Eq. 96 evaluated here naively: every component, the
 * posterior mean per component, {@code Math.exp}, no cut-off.
 */
class PlanarVelocityPathsTest {

    /**
     * Relative to the scale {@code S = |A||x| + max_k(|ṁ μ_k| + |A_k||m μ_k|)} of the terms summed:
     * summing up to 80 terms loses at most {@code 80 ε ≈ 9·10⁻¹⁵ S} in either evaluation, the fast
     * exponential {@code 7·10⁻¹⁶} per responsibility, the cut-off {@code e⁻³⁷ ≈ 10⁻¹⁶}; 1e-13 leaves
     * a 10× margin and still catches any wrong coefficient.
     */
    static final double TOLERANCE = 1e-13;

    @Test
    void sharedIsotropicAndDiagonalPathsMatchEquation96() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(404L);
        GaussianConditionalSchedule[] schedules = {new CosineSchedule(), new CondOtSchedule(),
                new VeSchedule(new VeSchedule.Params(0.05, 2.0, VeSchedule.Profile.GEOMETRIC))};
        double tau = 1.5;
        int checked = 0;
        for (int trial = 0; trial < 60; trial++) {
            boolean shared = trial % 2 == 0;
            int k = 1 + rng.nextInt(80);
            double spread = Math.exp(3 * rng.nextDouble() - 1);
            double shareVar = Math.exp(-9 * rng.nextDouble()); // 1.2e-4 .. 1
            double[] w = new double[k];
            double[][] mu = new double[k][];
            double[][][] cov = new double[k][][];
            for (int c = 0; c < k; c++) {
                w[c] = 0.1 + rng.nextDouble();
                mu[c] = new double[] {spread * (2 * rng.nextDouble() - 1), spread * (2 * rng.nextDouble() - 1)};
                double v0 = shared ? shareVar : Math.exp(-6 * rng.nextDouble());
                double v1 = shared ? shareVar : Math.exp(-6 * rng.nextDouble());
                cov[c] = new double[][] {{v0, 0}, {0, v1}};
            }
            double total = 0;
            for (double x : w) {
                total += x;
            }
            for (int c = 0; c < k; c++) {
                w[c] /= total;
            }
            GaussianConditionalSchedule schedule = schedules[trial % schedules.length];
            GaussianConditionalProcessNd p = GaussianConditionalProcessNd.of(schedule, new GaussianComponents(w, mu, cov),
                    tau, "random");
            VelocityField field = p.velocity();
            for (double s : new double[] {1e-3, 0.1 + 0.8 * rng.nextDouble(), 0.999}) {
                double t = s * tau;
                int n = 50;
                double[] x = new double[2 * n];
                for (int i = 0; i < 2 * n; i++) {
                    // near the data and far out in the tails
                    x[i] = (i < n ? 1.2 : 6) * spread * (2 * rng.nextDouble() - 1);
                }
                double[] v = new double[2 * n];
                field.velocity(t, x, v, 0, n);
                for (int i = 0; i < n; i++) {
                    double[] expected = new double[3];
                    naive(schedule, s, tau, w, mu, cov, x[2 * i], x[2 * i + 1], expected);
                    for (int j = 0; j < 2; j++) {
                        double error = Math.abs(v[2 * i + j] - expected[j]);
                        assertTrue(error <= TOLERANCE * expected[2], "trial " + trial + " (shared " + shared + ", K = " + k
                                + ") t = " + t + " x = (" + x[2 * i] + ", " + x[2 * i + 1] + "): " + v[2 * i + j] + " vs "
                                + expected[j] + ", error " + error + " at scale " + expected[2]);
                        checked++;
                    }
                }
            }
        }
        assertTrue(checked == 60 * 3 * 50 * 2);
    }

    /** Eq. 96 as {@code ν = Σ_k r_k (ṁ μ_k + A_k (x − m μ_k))}; {@code out[2]} the scale of the terms. */
    private static void naive(GaussianConditionalSchedule schedule, double s, double tau, double[] w, double[][] mu,
            double[][][] cov, double x0, double x1, double[] out) {
        double m = schedule.m(s);
        double mDot = schedule.mPrime(s) / tau;
        double sigma = schedule.sigma(s);
        double ssd = schedule.halfSigmaSquaredPrime(s) / tau;
        int k = w.length;
        double[] log = new double[k];
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < k; c++) {
            double c0 = m * m * cov[c][0][0] + sigma * sigma;
            double c1 = m * m * cov[c][1][1] + sigma * sigma;
            double d0 = x0 - m * mu[c][0];
            double d1 = x1 - m * mu[c][1];
            log[c] = Math.log(w[c]) - 0.5 * Math.log(c0 * c1) - 0.5 * (d0 * d0 / c0 + d1 * d1 / c1);
            max = Math.max(max, log[c]);
        }
        double norm = 0;
        double v0 = 0;
        double v1 = 0;
        double scale = 0;
        for (int c = 0; c < k; c++) {
            double c0 = m * m * cov[c][0][0] + sigma * sigma;
            double c1 = m * m * cov[c][1][1] + sigma * sigma;
            double a0 = (ssd + m * mDot * cov[c][0][0]) / c0;
            double a1 = (ssd + m * mDot * cov[c][1][1]) / c1;
            double r = Math.exp(log[c] - max);
            norm += r;
            v0 += r * (mDot * mu[c][0] + a0 * (x0 - m * mu[c][0]));
            v1 += r * (mDot * mu[c][1] + a1 * (x1 - m * mu[c][1]));
            double a = Math.max(Math.abs(a0), Math.abs(a1));
            scale = Math.max(scale, a * Math.hypot(x0, x1) + Math.abs(mDot) * Math.hypot(mu[c][0], mu[c][1])
                    + a * Math.abs(m) * Math.hypot(mu[c][0], mu[c][1]));
        }
        out[0] = v0 / norm;
        out[1] = v1 / norm;
        out[2] = scale;
    }
}
