package org.thermodiff.process;

import java.util.stream.IntStream;
import org.thermodiff.spi.GaussianComponents;
import org.thermodiff.spi.WeightedPoints;

/**
 * The data {@code q = Σ_k w_k N(μ_k, Σ_k)} of an n-D Gaussian-conditional process in flat arrays
 * (atoms are components with {@code Σ_k = 0}). Components of weight 0 are dropped: they carry no
 * mass at any time. Diagonal components ({@link GaussianComponents#isDiagonal()}, atoms) are held
 * as variances only, {@code O(k·d)}; dense ones also as {@code d × d} matrices. Immutable after
 * construction; arrays are never handed out.
 */
final class DataComponents {

    final int dimension;
    final int size;
    /** {@code w_k > 0}. */
    final double[] weights;
    /** {@code μ_k} at {@code [k·d, (k+1)·d)}. */
    final double[] means;
    /** {@code Σ_k} row-major at {@code [k·d², (k+1)·d²)}; null when given diagonally. */
    final double[] covariances;
    /** The diagonals of {@code Σ_k} at {@code [k·d, (k+1)·d)}. */
    final double[] variances;
    /** Whether every {@code Σ_k} is diagonal (isotropic ones included). */
    final boolean diagonal;
    /** Whether every {@code Σ_k} is zero: empirical data. */
    final boolean atoms;

    private DataComponents(int dimension, double[] weights, double[] means, double[] covariances, double[] variances,
                           boolean diagonal, boolean atoms) {
        this.dimension = dimension;
        this.size = weights.length;
        this.weights = weights;
        this.means = means;
        this.covariances = covariances;
        this.variances = variances;
        this.diagonal = diagonal;
        this.atoms = atoms;
    }

