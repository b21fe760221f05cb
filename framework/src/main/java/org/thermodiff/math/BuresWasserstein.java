package org.thermodiff.math;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * The 2-Wasserstein distance between Gaussians in closed form (Eqs. 59–60; Dowson &amp; Landau,
 * Olkin &amp; Pukelsheim):
 * <pre>  W2(N(m1, S1), N(m2, S2))² = |m1 − m2|² + tr(S1 + S2 − 2 (S1^{1/2} S2 S1^{1/2})^{1/2}).</pre>
 * For any two distributions with these means and covariances the right side is a lower bound on
 * {@code W2²} (Gelbrich), with equality for Gaussians.
 *
 * <p>Square roots of symmetric positive semi-definite matrices come from their eigen-decomposition;
 * eigenvalues that rounding made slightly negative are taken as 0.
 */
public final class BuresWasserstein {

    private BuresWasserstein() {
    }

    /**
     * {@code W2²} between {@code N(m1, s1)} and {@code N(m2, s2)}.
     *
     * @throws IllegalArgumentException if the shapes do not agree or a covariance is not symmetric
     */
    public static double squared(double[] m1, double[][] s1, double[] m2, double[][] s2) {
        int d = m1.length;
        if (d == 0 || m2.length != d || s1.length != d || s2.length != d) {
            throw new IllegalArgumentException("means and covariances must all be of dimension " + d + ", got means "
                    + m1.length + ", " + m2.length + " and covariances " + s1.length + ", " + s2.length);
        }
        RealMatrix a = symmetric(s1, "first");
        RealMatrix b = symmetric(s2, "second");
        RealMatrix rootA = sqrt(a);
        RealMatrix cross = sqrt(rootA.multiply(b).multiply(rootA));
        double mean = 0;
        for (int k = 0; k < d; k++) {
            double t = m1[k] - m2[k];
            mean += t * t;
        }
        double trace = a.getTrace() + b.getTrace() - 2 * cross.getTrace();
        return mean + Math.max(trace, 0);
    }

    /** {@code W2} between {@code N(m1, s1)} and {@code N(m2, s2)}. */
    public static double distance(double[] m1, double[][] s1, double[] m2, double[][] s2) {
        return Math.sqrt(squared(m1, s1, m2, s2));
    }

    /** The principal square root of a symmetric positive semi-definite matrix. */
    static RealMatrix sqrt(RealMatrix s) {
        // Symmetrise first: products like A^{1/2} B A^{1/2} are symmetric only up to rounding.
        RealMatrix sym = s.add(s.transpose()).scalarMultiply(0.5);
        EigenDecomposition eigen = new EigenDecomposition(sym);
        RealMatrix v = eigen.getV();
        double[] lambda = eigen.getRealEigenvalues();
        int d = lambda.length;
        RealMatrix root = new Array2DRowRealMatrix(d, d);
        for (int k = 0; k < d; k++) {
            double r = Math.sqrt(Math.max(lambda[k], 0));
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    root.addToEntry(i, j, r * v.getEntry(i, k) * v.getEntry(j, k));
                }
            }
        }
        return root;
    }

    private static RealMatrix symmetric(double[][] s, String which) {
        int d = s.length;
        for (int i = 0; i < d; i++) {
            if (s[i].length != d) {
                throw new IllegalArgumentException("the " + which + " covariance is not " + d + " x " + d);
            }
            for (int j = 0; j < i; j++) {
                if (Math.abs(s[i][j] - s[j][i]) > 1e-12 * (Math.abs(s[i][j]) + Math.abs(s[j][i]) + 1e-300)) {
                    throw new IllegalArgumentException("the " + which + " covariance is not symmetric: entry (" + i + ", "
                            + j + ") = " + s[i][j] + " but (" + j + ", " + i + ") = " + s[j][i]);
                }
            }
        }
        return new Array2DRowRealMatrix(s, true);
    }
}
