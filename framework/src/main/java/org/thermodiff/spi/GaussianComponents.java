package org.thermodiff.spi;

import java.util.Arrays;
import java.util.Optional;

/**
 * A Gaussian mixture {@code Σ_k w_k N(μ_k, Σ_k)} on {@code R^d}, as plain numbers: what a
 * Gaussian-conditional schedule needs to write its forward marginals in closed form,
 * {@code P_t = Σ_k w_k N(m_t μ_k, m_t² Σ_k + σ_t² I)}.
 *
 * <p>Two representations: dense ({@code covariances} given, {@code variances} null: every
 * {@code Σ_k} a {@code d × d} array) and diagonal ({@code variances} given, {@code covariances}
 * null: {@code Σ_k = diag(v_k)}, {@code O(k·d)} numbers, see {@link #diagonal}). Exactly one of the
 * two is given. Whatever the representation, {@link #covariances()} returns dense matrices
 * (materialised on demand: {@code O(k·d²)}, avoid it where {@link #isDiagonal()}) and
 * {@link #variances()} the diagonals {@code (Σ_k)_ii}. Two values are equal when they describe the
 * same numbers, in either representation.
 *
 * <p>Arrays are copied in and out; the value is immutable.
 *
 * @param weights     {@code w_k ≥ 0}, summing to 1
 * @param means       {@code μ_k}, each of length {@code d}
 * @param covariances {@code Σ_k}, each symmetric positive semi-definite {@code d × d}; null in the
 *                    diagonal representation
 * @param variances   the diagonals {@code v_k ≥ 0} of diagonal {@code Σ_k}, each of length
 *                    {@code d}; null in the dense representation
 */
public record GaussianComponents(double[] weights, double[][] means, double[][][] covariances, double[][] variances) {

    public GaussianComponents {
        int k = weights.length;
        if (k == 0) {
            throw new IllegalArgumentException("a mixture needs at least one component");
        }
        if ((covariances == null) == (variances == null)) {
            throw new IllegalArgumentException("give exactly one of covariances (dense) and variances (diagonal), got "
                    + (covariances == null ? "neither" : "both"));
        }
        int given = covariances != null ? covariances.length : variances.length;
        if (means.length != k || given != k) {
            throw new IllegalArgumentException("weights, means and " + (covariances != null ? "covariances" : "variances")
                    + " must have the same length, got " + k + ", " + means.length + ", " + given);
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
            if (means[i].length != d) {
                throw new IllegalArgumentException("component " + i + " is not of dimension " + d);
            }
            if (covariances != null) {
                if (covariances[i].length != d) {
                    throw new IllegalArgumentException("component " + i + " is not of dimension " + d);
                }
                for (double[] row : covariances[i]) {
                    if (row.length != d) {
                        throw new IllegalArgumentException("covariance " + i + " is not " + d + " x " + d);
                    }
                }
            } else {
                if (variances[i].length != d) {
                    throw new IllegalArgumentException("variances " + i + " must have " + d + " entries, got "
                            + variances[i].length);
                }
                for (int j = 0; j < d; j++) {
                    if (!(variances[i][j] >= 0) || !Double.isFinite(variances[i][j])) {
                        throw new IllegalArgumentException("variance " + j + " of component " + i
                                + " must be finite and >= 0, got " + variances[i][j]);
                    }
                }
            }
        }
        if (Math.abs(total - 1) > 1e-9) {
            throw new IllegalArgumentException("weights must sum to 1, got " + total);
        }
        weights = weights.clone();
        means = deepCopy(means);
        if (covariances != null) {
            double[][][] c = new double[k][][];
            for (int i = 0; i < k; i++) {
                c[i] = deepCopy(covariances[i]);
            }
            covariances = c;
        } else {
            variances = deepCopy(variances);
        }
    }

    /** Dense components {@code N(μ_k, Σ_k)}. */
    public GaussianComponents(double[] weights, double[][] means, double[][][] covariances) {
        this(weights, means, covariances, null);
    }

    /** Diagonal components {@code N(μ_k, diag(v_k))}: {@code O(k·d)} numbers. */
    public static GaussianComponents diagonal(double[] weights, double[][] means, double[][] variances) {
        return new GaussianComponents(weights, means, null, variances);
    }

