package org.thermodiff.spi;

import java.util.Arrays;

/**
 * A Gaussian mixture {@code Σ_k w_k N(μ_k, Σ_k)} on {@code R^d}, as plain numbers: what a
 * Gaussian-conditional schedule needs to write its forward marginals in closed form,
 * {@code P_t = Σ_k w_k N(m_t μ_k, m_t² Σ_k + σ_t² I)}.
 *
 * <p>Arrays are copied in and out; the value is immutable.
 *
 * @param weights     {@code w_k ≥ 0}, summing to 1
 * @param means       {@code μ_k}, each of length {@code d}
 * @param covariances {@code Σ_k}, each symmetric positive semi-definite {@code d × d}
 */
public record GaussianComponents(double[] weights, double[][] means, double[][][] covariances) {

    public GaussianComponents {
        int k = weights.length;
        if (k == 0) {
            throw new IllegalArgumentException("a mixture needs at least one component");
        }
        if (means.length != k || covariances.length != k) {
            throw new IllegalArgumentException("weights, means and covariances must have the same length, got "
                    + k + ", " + means.length + ", " + covariances.length);
        }
        int d = means[0].length;
        if (d == 0) {
            throw new IllegalArgumentException("dimension must be at least 1");
        }
        double total = 0;
        for (int i = 0; i < k; i++) {
            if (!(weights[i] >= 0) || !Double.isFinite(weights[i])) {
                throw new IllegalArgumentException("weight " + i + " must be finite and >= 0, got " + weights[i]);
            }
            total += weights[i];
            if (means[i].length != d || covariances[i].length != d) {
                throw new IllegalArgumentException("component " + i + " is not of dimension " + d);
            }
            for (double[] row : covariances[i]) {
                if (row.length != d) {
                    throw new IllegalArgumentException("covariance " + i + " is not " + d + " x " + d);
                }
            }
        }
        if (Math.abs(total - 1) > 1e-9) {
            throw new IllegalArgumentException("weights must sum to 1, got " + total);
        }
        weights = weights.clone();
        means = deepCopy(means);
        double[][][] c = new double[k][][];
        for (int i = 0; i < k; i++) {
            c[i] = deepCopy(covariances[i]);
        }
        covariances = c;
    }

    /** Dimension {@code d}. */
    public int dimension() {
        return means[0].length;
    }

    /** Number of components. */
    public int size() {
        return weights.length;
    }

    /**
     * This mixture as one Gaussian when all its components coincide — means to 1e-9 and
     * covariances to 1e-12 of the largest variance (at least 1) — as those of a forward marginal at
     * {@code m_t = 0} do up to rounding; empty otherwise.
     */
    public java.util.Optional<GaussianComponents> collapsed() {
        if (size() == 1) {
            return java.util.Optional.of(this);
        }
        double scale = 1;
        for (double[] row : covariances[0]) {
            for (double v : row) {
                scale = Math.max(scale, Math.abs(v));
            }
        }
        for (int k = 1; k < size(); k++) {
            for (int i = 0; i < means[k].length; i++) {
                if (Math.abs(means[k][i] - means[0][i]) > 1e-9 * Math.sqrt(scale)) {
                    return java.util.Optional.empty();
                }
                for (int j = 0; j < means[k].length; j++) {
                    if (Math.abs(covariances[k][i][j] - covariances[0][i][j]) > 1e-12 * scale) {
                        return java.util.Optional.empty();
                    }
                }
            }
        }
        return java.util.Optional.of(new GaussianComponents(new double[] {1}, new double[][] {means[0]},
                new double[][][] {covariances[0]}));
    }

    @Override
    public double[] weights() {
        return weights.clone();
    }

    @Override
    public double[][] means() {
        return deepCopy(means);
    }

    @Override
    public double[][][] covariances() {
        double[][][] c = new double[covariances.length][][];
        for (int i = 0; i < c.length; i++) {
            c[i] = deepCopy(covariances[i]);
        }
        return c;
    }

    private static double[][] deepCopy(double[][] a) {
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i].clone();
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GaussianComponents g && Arrays.equals(weights, g.weights)
                && Arrays.deepEquals(means, g.means) && Arrays.deepEquals(covariances, g.covariances);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(weights) + Arrays.deepHashCode(means)) + Arrays.deepHashCode(covariances);
    }

    @Override
    public String toString() {
        return "GaussianComponents[k=" + size() + ", d=" + dimension() + "]";
    }
}
