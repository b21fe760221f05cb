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
}
