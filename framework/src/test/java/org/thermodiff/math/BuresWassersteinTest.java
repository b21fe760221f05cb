package org.thermodiff.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

class BuresWassersteinTest {

    /** In 1-D: W2² = (m1 − m2)² + (s1 − s2)² (standard deviations s). Eigen-decomposition rounding: 1e-14. */
    @Test
    void oneDimensionalClosedForm() {
        double[][] cases = {{0, 1, 1, 1}, {0.3, 0.5, -0.2, 1.7}, {2, 0.1, -1, 3}, {0, 0, 0, 2}};
        for (double[] c : cases) {
            double expected = (c[0] - c[2]) * (c[0] - c[2]) + (c[1] - c[3]) * (c[1] - c[3]);
            double actual = BuresWasserstein.squared(new double[] {c[0]}, new double[][] {{c[1] * c[1]}},
                    new double[] {c[2]}, new double[][] {{c[3] * c[3]}});
            assertEquals(expected, actual, 1e-14 * (1 + expected));
        }
    }

    /** Commuting (here simultaneously diagonal) covariances: Σ_k (√λ_k − √μ_k)², also after a common rotation. */
    @Test
    void commutingCovariances() {
        double[] lambda = {0.5, 2, 3};
        double[] mu = {1.5, 0.2, 3};
        double expected = 0;
        for (int k = 0; k < 3; k++) {
            expected += Math.pow(Math.sqrt(lambda[k]) - Math.sqrt(mu[k]), 2);
        }
        double[] m = {0.1, -0.2, 0.3};
        assertEquals(expected, BuresWasserstein.squared(m, diag(lambda), m, diag(mu)), 1e-14);
        // The same pair in a rotated basis Q D Qᵀ still commutes; W2 is rotation invariant.
        double[][] q = rotation(new Random(3));
        assertEquals(expected, BuresWasserstein.squared(m, conjugate(q, diag(lambda)), m, conjugate(q, diag(mu))), 1e-13);
    }

    /**
     * Non-commuting 2×2 pair against an independent formula: for a 2×2 positive semi-definite M,
     * tr √M = √(tr M + 2 √det M), and tr(S1^{1/2} S2 S1^{1/2}) = tr(S1 S2), det = det S1 det S2.
     */
    @Test
    void nonCommutingTwoByTwoAgainstTraceDeterminantFormula() {
        double[][] s1 = {{1, 0.3}, {0.3, 0.5}};
        double[][] s2 = {{0.6, -0.2}, {-0.2, 1.2}};
        double trS1S2 = s1[0][0] * s2[0][0] + s1[0][1] * s2[1][0] + s1[1][0] * s2[0][1] + s1[1][1] * s2[1][1];
        double det = (s1[0][0] * s1[1][1] - s1[0][1] * s1[1][0]) * (s2[0][0] * s2[1][1] - s2[0][1] * s2[1][0]);
        double cross = Math.sqrt(trS1S2 + 2 * Math.sqrt(det));
        double expected = 1 + 0.25 + (1 + 0.5) + (0.6 + 1.2) - 2 * cross;
        assertEquals(expected, BuresWasserstein.squared(new double[] {0, 0}, s1, new double[] {1, -0.5}, s2), 1e-14);
    }

    @Test
    void asymmetricCovarianceIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BuresWasserstein.squared(
                new double[] {0, 0}, new double[][] {{1, 0.2}, {0.1, 1}}, new double[] {0, 0}, diag(new double[] {1, 1})));
        assertEquals("the first covariance is not symmetric: entry (1, 0) = 0.1 but (0, 1) = 0.2", e.getMessage());
    }

    private static double[][] diag(double[] v) {
        double[][] d = new double[v.length][v.length];
        for (int i = 0; i < v.length; i++) {
            d[i][i] = v[i];
        }
        return d;
    }

    /** A random 3×3 rotation, by Gram–Schmidt on Gaussian vectors. */
    private static double[][] rotation(Random rng) {
        double[][] q = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int k = 0; k < 3; k++) {
                q[i][k] = rng.nextGaussian();
            }
            for (int j = 0; j < i; j++) {
                double dot = 0;
                for (int k = 0; k < 3; k++) {
                    dot += q[i][k] * q[j][k];
                }
                for (int k = 0; k < 3; k++) {
                    q[i][k] -= dot * q[j][k];
                }
            }
            double norm = 0;
            for (int k = 0; k < 3; k++) {
                norm += q[i][k] * q[i][k];
            }
            for (int k = 0; k < 3; k++) {
                q[i][k] /= Math.sqrt(norm);
            }
        }
        return q;
    }

    /** {@code Q D Qᵀ}, symmetrised so that the input passes the symmetry check exactly. */
    private static double[][] conjugate(double[][] q, double[][] d) {
        int n = d.length;
        double[][] out = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = 0;
                for (int k = 0; k < n; k++) {
                    s += q[i][k] * d[k][k] * q[j][k];
                }
                out[i][j] = s;
                out[j][i] = s;
            }
        }
        return out;
    }
}
