package org.thermodiff.plugins.distances;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.analysis.integration.IterativeLegendreGaussIntegrator;
import org.junit.jupiter.api.Test;
import org.thermodiff.distribution.Gaussian;
import org.thermodiff.distribution.GaussianMixture;
import org.thermodiff.distribution.Uniform;

class ChiSquaredDivergenceTest {

    private final ChiSquaredDivergence chi2 = new ChiSquaredDivergence(new DivergenceParams(4096, 1 << 20, 1));

    /**
     * χ²(N(μ1, s1²) ‖ N(μ0, s0²)) = s0² / (s1 √(2s0² − s1²)) · exp((μ1 − μ0)²/(2s0² − s1²)) − 1, finite
     * when 2s0² > s1²; e − 1 for Table I's mean shift.
     */
    @Test
    void gaussianPairsMatchTheClosedForm() {
        double[][] pairs = {{1, 1, 0, 1}, {0, 0.8, 0, 1}, {0.5, 1.2, -0.3, 1.0}, {0, 0.2, 0.1, 1}};
        for (double[] p : pairs) {
            double s0 = p[3];
            double s1 = p[1];
            double d = 2 * s0 * s0 - s1 * s1;
            double expected = s0 * s0 / (s1 * Math.sqrt(d)) * Math.exp((p[0] - p[2]) * (p[0] - p[2]) / d) - 1;
            double actual = chi2.between(Gaussian.of(p[0], p[1]), Gaussian.of(p[2], p[3]));
            assertEquals(expected, actual, 1e-12 * (1 + expected), java.util.Arrays.toString(p));
        }
        assertEquals(Math.E - 1, chi2.between(Gaussian.of(1, 1), Gaussian.STANDARD), 1e-13);
    }

    /** A discontinuous density is integrated in its own normal-score coordinates; checked against ∫ in x. */
    @Test
    void uniformAgainstGaussianMatchesDirectIntegration() {
        Uniform u = new Uniform(-Math.sqrt(3), Math.sqrt(3));
        double direct = new IterativeLegendreGaussIntegrator(32, 1e-15, 1e-15).integrate(100_000,
                x -> Math.pow(u.density(x), 2) / Gaussian.STANDARD.density(x), u.low(), u.high()) - 1;
        assertEquals(direct, chi2.between(u, Gaussian.STANDARD), 1e-13);
    }

    @Test
    void mixtureAgainstGaussianMatchesDirectIntegration() {
        double c = Math.sqrt(0.94);
        GaussianMixture m = GaussianMixture.of(new double[] {1 / 3.0, 1 / 3.0, 1 / 3.0}, new double[] {-1 / c, 0, 1 / c},
                new double[] {0.3 / c, 0.8 / c, 0.3 / c});
        double direct = new IterativeLegendreGaussIntegrator(32, 1e-15, 1e-15).integrate(1_000_000,
                x -> Math.pow(m.density(x), 2) / Gaussian.STANDARD.density(x), -15, 15) - 1;
        assertEquals(direct, chi2.between(m, Gaussian.STANDARD), 1e-12);
    }

    /** Tails too heavy (2s0² < s1²): the integral diverges, and the divergence says so instead of guessing. */
    @Test
    void divergentIntegralIsReportedNotApproximated() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> chi2.between(Gaussian.of(0, 1.5), Gaussian.STANDARD));
        assertTrue(e.getMessage().contains("does not converge"), e.getMessage());
    }

    @Test
    void massOutsideTheReferenceSupportIsInfinite() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> chi2.between(Gaussian.STANDARD, new Uniform(-1, 1)));
        assertTrue(e.getMessage().contains("infinite"), e.getMessage());
    }

    @Test
    void identicalDistributionsAreAtZero() {
        assertEquals(0, chi2.between(Gaussian.of(0.3, 0.7), Gaussian.of(0.3, 0.7)), 1e-15);
    }

    // ---- d > 1 --------------------------------------------------------------------------------

    private static org.thermodiff.distribution.MultivariateGaussian gauss2(double m1, double m2, double v) {
        return org.thermodiff.distribution.MultivariateGaussian.isotropic(new double[] {m1, m2}, v);
    }

    /** 2-D Gaussians: the closed form, which for isotropic ones factorises into 1-D closed forms. */
    @Test
    void twoDimensionalGaussiansAreInClosedForm() {
        double x = chi2.between(Gaussian.of(0.5, 0.9), Gaussian.of(0, 1));
        double y = chi2.between(Gaussian.of(-0.3, 0.9), Gaussian.of(0, 1));
        double xy = chi2.between((org.thermodiff.spi.MultivariateDistribution) gauss2(0.5, -0.3, 0.81),
                gauss2(0, 0, 1));
        // The 1-D values come from quadrature converged to ~1e-13, the 2-D one from the closed form.
        assertEquals((1 + x) * (1 + y) - 1, xy, 1e-11);
    }

    /**
     * A reference whose components all coincide (a marginal at m = 0) is one Gaussian; a genuine
     * mixture reference goes to Monte Carlo, checked against a 2-D Riemann sum of ∫p²/q − 1 on a
     * [−9, 9]² grid with spacing 0.02 (the integrand is smooth and negligible beyond, so the sum is
     * accurate to ~1e-9); 2²⁰ draws with p/q of standard deviation below 1 give a standard error
     * below 1e-3, and 5e-3 allows 5 of them.
     */
    @Test
    void mixtureReferencesCollapseWhenTheirComponentsCoincideAndOtherwiseUseMonteCarlo() {
        var p = gauss2(0.4, 0.1, 0.9);
        var same = org.thermodiff.distribution.GaussianMixtureNd.isotropic(new double[][] {{0, 0}, {0, 0}},
                1.0);
        assertEquals(chi2.between((org.thermodiff.spi.MultivariateDistribution) p, gauss2(0, 0, 1)),
                chi2.between((org.thermodiff.spi.MultivariateDistribution) p, same), 1e-13);

        var mixture = org.thermodiff.distribution.GaussianMixtureNd.isotropic(new double[][] {{-0.5, 0}, {0.5, 0.2}},
                1.1);
        double h = 0.02;
        double integral = 0;
        double[] point = new double[2];
        for (double a = -9; a <= 9; a += h) {
            for (double b = -9; b <= 9; b += h) {
                point[0] = a;
                point[1] = b;
                integral += Math.exp(2 * p.logDensity(point) - mixture.logDensity(point)) * h * h;
            }
        }
        assertEquals(integral - 1, chi2.between((org.thermodiff.spi.MultivariateDistribution) p, mixture), 5e-3);
    }
}
