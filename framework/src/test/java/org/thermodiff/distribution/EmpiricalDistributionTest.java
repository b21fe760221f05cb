package org.thermodiff.distribution;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.thermodiff.spi.WeightedPoints;

class EmpiricalDistributionTest {

    /** (0, 0), (2, 0), (0, 4) equally weighted: mean (2/3, 4/3); covariance by hand below. */
    private static final EmpiricalDistribution TRIANGLE = EmpiricalDistribution.uniform(2, new double[] {0, 0, 2, 0, 0, 4});

    @Test
    void momentsByHand() {
        assertArrayEquals(new double[] {2.0 / 3, 4.0 / 3}, TRIANGLE.meanVector(), 1e-15);
        // Residuals (−2/3, −4/3), (4/3, −4/3), (−2/3, 8/3): Var x = (4 + 16 + 4)/27 = 8/9,
        // Var y = (16 + 16 + 64)/27 = 32/9, Cov = (8 − 16 − 16)/27 = −8/9.
        double[][] c = TRIANGLE.covarianceMatrix();
        assertArrayEquals(new double[] {8.0 / 9, -8.0 / 9}, c[0], 1e-15);
        assertArrayEquals(new double[] {-8.0 / 9, 32.0 / 9}, c[1], 1e-15);
    }

    /**
     * Resampling by weight: with weights (0.1, 0.2, 0.7) each atom's frequency in 10^5 draws is
     * within 5 binomial standard errors √(w(1 − w)/n) of its weight.
     */
    @Test
    void bootstrapFollowsTheWeights() {
        double[] w = {0.1, 0.2, 0.7};
        EmpiricalDistribution e = EmpiricalDistribution.of(new WeightedPoints(1, new double[] {-1, 5, 7}, w));
        int n = 100_000;
        double[] x = e.pointSampler(RandomSource.XO_RO_SHI_RO_128_PP.create(2L)).sample(n, 1);
        double[] freq = new double[3];
        for (double v : x) {
            freq[v == -1 ? 0 : v == 5 ? 1 : 2] += 1.0 / n;
            assertTrue(v == -1 || v == 5 || v == 7, "every draw is an atom");
        }
        for (int k = 0; k < 3; k++) {
            assertEquals(w[k], freq[k], 5 * Math.sqrt(w[k] * (1 - w[k]) / n));
        }
        double[] y = TRIANGLE.pointSampler(RandomSource.XO_RO_SHI_RO_128_PP.create(4L)).sample(3000, 2);
        for (int i = 0; i < 3000; i++) {
            assertTrue(y[2 * i] * y[2 * i + 1] == 0, "draws are whole atoms, not mixed coordinates");
        }
    }

    @Test
    void atomsAreTheData() {
        WeightedPoints atoms = TRIANGLE.asAtoms().orElseThrow();
        assertArrayEquals(new double[] {0, 0, 2, 0, 0, 4}, atoms.positions());
        assertArrayEquals(new double[] {1.0 / 3, 1.0 / 3, 1.0 / 3}, atoms.weights());
        assertTrue(TRIANGLE.asGaussianComponents().isEmpty());
    }

    @Test
    void noDensityAndBadInputRefused() {
        UnsupportedOperationException u = assertThrows(UnsupportedOperationException.class,
                () -> TRIANGLE.logDensity(new double[] {0, 0}));
        assertTrue(u.getMessage().contains("no density"), u.getMessage());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EmpiricalDistribution.uniform(2, new double[] {1, 2, Double.NaN, 4}));
        assertTrue(e.getMessage().contains("coordinate 0 of point 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> EmpiricalDistribution.uniform(2, new double[] {1, 2, 3}));
        assertTrue(e.getMessage().contains("multiple of 2"), e.getMessage());
    }
}
