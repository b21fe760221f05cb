package org.thermodiff.process;

/**
 * The rotation {@code R_θ = exp(θJ)} of {@code R^d} by the angle {@code θ} in each coordinate plane
 * {@code (x_1, x_2), (x_3, x_4), …}: {@code J} is block-diagonal with blocks
 * {@code [[0, −1], [1, 0]]} (a last coordinate of odd {@code d} is left alone), so
 * {@code R_θ} is block-diagonal with blocks {@code [[cos θ, −sin θ], [sin θ, cos θ]]}.
 *
 * <p>Public for the learned estimators, which rotate the conditional path of a
 * {@link RotatedProcess} ({@link org.thermodiff.spi.process.GaussianPath#angularRate()}).
 *
 * @param theta     the angle
 * @param dimension {@code d ≥ 2}
 */
public record PlaneRotation(double theta, int dimension) {

    public PlaneRotation {
        if (dimension < 2) {
            throw new IllegalArgumentException("a rotation needs at least 2 dimensions, got " + dimension);
        }
    }

    /**
     * Writes {@code R_θ x} (or {@code R_θ⁻¹ x} if {@code inverse}) for {@code count} points, read from
     * {@code x[xo, …)} and written to {@code out[oo, …)} ({@code d} values each).
     */
    public void apply(double[] x, int xo, double[] out, int oo, int count, boolean inverse) {
        double c = Math.cos(theta);
        double s = inverse ? -Math.sin(theta) : Math.sin(theta);
        int d = dimension;
        for (int i = 0; i < count; i++) {
            int a0 = xo + i * d;
            int o = oo + i * d;
            for (int j = 0; j + 1 < d; j += 2) {
                double a = x[a0 + j];
                double b = x[a0 + j + 1];
                out[o + j] = c * a - s * b;
                out[o + j + 1] = s * a + c * b;
            }
            if ((d & 1) == 1) {
                out[o + d - 1] = x[a0 + d - 1];
            }
        }
    }

    /** {@code R_θ v} for one vector. */
    public double[] apply(double[] v) {
        double[] out = new double[v.length];
        apply(v, 0, out, 0, 1, false);
        return out;
    }

    /** {@code R_θ Σ R_θᵀ}. */
    double[][] conjugate(double[][] sigma) {
        int d = dimension;
        double[][] rs = new double[d][];
        for (int j = 0; j < d; j++) { // columns of Σ rotated: (RΣ)ᵀ = ΣRᵀ, rows of Σ are its columns (symmetric)
            rs[j] = apply(sigma[j]);
        }
        double[][] out = new double[d][d];
        double[] column = new double[d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                column[j] = rs[j][i]; // (RΣ)_{i j} = rs[j][i]
            }
            double[] row = apply(column); // R (RΣ)ᵀ_{·,i} = (RΣRᵀ)_{·, i}
            for (int j = 0; j < d; j++) {
                out[j][i] = row[j];
            }
        }
        return out;
    }

    /**
     * Adds {@code scale · J x_i} to {@code out} for the points {@code from ≤ i < to} ({@code d} values
     * each, row-major): each plane's {@code (a, b) ↦ (−b, a)}.
     */
    public static void generator(double[] x, double[] out, int from, int to, int d, double scale) {
        for (int i = from; i < to; i++) {
            int o = i * d;
            for (int j = 0; j + 1 < d; j += 2) {
                out[o + j] += -scale * x[o + j + 1];
                out[o + j + 1] += scale * x[o + j];
            }
        }
    }
}
