package org.thermodiff.process;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.thermodiff.spi.GaussianComponents;
import org.thermodiff.spi.MultivariateDistribution;
import org.thermodiff.spi.WeightedPoints;

/**
 * The diagonal path of the n-D Gaussian-conditional process (data held as variances, marginals
 * without {@code d × d} matrices) against the dense path on the same numbers. The dense path
 * factors {@code diag(c)} into {@code diag(√c)} exactly and its triangular solves subtract exact
 * zeros, so densities, draws and moments agree bit for bit; only the covariance trace is summed in
 * another order (1e-14 relative).
 */
class DiagonalDataTest {

    /** The cosine schedule, {@code m = cos(πs/2)}, {@code σ = sin(πs/2)}. */
    private static final GaussianConditionalSchedule COSINE = new GaussianConditionalSchedule() {
        @Override
        public double m(double s) {
            return Math.cos(Math.PI * s / 2);
        }

        @Override
        public double mPrime(double s) {
            return -Math.PI / 2 * Math.sin(Math.PI * s / 2);
        }

        @Override
        public double sigma(double s) {
            return Math.sin(Math.PI * s / 2);
        }

        @Override
        public double halfSigmaSquaredPrime(double s) {
            return Math.PI / 2 * Math.sin(Math.PI * s / 2) * Math.cos(Math.PI * s / 2);
        }

        @Override
        public String name() {
            return "cosine";
        }
    };

    private static final double[] W = {0.3, 0.0, 0.7};
    private static final double[][] MEANS = {{0.5, -1, 2}, {9, 9, 9}, {-0.5, 0.2, 0}};
    private static final double[][] VARIANCES = {{0.4, 1.5, 0.2}, {1, 1, 1}, {0.9, 0.1, 2.5}};

    private static double[][][] dense(double[][] v) {
        double[][][] c = new double[v.length][v[0].length][v[0].length];
        for (int k = 0; k < v.length; k++) {
            for (int i = 0; i < v[k].length; i++) {
                c[k][i][i] = v[k][i];
            }
        }
        return c;
    }

    @Test
    void marginalsAgreeWithTheDensePath() {
        GaussianConditionalProcessNd diagonal = GaussianConditionalProcessNd.of(COSINE,
                GaussianComponents.diagonal(W, MEANS, VARIANCES), 2.0, "diagonal");
        GaussianConditionalProcessNd full = GaussianConditionalProcessNd.of(COSINE,
                new GaussianComponents(W, MEANS, dense(VARIANCES)), 2.0, "dense");
        assertTrue(diagonal.data().isDiagonal());
        assertEquals(full.data(), diagonal.data());
        double[][] points = {{0, 0, 0}, {1, -1, 2}, {-3, 4, 0.5}};
        for (double t : new double[] {0, 0.3, 1.1, 2.0}) {
            MultivariateDistribution a = diagonal.marginalLaw(t);
            MultivariateDistribution b = full.marginalLaw(t);
            for (double[] x : points) {
                assertEquals(b.logDensity(x), a.logDensity(x), "t = " + t);
            }
            assertArrayEquals(b.meanVector(), a.meanVector());
            assertArrayEquals(b.covarianceMatrix(), a.covarianceMatrix());
            double[][] c = b.covarianceMatrix();
            assertEquals(c[0][0] + c[1][1] + c[2][2], a.covarianceTrace(), 1e-14 * a.covarianceTrace());
            assertEquals(b.covarianceTrace(), a.covarianceTrace(), 1e-14 * a.covarianceTrace());
            assertArrayEquals(b.pointSampler(RandomSource.XO_RO_SHI_RO_128_PP.create(3L)).sample(30, 3),
                    a.pointSampler(RandomSource.XO_RO_SHI_RO_128_PP.create(3L)).sample(30, 3));
            GaussianComponents ga = a.asGaussianComponents().orElseThrow();
            assertTrue(ga.isDiagonal());
            assertEquals(b.asGaussianComponents().orElseThrow(), ga);
            double[] v = new double[9];
            double[] u = new double[9];
            double[] x = {0, 0, 0, 1, -1, 2, -3, 4, 0.5};
            diagonal.velocity().velocity(t, x, v);
            full.velocity().velocity(t, x, u);
            assertArrayEquals(u, v);
        }
        // At m_τ = 0 every component is N(0, I): one Gaussian, mapped from normal scores as the dense one.
        MultivariateDistribution end = diagonal.marginalLaw(2.0);
        double[] z = {0.4, -1.3, 0.8};
        double[] p = new double[3];
        double[] q = new double[3];
        end.normalScoreMap().orElseThrow().apply(z, 0, p, 0);
        full.marginalLaw(2.0).normalScoreMap().orElseThrow().apply(z, 0, q, 0);
        assertArrayEquals(q, p);
        // cos(π/2) ≈ 6e-17, so the centres are ~1e-17 and the variances 1 to rounding: x ≈ z.
        assertArrayEquals(z, p, 1e-15);
    }

