package org.thermodiff.distribution;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.thermodiff.spi.GaussianComponents;
import org.thermodiff.spi.MultivariateDistribution;

/**
 * The diagonal mode of {@link MultivariateGaussian} (and mixtures of diagonal Gaussians) against the
 * dense mode on the same matrix. The dense Cholesky factor of {@code diag(v)} is {@code diag(√v)}
 * exactly (its off-diagonal updates subtract exact zeros), so densities, draws and normal-score maps
 * agree to the last bit; the comparisons are exact unless said otherwise.
 */
class DiagonalGaussianTest {

    private static final double[] MEAN = {0.3, -1.2, 2.5, 0.0};
    private static final double[] VARIANCES = {0.7, 2.0, 0.05, 1.3};

    private static double[][] dense(double[] v) {
        double[][] m = new double[v.length][v.length];
        for (int i = 0; i < v.length; i++) {
            m[i][i] = v[i];
        }
        return m;
    }

    @Test
    void diagonalAgreesWithTheDenseFormBitForBit() {
        MultivariateGaussian diagonal = MultivariateGaussian.diagonal(MEAN, VARIANCES);
        MultivariateGaussian full = MultivariateGaussian.of(MEAN, dense(VARIANCES));
        assertTrue(diagonal.isDiagonal());
        assertFalse(full.isDiagonal());
        double[][] points = {{0, 0, 0, 0}, {1, -2, 3, -0.5}, {-4, 5, 2.4, 9}};
        for (double[] x : points) {
            assertEquals(full.logDensity(x), diagonal.logDensity(x));
            assertEquals(full.mahalanobisSquared(x), diagonal.mahalanobisSquared(x));
        }
        assertArrayEquals(full.covarianceMatrix(), diagonal.covarianceMatrix());
        assertArrayEquals(full.choleskyFactor(), diagonal.choleskyFactor());
        assertEquals(0.7 + 2.0 + 0.05 + 1.3, diagonal.covarianceTrace(), 1e-15);
        assertEquals(full.covarianceTrace(), diagonal.covarianceTrace());
        double[] a = MultivariateDistribution.PointSampler.class.cast(
                diagonal.pointSampler(RandomSource.XO_RO_SHI_RO_128_PP.create(5L))).sample(50, 4);
        double[] b = full.pointSampler(RandomSource.XO_RO_SHI_RO_128_PP.create(5L)).sample(50, 4);
        assertArrayEquals(b, a);
        double[] z = {0.3, -1.1, 2.0, -0.4};
        double[] fromDense = new double[4];
        double[] fromDiagonal = new double[4];
        full.normalScoreMap().orElseThrow().apply(z, 0, fromDense, 0);
        diagonal.normalScoreMap().orElseThrow().apply(z, 0, fromDiagonal, 0);
        assertArrayEquals(fromDense, fromDiagonal);
        assertEquals(full, diagonal);
        assertEquals(full.hashCode(), diagonal.hashCode());
    }

    /** ln N(x | μ, diag v) = Σ_i ln N1(x_i | μ_i, v_i), written out; ~30 terms of order 1: 1e-13. */
    @Test
    void logDensityIsTheSumOfOneDimensionalOnes() {
        MultivariateGaussian g = MultivariateGaussian.diagonal(MEAN, VARIANCES);
        double[] x = {1, -2, 3, -0.5};
        double expected = 0;
        for (int i = 0; i < 4; i++) {
            double r = x[i] - MEAN[i];
            expected += -0.5 * Math.log(2 * Math.PI * VARIANCES[i]) - r * r / (2 * VARIANCES[i]);
        }
        assertEquals(expected, g.logDensity(x), 1e-13);
    }

    @Test
    void componentsAreDiagonalAndRoundTrip() {
        MultivariateGaussian g = MultivariateGaussian.isotropic(MEAN, 0.5);
        GaussianComponents c = g.asGaussianComponents().orElseThrow();
        assertTrue(c.isDiagonal());
        assertArrayEquals(new double[] {0.5, 0.5, 0.5, 0.5}, c.variances()[0]);
        GaussianMixtureNd back = GaussianMixtureNd.of(c);
        assertTrue(back.component(0).isDiagonal());
        assertEquals(g, back.component(0));
    }

    @Test
    void badVariancesAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MultivariateGaussian.diagonal(MEAN, new double[] {1, 0, 1, 1}));
        assertEquals("covariance[1][1] (a variance) must be finite and > 0, got 0.0", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MultivariateGaussian.diagonal(MEAN, new double[] {1, 1}));
        assertThrows(IllegalArgumentException.class,
                () -> MultivariateGaussian.diagonal(new double[] {0, Double.NaN, 0, 0}, VARIANCES));
    }

    /**
     * A mixture of diagonal components against the same mixture of dense ones: density, draws,
     * moments. The covariance matrix sums the same terms in the same order (exact); its trace
     * {@code Σ_k w_k (tr Σ_k + |μ_k − μ|²)} sums them in another order: 1e-14 relative.
     */
    @Test
    void mixtureOfDiagonalComponentsAgreesWithTheDenseMixture() {
        double[] w = {0.2, 0.5, 0.3};
        double[][] means = {{0, 1, 2, 3}, {-1, 0.5, 0, 2}, {0.4, -0.4, 1, -1}};
        double[][] vars = {{1, 2, 0.5, 0.25}, {0.3, 0.3, 0.3, 0.3}, {2, 1, 1, 4}};
        List<MultivariateGaussian> diag = List.of(MultivariateGaussian.diagonal(means[0], vars[0]),
                MultivariateGaussian.diagonal(means[1], vars[1]), MultivariateGaussian.diagonal(means[2], vars[2]));
        List<MultivariateGaussian> full = List.of(MultivariateGaussian.of(means[0], dense(vars[0])),
                MultivariateGaussian.of(means[1], dense(vars[1])), MultivariateGaussian.of(means[2], dense(vars[2])));
        GaussianMixtureNd a = GaussianMixtureNd.of(w, diag);
        GaussianMixtureNd b = GaussianMixtureNd.of(w, full);
        double[] x = {0.2, 0.1, -0.7, 1.5};
        assertEquals(b.logDensity(x), a.logDensity(x));
        assertArrayEquals(b.covarianceMatrix(), a.covarianceMatrix());
        double[][] c = b.covarianceMatrix();
        assertEquals(c[0][0] + c[1][1] + c[2][2] + c[3][3], a.covarianceTrace(), 1e-14 * a.covarianceTrace());
        assertArrayEquals(b.pointSampler(RandomSource.XO_RO_SHI_RO_128_PP.create(9L)).sample(40, 4),
                a.pointSampler(RandomSource.XO_RO_SHI_RO_128_PP.create(9L)).sample(40, 4));
        GaussianComponents ga = a.asGaussianComponents().orElseThrow();
        assertTrue(ga.isDiagonal());
        assertFalse(b.asGaussianComponents().orElseThrow().isDiagonal());
        assertEquals(b.asGaussianComponents().orElseThrow(), ga);
        assertEquals(GaussianMixtureNd.of(ga), a);
    }
}
