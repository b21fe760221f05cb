package org.thermodiff.distribution;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.distribution.MultivariateNormalDistribution;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.thermodiff.spi.GaussianComponents;
import org.thermodiff.spi.MultivariateDistribution.PointSampler;

class MultivariateGaussianTest {

    static final double[] MEAN = {1, -2, 0.5};
    /** SPD (diagonally dominant), with correlations of both signs. */
    static final double[][] SIGMA = {{2.0, 0.6, -0.3}, {0.6, 1.0, 0.2}, {-0.3, 0.2, 0.5}};
    static final MultivariateGaussian G = MultivariateGaussian.of(MEAN, SIGMA);

    /**
     * Against Commons Math, which inverts Σ by an eigen-decomposition (a second method): ln p is of
     * order 1–30 here, and both sides lose a few ulps, so 1e-12 absolute.
     */
    @Test
    void logDensityMatchesCommonsMath() {
        MultivariateNormalDistribution reference = new MultivariateNormalDistribution(MEAN, SIGMA);
        double[][] points = {{1, -2, 0.5}, {0, 0, 0}, {3, -1, -1}, {-4, 2, 3}, {1.5, -2.5, 0.7}};
        for (double[] x : points) {
            assertEquals(Math.log(reference.density(x)), G.logDensity(x), 1e-12, () -> java.util.Arrays.toString(x));
        }
    }

    /** Isotropic and diagonal forms are the full form with a diagonal matrix; d = 1 is the 1-D Gaussian. */
    @Test
    void specialFormsAgree() {
        double[] x = {0.3, 1.7, -2};
        assertEquals(MultivariateGaussian.of(MEAN, new double[][] {{4, 0, 0}, {0, 4, 0}, {0, 0, 4}}).logDensity(x),
                MultivariateGaussian.isotropic(MEAN, 4).logDensity(x), 1e-14);
        MultivariateGaussian diag = MultivariateGaussian.diagonal(MEAN, new double[] {1, 2, 3});
        double expected = 0;
        for (int i = 0; i < 3; i++) {
            expected += Math.log(Gaussian.of(MEAN[i], Math.sqrt(i + 1)).density(x[i]));
        }
        assertEquals(expected, diag.logDensity(x), 1e-13);
        Gaussian one = Gaussian.of(0.7, 1.3);
        MultivariateGaussian oneD = MultivariateGaussian.isotropic(new double[] {0.7}, 1.3 * 1.3);
        for (double y : new double[] {-5, 0, 0.7, 2, 9}) {
            assertEquals(one.logDensity(new double[] {y}), oneD.logDensity(new double[] {y}), 1e-13);
        }
        assertEquals(one.asGaussianComponents().orElseThrow(), oneD.asGaussianComponents().orElseThrow());
    }

