package org.thermodiff.process;

/**
 * Cholesky factors of small symmetric matrices stored flat (row-major {@code d × d} blocks at an
 * offset), and the triangular solves the n-D Gaussian formulas need. Stateless.
 */
final class Cholesky {

    private Cholesky() {
    }

    /**
     * Writes the lower factor {@code L} of {@code a = L Lᵀ} to {@code l[lOff, lOff + d²)} (upper
     * part zeroed).
     *
     * @return false if {@code a} is not (numerically) positive definite; {@code l} is then garbage
     */
    static boolean factor(double[] a, int aOff, int d, double[] l, int lOff) {
        for (int i = 0; i < d; i++) {
            for (int j = 0; j <= i; j++) {
                double s = a[aOff + i * d + j];
                for (int k = 0; k < j; k++) {
                    s -= l[lOff + i * d + k] * l[lOff + j * d + k];
                }
                if (i == j) {
                    if (!(s > 0)) {
                        return false;
                    }
                    l[lOff + i * d + i] = Math.sqrt(s);
                } else {
                    l[lOff + i * d + j] = s / l[lOff + j * d + j];
                }
            }
            for (int j = i + 1; j < d; j++) {
                l[lOff + i * d + j] = 0;
            }
        }
        return true;
    }

    /**
     * A factor of a positive <em>semi</em>-definite {@code a} for sampling ({@code a = L Lᵀ}):
     * columns whose pivot is not positive are set to zero, so a zero matrix (an atom) gets
     * {@code L = 0}.
     */
    static void factorSemiDefinite(double[] a, int aOff, int d, double[] l, int lOff) {
        java.util.Arrays.fill(l, lOff, lOff + d * d, 0);
        for (int j = 0; j < d; j++) {
            double s = a[aOff + j * d + j];
            for (int k = 0; k < j; k++) {
                s -= l[lOff + j * d + k] * l[lOff + j * d + k];
            }
            // Relative threshold: a pivot at rounding level of the diagonal is a zero direction.
            if (!(s > 1e-14 * Math.abs(a[aOff + j * d + j]))) {
                continue;
            }
            double pivot = Math.sqrt(s);
            l[lOff + j * d + j] = pivot;
            for (int i = j + 1; i < d; i++) {
                double t = a[aOff + i * d + j];
                for (int k = 0; k < j; k++) {
                    t -= l[lOff + i * d + k] * l[lOff + j * d + k];
                }
                l[lOff + i * d + j] = t / pivot;
            }
        }
    }

    /** {@code z = L⁻¹ (x[xOff..] − c[cOff..])}; returns {@code |z|²}. */
    static double forwardSolveDifference(double[] l, int lOff, int d, double[] x, int xOff, double[] c, int cOff,
            double[] z) {
        double q = 0;
        for (int i = 0; i < d; i++) {
            double s = x[xOff + i] - c[cOff + i];
            int row = lOff + i * d;
            for (int k = 0; k < i; k++) {
                s -= l[row + k] * z[k];
            }
            s /= l[row + i];
            z[i] = s;
            q += s * s;
        }
        return q;
    }

    /** {@code out = L⁻ᵀ z} (back substitution). */
    static void backSolveTransposed(double[] l, int lOff, int d, double[] z, double[] out) {
        for (int i = d - 1; i >= 0; i--) {
            double s = z[i];
            for (int k = i + 1; k < d; k++) {
                s -= l[lOff + k * d + i] * out[k];
            }
            out[i] = s / l[lOff + i * d + i];
        }
    }

    /** {@code Σ ln L_ii}, i.e. {@code ½ ln det a}. */
    static double halfLogDeterminant(double[] l, int lOff, int d) {
        double s = 0;
        for (int i = 0; i < d; i++) {
            s += Math.log(l[lOff + i * d + i]);
        }
        return s;
    }
}