    /** Dense components {@code N(μ_k, Σ_k)}, {@code Σ_k} row-major; symmetrised and checked semi-definite. */
    private static DataComponents dense(int d, double[] weights, double[] means, double[] covariances) {
        int[] kept = kept(weights, means, d);
        int n = kept.length;
        double[] cov = new double[n * d * d];
        double[] variances = new double[n * d];
        boolean diag = true;
        boolean zero = true;
        for (int kk = 0; kk < n; kk++) {
            int k = kept[kk];
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    double a = covariances[(k * d + i) * d + j];
                    double b = covariances[(k * d + j) * d + i];
                    // Symmetric up to rounding of whoever computed it.
                    if (!Double.isFinite(a) || Math.abs(a - b) > 1e-12 * (Math.abs(a) + Math.abs(b))) {
                        throw new IllegalArgumentException("covariance of component " + k
                                + " must be finite and symmetric, got entry (" + i + "," + j + ") = " + a);
                    }
                    cov[(kk * d + i) * d + j] = 0.5 * (a + b);
                    diag &= i == j || a == 0;
                    zero &= a == 0;
                }
                variances[kk * d + i] = covariances[(k * d + i) * d + i];
                if (!(variances[kk * d + i] >= 0)) {
                    throw new IllegalArgumentException("covariance of component " + k + " has a negative variance "
                            + variances[kk * d + i]);
                }
            }
        }
        DataComponents q = new DataComponents(d, gather(weights, kept, 1), gather(means, kept, d), cov, variances, diag,
                zero);
        q.checkSemiDefinite();
        return q;
    }

    /** Diagonal components {@code N(μ_k, diag(v_k))}: no {@code d × d} arrays. */
    private static DataComponents diagonal(int d, double[] weights, double[] means, double[] variances) {
        int[] kept = kept(weights, means, d);
        boolean zero = true;
        for (int k : kept) {
            for (int i = 0; i < d; i++) {
                double v = variances[k * d + i];
                if (!(v >= 0) || !Double.isFinite(v)) {
                    throw new IllegalArgumentException("covariance of component " + k + " has variance " + v
                            + " at coordinate " + i + "; it must be finite and >= 0");
                }
                zero &= v == 0;
            }
        }
        return new DataComponents(d, gather(weights, kept, 1), gather(means, kept, d), null, gather(variances, kept, d),
                true, zero);
    }

    /**
     * The components of positive weight (the others carry no mass at any time), their means
     * checked finite.
     */
    private static int[] kept(double[] weights, double[] means, int d) {
        int[] kept = IntStream.range(0, weights.length).filter(k -> weights[k] > 0).toArray();
        for (int k : kept) {
            for (int i = 0; i < d; i++) {
                double mu = means[k * d + i];
                if (!Double.isFinite(mu)) {
                    throw new IllegalArgumentException("mean of component " + k + " must be finite, got " + mu);
                }
            }
        }
        return kept;
    }

    /** Rows {@code kept[·]} of {@code width} values each, in order. */
    private static double[] gather(double[] values, int[] kept, int width) {
        double[] out = new double[kept.length * width];
        for (int kk = 0; kk < kept.length; kk++) {
            System.arraycopy(values, kept[kk] * width, out, kk * width, width);
        }
        return out;
    }

    /** The components of a Gaussian mixture; diagonal ones without {@code d × d} arrays. */
    static DataComponents of(GaussianComponents g) {
        int d = g.dimension();
        int n = g.size();
        double[][] mu = g.means();
        double[] means = new double[n * d];
        for (int k = 0; k < n; k++) {
            System.arraycopy(mu[k], 0, means, k * d, d);
        }
        if (g.isDiagonal()) {
            double[][] v = g.variances();
            double[] variances = new double[n * d];
            for (int k = 0; k < n; k++) {
                System.arraycopy(v[k], 0, variances, k * d, d);
            }
            return diagonal(d, g.weights(), means, variances);
        }
        double[][][] cov = g.covariances();
        double[] covariances = new double[n * d * d];
        for (int k = 0; k < n; k++) {
            for (int i = 0; i < d; i++) {
                System.arraycopy(cov[k][i], 0, covariances, (k * d + i) * d, d);
            }
        }
        return dense(d, g.weights(), means, covariances);
    }

    /** Weighted atoms as components with zero covariance (held diagonally). */
    static DataComponents of(WeightedPoints p) {
        int d = p.dimension();
        return diagonal(d, p.weights(), p.positions(), new double[p.size() * d]);
    }

    /** The components as an SPI value: diagonal when held diagonally. */
    GaussianComponents toGaussianComponents() {
        int d = dimension;
        double[][] mu = new double[size][d];
        for (int k = 0; k < size; k++) {
            System.arraycopy(means, k * d, mu[k], 0, d);
        }
        if (covariances == null) {
            double[][] v = new double[size][d];
            for (int k = 0; k < size; k++) {
                System.arraycopy(variances, k * d, v[k], 0, d);
            }
            return GaussianComponents.diagonal(weights.clone(), mu, v);
        }
        double[][][] cov = new double[size][d][d];
        for (int k = 0; k < size; k++) {
            for (int i = 0; i < d; i++) {
                System.arraycopy(covariances, (k * d + i) * d, cov[k][i], 0, d);
            }
        }
        return new GaussianComponents(weights.clone(), mu, cov);
    }

    /**
     * Refuses an indefinite {@code Σ_k}: {@code Σ_k + ε I} must factor, with {@code ε} a rounding
     * level of its trace, so that {@code m²Σ_k + σ²I} is positive definite for every {@code σ > 0}.
     */
    private void checkSemiDefinite() {
        if (diagonal) {
            return; // the variances were checked to be >= 0
        }
        int d = dimension;
        double[] a = new double[d * d];
        double[] l = new double[d * d];
        for (int k = 0; k < size; k++) {
            System.arraycopy(covariances, k * d * d, a, 0, d * d);
            double trace = 0;
            for (int i = 0; i < d; i++) {
                trace += a[i * d + i];
            }
            for (int i = 0; i < d; i++) {
                a[i * d + i] += 1e-12 * trace + Double.MIN_NORMAL;
            }
            if (!Cholesky.factor(a, 0, d, l, 0)) {
                throw new IllegalArgumentException("covariance of component " + k + " is not positive semi-definite");
            }
        }
    }
}
