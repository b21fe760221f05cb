package org.thermodiff.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.thermodiff.spi.GaussianComponents;

class GaussianDivergencesTest {

    private static GaussianComponents gaussian(double[] mean, double[][] cov) {
        return new GaussianComponents(new double[] {1}, new double[][] {mean}, new double[][][] {cov});
    }

    private static GaussianComponents gaussian1(double mean, double sd) {
        return gaussian(new double[] {mean}, new double[][] {{sd * sd}});
    }

    /**
     * 1-D closed form: χ²(N(μ1, s1²) ‖ N(μ2, s2²)) = s2² / (s1 √(2s2² − s1²)) · exp((μ1 − μ2)² / (2s2² − s1²)) − 1;
     * for the paper's gaussian-mean start N(1, 1) against N(0, 1) that is e − 1 (D0 of Table I).
     */
    @Test
    void oneDimensionalGaussiansMatchTheClosedFormAndThePaperD0() {
        assertEquals(Math.E - 1, GaussianDivergences.chiSquared(gaussian1(1, 1), gaussian1(0, 1)), 1e-13);
        double s1 = 0.8;
        double s2 = 1.1;
        double mu = 0.3;
        double expected = s2 * s2 / (s1 * Math.sqrt(2 * s2 * s2 - s1 * s1)) * Math.exp(mu * mu / (2 * s2 * s2 - s1 * s1)) - 1;
        assertEquals(expected, GaussianDivergences.chiSquared(gaussian1(mu, s1), gaussian1(0, s2)), 1e-13);
    }

    /** Independent coordinates: 1 + χ² factorises over them (∫p²/q is a product of 1-D integrals). */
    @Test
    void diagonalCovariancesFactorise() {
        double x = GaussianDivergences.chiSquared(gaussian1(0.5, 0.9), gaussian1(0, 1));
        double y = GaussianDivergences.chiSquared(gaussian1(-0.2, 1.2), gaussian1(0.1, 1.0));
        double xy = GaussianDivergences.chiSquared(gaussian(new double[] {0.5, -0.2}, new double[][] {{0.81, 0}, {0, 1.44}}),
                gaussian(new double[] {0, 0.1}, new double[][] {{1, 0}, {0, 1}}));
        assertEquals((1 + x) * (1 + y) - 1, xy, 1e-12);
    }