    /** Atoms are held as zero variances; at σ = 0 the marginal is the atoms themselves. */
    @Test
    void atomsAreHeldDiagonally() {
        WeightedPoints atoms = new WeightedPoints(2, new double[] {0, 1, 2, -1}, new double[] {0.5, 0.5});
        GaussianConditionalProcessNd process = GaussianConditionalProcessNd.ofAtoms(COSINE, atoms, 1.0, "atoms");
        GaussianComponents data = process.data();
        assertTrue(data.isDiagonal());
        assertArrayEquals(new double[][] {{0, 0}, {0, 0}}, data.variances());
        MultivariateDistribution start = process.marginalLaw(0);
        assertEquals(atoms, start.asAtoms().orElseThrow());
        assertEquals(Double.POSITIVE_INFINITY, start.logDensity(new double[] {2, -1}));
        assertEquals(Double.NEGATIVE_INFINITY, start.logDensity(new double[] {2, -1.5}));
        // At σ > 0 a mixture of N(m y_i, σ² I): against the formula written out.
        double t = 0.5;
        double m = Math.cos(Math.PI * t / 2);
        double s2 = Math.pow(Math.sin(Math.PI * t / 2), 2);
        double[] x = {0.3, 0.2};
        double p = 0;
        double[][] y = {{0, 1}, {2, -1}};
        for (double[] yi : y) {
            double r2 = Math.pow(x[0] - m * yi[0], 2) + Math.pow(x[1] - m * yi[1], 2);
            p += 0.5 * Math.exp(-r2 / (2 * s2)) / (2 * Math.PI * s2);
        }
        // ln p of order 1, two exponentials and a log: 1e-14.
        assertEquals(Math.log(p), process.marginalLaw(t).logDensity(x), 1e-14);
    }

    /**
     * d = 4096 through the diagonal path (the dense one would hold 134 MB per covariance): the data
     * {@code ½N(−0.05·1, ¼I) + ½N(0.05·1, ¼I)}, whose end marginal under the cosine schedule is
     * N(0, I) up to {@code cos(π/2) ≈ 6e-17}; D0 of the start {@code N(0.01·1, I)} against it is
     * {@code e^{0.01² d} − 1} (1e-12 relative: 4096 log terms of order 1e-4, and the end marginal's
     * means and variances are off by ~1e-17). The moments are the law of total covariance written out.
     */
    @Test
    void fourThousandDimensionsStayDiagonal() {
        int d = 4096;
        double[][] means = {new double[d], new double[d]};
        double[][] vars = {new double[d], new double[d]};
        java.util.Arrays.fill(means[0], -0.05);
        java.util.Arrays.fill(means[1], 0.05);
        java.util.Arrays.fill(vars[0], 0.25);
        java.util.Arrays.fill(vars[1], 0.25);
        GaussianConditionalProcessNd process = GaussianConditionalProcessNd.of(COSINE,
                GaussianComponents.diagonal(new double[] {0.5, 0.5}, means, vars), 1.0, "mixture");
        MultivariateDistribution start = process.marginalLaw(0);
        // tr Cov = d (¼ + 0.05²); 4096 equal terms: 1e-13 relative.
        assertEquals(d * (0.25 + 0.0025), start.covarianceTrace(), 1e-13 * d);
        MultivariateDistribution end = process.marginalLaw(1.0);
        GaussianComponents collapsed = end.asGaussianComponents().orElseThrow().collapsed().orElseThrow();
        assertTrue(collapsed.isDiagonal());
        double[] shift = new double[d];
        double[] ones = new double[d];
        java.util.Arrays.fill(shift, 0.01);
        java.util.Arrays.fill(ones, 1);
        double d0 = org.thermodiff.math.GaussianDivergences.chiSquared(
                GaussianComponents.diagonal(new double[] {1}, new double[][] {shift}, new double[][] {ones}), collapsed);
        assertEquals(Math.expm1(1e-4 * d), d0, 1e-12 * d0);
        double[] z = new double[d];
        double[] x = new double[d];
        z[7] = 1.5;
        end.normalScoreMap().orElseThrow().apply(z, 0, x, 0);
        assertEquals(1.5, x[7], 1e-15);
    }
}
