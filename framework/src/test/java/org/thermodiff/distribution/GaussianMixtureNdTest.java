package org.thermodiff.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.thermodiff.distribution.MultivariateGaussianTest.integrate2d;

import java.util.List;
import org.apache.commons.math3.distribution.MultivariateNormalDistribution;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.thermodiff.distribution.MultivariateGaussianTest.SampleMoments;
import org.thermodiff.spi.GaussianComponents;

class GaussianMixtureNdTest {

    static final double[] W = {0.5, 0.3, 0.2};
    static final double[][] MU = {{0, 0}, {3, 1}, {-1, 2.5}};
    static final double[][][] SIGMA = {{{1, 0.3}, {0.3, 0.5}}, {{0.4, 0}, {0, 0.4}}, {{0.8, -0.5}, {-0.5, 1.2}}};
    static final GaussianMixtureNd MIX = GaussianMixtureNd.of(new GaussianComponents(W, MU, SIGMA));

    /** ln Σ w_k N_k against the plain sum of Commons Math densities, where no term underflows: 1e-12. */
    @Test
    void logDensityIsTheLogOfTheSum() {
        for (double[] x : new double[][] {{0, 0}, {1, 1}, {3, 1}, {-2, 4}, {5, -3}}) {
            double sum = 0;
            for (int k = 0; k < 3; k++) {
                sum += W[k] * new MultivariateNormalDistribution(MU[k], SIGMA[k]).density(x);
            }
            assertEquals(Math.log(sum), MIX.logDensity(x), 1e-12, () -> java.util.Arrays.toString(x));
        }
    }

    /**
     * Far out, every term underflows and the plain sum is ln 0 = −∞; log-sum-exp stays exact. The
     * reference is the same sum written by hand for isotropic components,
     * {@code ℓ_k = ln w_k − ln(2π s²) − |x − μ_k|²/2s²}, as {@code ℓ_max + ln(1 + e^(ℓ_min − ℓ_max))}.
     */
    @Test
    void logDensityStaysFiniteWhereTheSumUnderflows() {
        double s = 0.1;
        GaussianMixtureNd m = GaussianMixtureNd.of(new double[] {0.25, 0.75},
                List.of(MultivariateGaussian.isotropic(new double[] {0, 0}, s * s),
                        MultivariateGaussian.isotropic(new double[] {0.05, 0}, s * s)));
        double[] x = {6, 2};
        double[] l = new double[2];
        double[] w = {0.25, 0.75};
        double[][] mu = {{0, 0}, {0.05, 0}};
        double plain = 0;
        for (int k = 0; k < 2; k++) {
            double r2 = Math.pow(x[0] - mu[k][0], 2) + Math.pow(x[1] - mu[k][1], 2);
            l[k] = Math.log(w[k]) - Math.log(2 * Math.PI * s * s) - r2 / (2 * s * s);
            plain += Math.exp(l[k]);
        }
        assertEquals(0.0, plain, 0.0, "the test point must make the plain sum underflow");
        double max = Math.max(l[0], l[1]);
        double expected = max + Math.log1p(Math.exp(Math.min(l[0], l[1]) - max));
        // |ℓ| ≈ 2000: a few ulps of it.
        assertEquals(expected, m.logDensity(x), 1e-12 * Math.abs(expected));
    }

    /** d = 1: the existing 1-D mixture's log-density, mean, variance and components. */
    @Test
    void agreesWithTheOneDimensionalMixture() {
        GaussianMixture one = GaussianMixtureTest.LOPSIDED;
        GaussianMixtureNd nd = GaussianMixtureNd.of(one.asGaussianComponents().orElseThrow());
        for (double x : new double[] {-6, -2, 0, 1, 3, 12}) {
            assertEquals(Math.log(one.density(x)), nd.logDensity(new double[] {x}), 1e-13 * (1 + Math.abs(x * x)));
        }
        assertEquals(one.mean(), nd.meanVector()[0], 1e-14);
        assertEquals(one.variance(), nd.covarianceMatrix()[0][0], 1e-13);
        assertEquals(one.asGaussianComponents().orElseThrow(), nd.asGaussianComponents().orElseThrow());
    }

    /**
     * Mean and covariance (law of total covariance) against the midpoint rule on a grid, a second
     * method: the rule is spectrally accurate for Gaussians (error ~ exp(−2π²s²/h²) ≈ 1e-20 with the
     * narrowest s ≈ 0.5 and h = 0.05) and [−10, 12]² cuts off less than e^(−50); 1e-10 covers rounding.
     */
    @Test
    void momentsMatchGridIntegration() {
        int cells = 440;
        double lo = -10;
        double h = 22.0 / cells;
        double[] m = new double[2];
        double[][] second = new double[2][2];
        double mass = 0;
        double[] x = new double[2];
        for (int i = 0; i < cells; i++) {
            for (int j = 0; j < cells; j++) {
                x[0] = lo + (i + 0.5) * h;
                x[1] = lo + (j + 0.5) * h;
                double p = Math.exp(MIX.logDensity(x)) * h * h;
                mass += p;
                for (int a = 0; a < 2; a++) {
                    m[a] += p * x[a];
                    for (int b = 0; b < 2; b++) {
                        second[a][b] += p * x[a] * x[b];
                    }
                }
            }
        }
        assertEquals(1, mass, 1e-10);
        double[] mean = MIX.meanVector();
        double[][] cov = MIX.covarianceMatrix();
        for (int a = 0; a < 2; a++) {
            assertEquals(m[a], mean[a], 1e-10);
            for (int b = 0; b < 2; b++) {
                assertEquals(second[a][b] - m[a] * m[b], cov[a][b], 1e-9);
            }
        }
    }

    @Test
    void samplingMomentsMatch() {
        SampleMoments.of(MIX.pointSampler(RandomSource.XO_RO_SHI_RO_128_PP.create(11L)), 2, 100_000)
                .assertMatches(MIX.meanVector(), MIX.covarianceMatrix(), 5);
    }

    @Test
    void componentsRoundTrip() {
        GaussianComponents c = MIX.asGaussianComponents().orElseThrow();
        assertEquals(new GaussianComponents(W, MU, SIGMA), c);
        assertEquals(MIX, GaussianMixtureNd.of(c));
    }

    @Test
    void badInputIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GaussianMixtureNd.of(
                new double[] {0.5, 0.5}, List.of(MultivariateGaussian.standard(2), MultivariateGaussian.standard(3))));
        assertTrue(e.getMessage().contains("component 1 has dimension 3"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> GaussianMixtureNd.of(
                new double[] {0.5, 0.6}, List.of(MultivariateGaussian.standard(2), MultivariateGaussian.standard(2))));
        assertTrue(e.getMessage().contains("sum to 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> GaussianMixtureNd.of(new GaussianComponents(
                new double[] {0.5, 0.5}, new double[][] {{0}, {1}}, new double[][][] {{{1}}, {{0}}})));
        assertTrue(e.getMessage().startsWith("component 1: covariance[0][0]"), e.getMessage());
    }

    /** The grid helper itself: the standard normal integrates to 1 (h = 0.1 is spectrally exact). */
    @Test
    void gridHelperIntegratesAGaussian() {
        assertEquals(1, integrate2d(MultivariateGaussian.standard(2), -9, 9, 180), 1e-12);
    }
}