    /**
     * A 2-D mixture with a full covariance against Monte Carlo: χ² = E_p[p/q] − 1 from 4·10⁵ draws
     * of p. The ratio p/q here has a standard deviation below 2, so the standard error is below
     * 2/√(4·10⁵) ≈ 3e-3; allow 5 standard errors.
     */
    @Test
    void twoDimensionalMixtureMatchesMonteCarlo() {
        double[] w = {0.3, 0.7};
        double[][] means = {{0.4, -0.3}, {-0.5, 0.2}};
        double[][][] cov = {{{0.5, 0.2}, {0.2, 0.4}}, {{0.3, -0.1}, {-0.1, 0.6}}};
        GaussianComponents p = new GaussianComponents(w, means, cov);
        GaussianComponents q = gaussian(new double[] {0, 0}, new double[][] {{1, 0}, {0, 1}});
        double exact = GaussianDivergences.chiSquared(p, q);

        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(7L);
        ZigguratSampler.NormalizedGaussian z = ZigguratSampler.NormalizedGaussian.of(rng);
        int n = 400_000;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            int k = rng.nextDouble() < w[0] ? 0 : 1;
            double[] l = cholesky2(cov[k]);
            double z1 = z.sample();
            double z2 = z.sample();
            double x1 = means[k][0] + l[0] * z1;
            double x2 = means[k][1] + l[1] * z1 + l[2] * z2;
            double px = 0;
            for (int j = 0; j < 2; j++) {
                px += w[j] * density2(x1, x2, means[j], cov[j]);
            }
            double qx = Math.exp(-0.5 * (x1 * x1 + x2 * x2)) / (2 * Math.PI);
            sum += px / qx;
        }
        assertEquals(sum / n - 1, exact, 1.5e-2);
    }

    @Test
    void heavierTailsThanTheReferenceAreAnErrorNotInfinityOrNaN() {
        // 2s2² − s1² < 0: the integral diverges.
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GaussianDivergences.chiSquared(gaussian1(0, 1.5), gaussian1(0, 1)));
        assertTrue(e.getMessage().contains("infinite"), e.getMessage());
    }

    /** KL between 1-D Gaussians: ln(s2/s1) + (s1² + (μ1 − μ2)²)/(2 s2²) − ½; and KL(p ‖ p) = 0. */
    @Test
    void kullbackLeiblerMatchesTheOneDimensionalClosedForm() {
        double expected = Math.log(1.3 / 0.7) + (0.49 + 0.25) / (2 * 1.69) - 0.5;
        assertEquals(expected, GaussianDivergences.kullbackLeibler(new double[] {0.5}, new double[][] {{0.49}},
                new double[] {0}, new double[][] {{1.69}}), 1e-14);
        double[][] c = {{0.5, 0.2}, {0.2, 0.4}};
        assertEquals(0, GaussianDivergences.kullbackLeibler(new double[] {1, 2}, c, new double[] {1, 2}, c), 1e-14);
    }

    private static double[] cholesky2(double[][] c) {
        double l11 = Math.sqrt(c[0][0]);
        double l21 = c[1][0] / l11;
        return new double[] {l11, l21, Math.sqrt(c[1][1] - l21 * l21)};
    }

    private static double density2(double x1, double x2, double[] m, double[][] c) {
        double det = c[0][0] * c[1][1] - c[0][1] * c[1][0];
        double a = x1 - m[0];
        double b = x2 - m[1];
        double quad = (c[1][1] * a * a - 2 * c[0][1] * a * b + c[0][0] * b * b) / det;
        return Math.exp(-0.5 * quad) / (2 * Math.PI * Math.sqrt(det));
    }

    private static double[][] diag(double[] v) {
        double[][] m = new double[v.length][v.length];
        for (int i = 0; i < v.length; i++) {
            m[i][i] = v[i];
        }
        return m;
    }

    /**
     * The O(k²·d) product form for diagonal covariances against the dense Cholesky path on the same
     * numbers, random 3-component mixtures in d = 1…5: two algorithms summing terms of order 1 with
     * different roundings, χ² of order 0.1–10, so 1e-12 relative.
     */
    @Test
    void diagonalProductFormMatchesTheDensePath() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(17L);
        for (int d = 1; d <= 5; d++) {
            for (int trial = 0; trial < 20; trial++) {
                int k = 3;
                double[] w = {0.2, 0.3, 0.5};
                double[][] means = new double[k][d];
                double[][] vars = new double[k][d];
                double[][][] dense = new double[k][][];
                double[] m = new double[d];
                double[] b = new double[d];
                for (int i = 0; i < d; i++) {
                    m[i] = rng.nextDouble() - 0.5;
                    b[i] = 1 + rng.nextDouble();
                }
                for (int c = 0; c < k; c++) {
                    for (int i = 0; i < d; i++) {
                        means[c][i] = rng.nextDouble() - 0.5;
                        // Below b: A⁻¹ + A⁻¹ − B⁻¹ > 0, the integral converges.
                        vars[c][i] = 0.3 + 0.6 * rng.nextDouble() * b[i];
                    }
                    dense[c] = diag(vars[c]);
                }
                double viaDense = GaussianDivergences.chiSquared(new GaussianComponents(w, means, dense),
                        gaussian(m, diag(b)));
                double viaDiagonal = GaussianDivergences.chiSquared(GaussianComponents.diagonal(w, means, vars),
                        GaussianComponents.diagonal(new double[] {1}, new double[][] {m}, new double[][] {b}));
                assertEquals(viaDense, viaDiagonal, 1e-12 * Math.abs(viaDense), "d = " + d + ", trial " + trial);
            }
        }
    }

    /**
     * The high-dimensional experiment's D0: χ²(N(a·1, I) ‖ N(0, I)) = e^{|a·1|²} − 1 = e^{a² d} − 1 in
     * closed form, d = 4096 (a sum of 4096 terms of order 1e-4: 1e-13 relative).
     */
    @Test
    void shiftedIsotropicGaussianInManyDimensions() {
        int d = 4096;
        double a = 0.01;
        double[] shifted = new double[d];
        java.util.Arrays.fill(shifted, a);
        double[] ones = new double[d];
        java.util.Arrays.fill(ones, 1);
        double chi2 = GaussianDivergences.chiSquared(
                GaussianComponents.diagonal(new double[] {1}, new double[][] {shifted}, new double[][] {ones}),
                GaussianComponents.diagonal(new double[] {1}, new double[][] {new double[d]}, new double[][] {ones}));
        double expected = Math.expm1(a * a * d);
        assertEquals(expected, chi2, 1e-13 * expected);
    }

    /** Per-coordinate 1-D closed forms multiply: 1 + χ² = Π_i (1 + χ²_i) for one diagonal Gaussian. */
    @Test
    void diagonalGaussianFactorisesIntoOneDimensionalClosedForms() {
        double[] mu = {0.5, -0.2, 1.0};
        double[] s1 = {0.9, 1.2, 0.7};
        double[] m = {0, 0.1, 0.4};
        double[] s2 = {1, 1.0, 0.8};
        double product = 1;
        for (int i = 0; i < 3; i++) {
            double v = 2 * s2[i] * s2[i] - s1[i] * s1[i];
            product *= s2[i] * s2[i] / (s1[i] * Math.sqrt(v)) * Math.exp((mu[i] - m[i]) * (mu[i] - m[i]) / v);
        }
        double[] v1 = {0.81, 1.44, 0.49};
        double[] v2 = {1, 1, 0.64};
        double chi2 = GaussianDivergences.chiSquared(
                GaussianComponents.diagonal(new double[] {1}, new double[][] {mu}, new double[][] {v1}),
                GaussianComponents.diagonal(new double[] {1}, new double[][] {m}, new double[][] {v2}));
        assertEquals(product - 1, chi2, 1e-13);
    }

    @Test
    void diagonalHeavyTailsAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GaussianDivergences.chiSquared(
                GaussianComponents.diagonal(new double[] {1}, new double[][] {{0, 0}}, new double[][] {{1, 3}}),
                GaussianComponents.diagonal(new double[] {1}, new double[][] {{0, 0}}, new double[][] {{1, 1}})));
        assertTrue(e.getMessage().startsWith("χ² is infinite"), e.getMessage());
    }
}
