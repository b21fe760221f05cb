package org.thermodiff.math;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BuresTest {

    /** 1-D: W2(N(m1, s1²), N(m2, s2²))² = (m1 − m2)² + (s1 − s2)². */
    @Test
    void oneDimensionIsTheDifferenceOfMeansAndOfStandardDeviations() {
        assertEquals(0.09 + 0.25, Bures.w2Squared(new double[] {0.3}, new double[][] {{0.25}},
                new double[] {0}, new double[][] {{1}}), 1e-15);
    }

    /** Commuting (here diagonal) covariances: Σ_i (√a_i − √b_i)² plus the mean term. */
    @Test
    void commutingCovariancesGiveTheSumOverEigenvalues() {
        double expected = 1 + 4 + Math.pow(Math.sqrt(2) - 1, 2) + Math.pow(Math.sqrt(0.5) - Math.sqrt(3), 2);
        assertEquals(expected, Bures.w2Squared(new double[] {1, 2}, new double[][] {{2, 0}, {0, 0.5}},
                new double[] {0, 0}, new double[][] {{1, 0}, {0, 3}}), 1e-14);
    }

    /**
     * Rotating both Gaussians by the same rotation leaves W2 unchanged; a rotated diagonal pair is
     * then checked against the commuting formula, through non-diagonal matrices.
     */
    @Test
    void rotationInvariance() {
        double c = Math.cos(0.7);
        double s = Math.sin(0.7);
        double[][] r = {{c, -s}, {s, c}};
        double[][] a = rotate(r, new double[][] {{2, 0}, {0, 0.5}});
        double[][] b = rotate(r, new double[][] {{1, 0}, {0, 3}});
        double expected = Math.pow(Math.sqrt(2) - 1, 2) + Math.pow(Math.sqrt(0.5) - Math.sqrt(3), 2);
        assertEquals(expected, Bures.w2Squared(new double[] {0, 0}, a, new double[] {0, 0}, b), 1e-13);
        assertEquals(0, Bures.w2Squared(new double[] {1, 1}, a, new double[] {1, 1}, a), 1e-13);
    }

    private static double[][] rotate(double[][] r, double[][] m) {
        double[][] out = new double[2][2];
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                double v = 0;
                for (int k = 0; k < 2; k++) {
                    for (int l = 0; l < 2; l++) {
                        v += r[i][k] * m[k][l] * r[j][l];
                    }
                }
                out[i][j] = v;
            }
        }
        return out;
    }
}
