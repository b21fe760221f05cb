package org.thermodiff.math;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * The 2-Wasserstein distance between Gaussians in closed form (Eqs. 59–60):
 * {@code W2(N(m1, S1), N(m2, S2))² = |m1 − m2|² + tr(S1 + S2 − 2 (S1^{1/2} S2 S1^{1/2})^{1/2})}.
 *
 * <p>For any two distributions with these means and covariances it is a lower bound on {@code W2}
 * (Gelbrich's bound), which is how metrics use it when the data are not Gaussian.
 */
public final class Bures {

    private Bures() {
    }

    /**
     * {@code W2²} between {@code N(m1, s1)} and {@code N(m2, s2)}.
     *
     * @throws IllegalArgumentException if the dimensions differ
     */
    public static double w2Squared(double[] m1, double[][] s1, double[] m2, double[][] s2) {
        int d = m1.length;
        if (m2.length != d || s1.length != d || s2.length != d) {
            throw new IllegalArgumentException("dimensions differ: means " + d + " and " + m2.length + ", covariances "
                    + s1.length + " and " + s2.length);
        }
        double mean = 0;
        for (int i = 0; i < d; i++) {
            mean += (m1[i] - m2[i]) * (m1[i] - m2[i]);
        }
        RealMatrix a = new Array2DRowRealMatrix(s1);
        RealMatrix b = new Array2DRowRealMatrix(s2);
        RealMatrix root = sqrt(a);
        RealMatrix cross = sqrt(root.multiply(b).multiply(root));
        // Rounding can make the trace term a hair negative for (nearly) equal covariances.
        return mean + Math.max(0, a.getTrace() + b.getTrace() - 2 * cross.getTrace());
    }

    /** The symmetric positive semi-definite square root, by eigen-decomposition (negative rounding clipped). */
    static RealMatrix sqrt(RealMatrix symmetric) {
        RealMatrix s = symmetric.add(symmetric.transpose()).scalarMultiply(0.5);   // symmetrise rounding
        EigenDecomposition eig = new EigenDecomposition(s);
        double[] values = eig.getRealEigenvalues();
        RealMatrix v = eig.getV();
        int d = values.length;
        RealMatrix scaled = v.copy();
        for (int j = 0; j < d; j++) {
            double r = Math.sqrt(Math.max(0, values[j]));
            for (int i = 0; i < d; i++) {
                scaled.setEntry(i, j, scaled.getEntry(i, j) * r);
            }
        }
        return scaled.multiply(v.transpose());
    }
}
