package org.thermodiff.plugins.distances;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.thermodiff.distribution.Gaussian;
import org.thermodiff.distribution.GaussianMixtureNd;
import org.thermodiff.distribution.MultivariateGaussian;
import org.thermodiff.distribution.Uniform;
import org.thermodiff.spi.MultivariateDistribution;

class KullbackLeiblerDivergenceTest {

    private final KullbackLeiblerDivergence kl = new KullbackLeiblerDivergence(new DivergenceParams(4096, 1 << 20, 1));

    /** KL(N(μ1, s1²) ‖ N(μ2, s2²)) = ln(s2/s1) + (s1² + (μ1 − μ2)²)/(2 s2²) − ½; quadrature to ~1e-13. */
    @Test
    void oneDimensionalGaussiansMatchTheClosedForm() {
        double expected = Math.log(1.3 / 0.7) + (0.49 + 0.25) / (2 * 1.69) - 0.5;
        assertEquals(expected, kl.between(Gaussian.of(0.5, 0.7), Gaussian.of(0, 1.3)), 1e-12);
        assertEquals(0, kl.between(Gaussian.of(0.5, 0.7), Gaussian.of(0.5, 0.7)), 1e-14);
    }

    /**
     * KL(U[a, b] ‖ N(0, 1)) = −ln(b − a) + ½ ln 2π + (a² + ab + b²)/6 (E_U[x²] = (a² + ab + b²)/3): a
     * discontinuous density, integrated exactly in p's normal scores.
     */
    @Test
    void uniformAgainstGaussianMatchesTheClosedForm() {
        double a = -1;
        double b = 2;
        double expected = -Math.log(b - a) + 0.5 * Math.log(2 * Math.PI) + (a * a + a * b + b * b) / 6;
        assertEquals(expected, kl.between(new Uniform(a, b), Gaussian.STANDARD), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> kl.between(Gaussian.STANDARD, new Uniform(a, b)));
    }

    /** Independent coordinates add: KL of a diagonal 2-D Gaussian is the sum of the 1-D ones (closed form). */
    @Test
    void twoDimensionalGaussiansAddOverIndependentCoordinates() {
        double x = kl.between(Gaussian.of(0.5, 0.9), Gaussian.of(0, 1));
        double y = kl.between(Gaussian.of(-0.3, 1.2), Gaussian.of(0.1, 1));
        MultivariateDistribution p = MultivariateGaussian.diagonal(new double[] {0.5, -0.3}, new double[] {0.81, 1.44});
        MultivariateDistribution q = MultivariateGaussian.diagonal(new double[] {0, 0.1}, new double[] {1, 1});
        assertEquals(x + y, kl.between(p, q), 1e-12);
    }

    /**
     * A mixture against a Gaussian has no closed form: Monte Carlo against a 2-D Riemann sum of
     * ∫ p ln(p/q) on [−9, 9]² with spacing 0.02 (smooth, negligible tails: ~1e-9). 2²⁰ draws of a
     * log-ratio with standard deviation below 1 give a standard error below 1e-3; 5e-3 is 5 of them.
     */
    @Test
    void mixtureAgainstGaussianMatchesAGridIntegral() {
        MultivariateDistribution p = GaussianMixtureNd.isotropic(new double[][] {{-0.6, 0}, {0.6, 0.3}}, 0.7);
        MultivariateDistribution q = MultivariateGaussian.isotropic(new double[] {0, 0}, 1);
        double h = 0.02;
        double integral = 0;
        double[] point = new double[2];
        for (double a = -9; a <= 9; a += h) {
            for (double b = -9; b <= 9; b += h) {
                point[0] = a;
                point[1] = b;
                double lp = p.logDensity(point);
                integral += Math.exp(lp) * (lp - q.logDensity(point)) * h * h;
            }
        }
        assertEquals(integral, kl.between(p, q), 5e-3);
    }
}