    @Test
    void choleskyFactorReproducesTheCovariance() {
        double[][] l = G.choleskyFactor();
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double s = 0;
                for (int k = 0; k < 3; k++) {
                    s += l[i][k] * l[j][k];
                }
                assertEquals(SIGMA[i][j], s, 1e-15);
                if (j > i) {
                    assertEquals(0, l[i][j], 0.0);
                }
            }
        }
    }

    /**
     * Mean and covariance of 10^5 draws against μ and Σ. Tolerance: 5 standard errors
     * (see {@link SampleMoments#assertMatches}).
     */
    @Test
    void samplingMomentsMatch() {
        SampleMoments m = SampleMoments.of(G.pointSampler(RandomSource.XO_RO_SHI_RO_128_PP.create(7L)), 3, 100_000);
        m.assertMatches(MEAN, SIGMA, 5);
    }

    @Test
    void componentsAreTheDistributionItself() {
        GaussianComponents c = G.asGaussianComponents().orElseThrow();
        assertEquals(1, c.size());
        assertArrayEquals(MEAN, c.means()[0]);
        assertArrayEquals(SIGMA, c.covariances()[0]);
        assertArrayEquals(MEAN, G.meanVector());
        assertArrayEquals(SIGMA, G.covarianceMatrix());
    }

    @Test
    void badCovariancesAreRefusedWithTheReason() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MultivariateGaussian.of(new double[] {0, 0}, new double[][] {{1, 2}, {2, 1}}));
        assertTrue(e.getMessage().contains("positive definite") && e.getMessage().contains("pivot 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> MultivariateGaussian.of(new double[] {0, 0}, new double[][] {{1, 1}, {1, 1}}));
        assertTrue(e.getMessage().contains("singular"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> MultivariateGaussian.of(new double[] {0, 0}, new double[][] {{1, 0.5}, {0.4, 1}}));
        assertTrue(e.getMessage().contains("symmetric") && e.getMessage().contains("covariance[1][0] = 0.4"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> MultivariateGaussian.of(new double[] {0, 0}, new double[][] {{1, 0}, {0, -1}}));
        assertTrue(e.getMessage().contains("covariance[1][1]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> MultivariateGaussian.of(new double[] {0, 0}, new double[][] {{1, 0, 0}, {0, 1, 0}}));
        assertTrue(e.getMessage().contains("row 0 must have 2 entries, got 3"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> MultivariateGaussian.of(new double[] {0, 0}, new double[][] {{1, 0}, {0, 1}, {0, 0}}));
        assertTrue(e.getMessage().contains("must be 2 x 2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> MultivariateGaussian.of(new double[] {0, Double.NaN}, new double[][] {{1, 0}, {0, 1}}));
        assertTrue(e.getMessage().contains("mean[1]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> G.logDensity(new double[] {1, 2}));
        assertTrue(e.getMessage().contains("3 coordinates"), e.getMessage());
    }

    /**
     * Sample mean and covariance of n draws, with the standard error of each covariance entry
     * estimated from the same draws (the sample variance of the centred products over n), so the
     * check holds for any law with finite fourth moments, not only Gaussians.
     */
    record SampleMoments(int n, double[] mean, double[][] covariance, double[][] covarianceError) {

        static SampleMoments of(PointSampler sampler, int d, int n) {
            double[] x = sampler.sample(n, d);
            double[] m = new double[d];
            for (int i = 0; i < n; i++) {
                for (int p = 0; p < d; p++) {
                    m[p] += x[i * d + p] / n;
                }
            }
            double[][] c = new double[d][d];
            double[][] c2 = new double[d][d];
            for (int i = 0; i < n; i++) {
                for (int p = 0; p < d; p++) {
                    for (int q = 0; q < d; q++) {
                        double r = (x[i * d + p] - m[p]) * (x[i * d + q] - m[q]);
                        c[p][q] += r / n;
                        c2[p][q] += r * r / n;
                    }
                }
            }
            double[][] se = new double[d][d];
            for (int p = 0; p < d; p++) {
                for (int q = 0; q < d; q++) {
                    se[p][q] = Math.sqrt((c2[p][q] - c[p][q] * c[p][q]) / (n - 1));
                }
            }
            return new SampleMoments(n, m, c, se);
        }

        /**
         * Each mean within {@code k √(Σ_pp/n)} and each covariance entry within {@code k} of its
         * standard errors ({@code k = 5}: a spurious failure is a ~1e-6 event per entry).
         */
        void assertMatches(double[] mean, double[][] cov, double k) {
            int d = mean.length;
            for (int p = 0; p < d; p++) {
                assertEquals(mean[p], this.mean[p], k * Math.sqrt(cov[p][p] / n), "mean " + p);
                for (int q = 0; q < d; q++) {
                    assertEquals(cov[p][q], covariance[p][q], k * covarianceError[p][q], "covariance " + p + "," + q);
                }
            }
        }
    }

    /** {@code ∫ p} by the midpoint rule on {@code [lo, hi]²} with step {@code h}. */
    static double integrate2d(org.thermodiff.spi.MultivariateDistribution p, double lo, double hi, int cells) {
        double h = (hi - lo) / cells;
        double sum = 0;
        double[] x = new double[2];
        for (int i = 0; i < cells; i++) {
            x[0] = lo + (i + 0.5) * h;
            for (int j = 0; j < cells; j++) {
                x[1] = lo + (j + 0.5) * h;
                sum += Math.exp(p.logDensity(x));
            }
        }
        return sum * h * h;
    }
}