    /** Dimension {@code d}. */
    public int dimension() {
        return means[0].length;
    }

    /** Number of components. */
    public int size() {
        return weights.length;
    }

    /** Whether the components are held diagonally ({@link #diagonal}); dense ones are not, whatever their entries. */
    public boolean isDiagonal() {
        return variances != null;
    }

    /**
     * This mixture as one Gaussian when all its components coincide — means to 1e-9 and
     * covariances to 1e-12 of the largest variance (at least 1) — as those of a forward marginal at
     * {@code m_t = 0} do up to rounding; empty otherwise. Keeps the representation.
     */
    public Optional<GaussianComponents> collapsed() {
        if (size() == 1) {
            return Optional.of(this);
        }
        double scale = 1;
        if (isDiagonal()) {
            for (double v : variances[0]) {
                scale = Math.max(scale, Math.abs(v));
            }
        } else {
            for (double[] row : covariances[0]) {
                for (double v : row) {
                    scale = Math.max(scale, Math.abs(v));
                }
            }
        }
        for (int k = 1; k < size(); k++) {
            for (int i = 0; i < means[k].length; i++) {
                if (Math.abs(means[k][i] - means[0][i]) > 1e-9 * Math.sqrt(scale)) {
                    return Optional.empty();
                }
                if (isDiagonal()) {
                    if (Math.abs(variances[k][i] - variances[0][i]) > 1e-12 * scale) {
                        return Optional.empty();
                    }
                    continue;
                }
                for (int j = 0; j < means[k].length; j++) {
                    if (Math.abs(covariances[k][i][j] - covariances[0][i][j]) > 1e-12 * scale) {
                        return Optional.empty();
                    }
                }
            }
        }
        return Optional.of(isDiagonal()
                ? diagonal(new double[] {1}, new double[][] {means[0]}, new double[][] {variances[0]})
                : new GaussianComponents(new double[] {1}, new double[][] {means[0]}, new double[][][] {covariances[0]}));
    }

    @Override
    public double[] weights() {
        return weights.clone();
    }

    @Override
    public double[][] means() {
        return deepCopy(means);
    }

    /** The dense {@code Σ_k} (fresh arrays; built from the variances in the diagonal representation). */
    @Override
    public double[][][] covariances() {
        double[][][] c = new double[size()][][];
        for (int i = 0; i < c.length; i++) {
            c[i] = covariance(i);
        }
        return c;
    }

    /** {@code Σ_k} as a fresh dense {@code d × d} array. */
    public double[][] covariance(int k) {
        if (!isDiagonal()) {
            return deepCopy(covariances[k]);
        }
        int d = dimension();
        double[][] c = new double[d][d];
        for (int i = 0; i < d; i++) {
            c[i][i] = variances[k][i];
        }
        return c;
    }

    /** The diagonals {@code (Σ_k)_ii} (fresh arrays), in either representation. */
    @Override
    public double[][] variances() {
        if (isDiagonal()) {
            return deepCopy(variances);
        }
        int d = dimension();
        double[][] v = new double[size()][d];
        for (int k = 0; k < v.length; k++) {
            for (int i = 0; i < d; i++) {
                v[k][i] = covariances[k][i][i];
            }
        }
        return v;
    }

    private static double[][] deepCopy(double[][] a) {
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i].clone();
        }
        return out;
    }

    /** Equal numbers: weights, means and covariances (a diagonal one equals its dense form). */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof GaussianComponents g) || !Arrays.equals(weights, g.weights)
                || !Arrays.deepEquals(means, g.means)) {
            return false;
        }
        if (isDiagonal() && g.isDiagonal()) {
            return Arrays.deepEquals(variances, g.variances);
        }
        if (!isDiagonal() && !g.isDiagonal()) {
            return Arrays.deepEquals(covariances, g.covariances);
        }
        return Arrays.deepEquals(covariances(), g.covariances());
    }

    /** From the weights, means and variances only, so that the two representations hash alike. */
    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(weights) + Arrays.deepHashCode(means)) + Arrays.deepHashCode(variances());
    }

    @Override
    public String toString() {
        return "GaussianComponents[k=" + size() + ", d=" + dimension() + (isDiagonal() ? ", diagonal" : "") + "]";
    }
}
