package org.thermodiff.distribution;

import java.util.Arrays;
import java.util.Optional;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.thermodiff.spi.GaussianComponents;
import org.thermodiff.spi.MultivariateDistribution;

/**
 * The normal distribution {@code N(μ, Σ)} on {@code R^d} with a symmetric positive-definite
 * covariance: the n-D data and prior, and one component of {@link GaussianMixtureNd}.
 *
 * <p>{@code Σ = L Lᵀ} is factored once (Commons Math's Cholesky decomposition); the density uses
 * {@code ln det Σ = 2 Σ_i ln L_ii} and the Mahalanobis distance {@code |L⁻¹(x − μ)|²} by forward
 * substitution, and draws are {@code μ + L z} with {@code z} standard normal.
 *
 * <p>{@link #diagonal} and {@link #isotropic} Gaussians keep only their variances: density,
 * Mahalanobis distance and draws cost {@code O(d)} (the same numbers as the factored dense form,
 * whose Cholesky factor is {@code diag(√v)}), and {@link #covarianceMatrix()} and
 * {@link #choleskyFactor()} build {@code d × d} arrays only when asked.
 *
 * <p>Immutable; accessors copy.
 */
public final class MultivariateGaussian implements MultivariateDistribution {

    /** Entries {@code Σ_ij} and {@code Σ_ji} may differ by this much relative to the larger; then averaged. */
    static final double SYMMETRY_TOLERANCE = 1e-12;
    /**
     * A Cholesky pivot must exceed this times the largest diagonal entry: below it, {@code Σ} is
     * singular to working precision (its condition number would exceed about 1e14) and the
     * density is meaningless.
     */
    static final double RELATIVE_PIVOT_THRESHOLD = 1e-14;

    private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

    private final double[] mean;
    /** {@code Σ}; null for a diagonal Gaussian. */
    private final double[][] covariance;
    /** Lower-triangular {@code L} with {@code Σ = L Lᵀ}; null for a diagonal Gaussian. */
    private final double[][] cholesky;
    /** The variances {@code Σ_ii} of a diagonal Gaussian; null for a dense one. */
    private final double[] variances;
    /** Their square roots {@code √Σ_ii} (the diagonal Cholesky factor); null for a dense one. */
    private final double[] stddevs;
    /** {@code −(d/2) ln 2π − ½ ln det Σ}. */
    private final double logNormaliser;

    private MultivariateGaussian(double[] mean, double[][] covariance, double[][] cholesky, double[] variances) {
        this.mean = mean;
        this.covariance = covariance;
        this.cholesky = cholesky;
        this.variances = variances;
        if (variances != null) {
            stddevs = new double[variances.length];
            for (int i = 0; i < variances.length; i++) {
                stddevs[i] = Math.sqrt(variances[i]);
            }
        } else {
            stddevs = null;
        }
        double logNorm = -mean.length * HALF_LOG_TWO_PI;
        for (int i = 0; i < mean.length; i++) {
            logNorm -= Math.log(stddevs != null ? stddevs[i] : cholesky[i][i]);
        }
        this.logNormaliser = logNorm;
    }

    /**
     * {@code N(mean, covariance)} with a full covariance matrix.
     *
     * @param mean       {@code μ}, finite, length {@code d ≥ 1}
     * @param covariance {@code Σ}, {@code d × d}, finite, symmetric (to {@value #SYMMETRY_TOLERANCE}
     *                   relative; then symmetrised) and positive definite
     * @throws IllegalArgumentException naming the offending entry or Cholesky pivot
     */
    public static MultivariateGaussian of(double[] mean, double[][] covariance) {
        int d = mean.length;
        if (d == 0) {
            throw new IllegalArgumentException("mean must have at least one coordinate");
        }
        for (int i = 0; i < d; i++) {
            if (!Double.isFinite(mean[i])) {
                throw new IllegalArgumentException("mean[" + i + "] must be finite, got " + mean[i]);
            }
        }
        if (covariance.length != d) {
            throw new IllegalArgumentException("covariance must be " + d + " x " + d + " (the mean has " + d
                    + " coordinates), got " + covariance.length + " rows");
        }
        double[][] sigma = new double[d][d];
        double maxDiagonal = 0;
        for (int i = 0; i < d; i++) {
            if (covariance[i].length != d) {
                throw new IllegalArgumentException("covariance row " + i + " must have " + d + " entries, got "
                        + covariance[i].length);
            }
            for (int j = 0; j < d; j++) {
                if (!Double.isFinite(covariance[i][j])) {
                    throw new IllegalArgumentException("covariance[" + i + "][" + j + "] must be finite, got "
                            + covariance[i][j]);
                }
            }
            if (!(covariance[i][i] > 0)) {
                throw new IllegalArgumentException("covariance[" + i + "][" + i + "] (a variance) must be > 0, got "
                        + covariance[i][i]);
            }
            maxDiagonal = Math.max(maxDiagonal, covariance[i][i]);
        }
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < i; j++) {
                double a = covariance[i][j];
                double b = covariance[j][i];
                if (Math.abs(a - b) > SYMMETRY_TOLERANCE * Math.max(Math.abs(a), Math.abs(b))) {
                    throw new IllegalArgumentException("covariance must be symmetric, but covariance[" + i + "][" + j
                            + "] = " + a + " and covariance[" + j + "][" + i + "] = " + b);
                }
                sigma[i][j] = sigma[j][i] = 0.5 * (a + b);
            }
            sigma[i][i] = covariance[i][i];
        }
        double threshold = RELATIVE_PIVOT_THRESHOLD * maxDiagonal;
        CholeskyDecomposition decomposition;
        try {
            // Symmetry was checked (and enforced) above, so Commons Math's own check is moot.
            decomposition = new CholeskyDecomposition(new Array2DRowRealMatrix(sigma, true), 1, threshold);
        } catch (NonPositiveDefiniteMatrixException e) {
            throw new IllegalArgumentException("covariance must be positive definite, but its Cholesky pivot "
                    + e.getRow() + " is " + e.getArgument() + " (<= " + threshold
                    + " = 1e-14 x the largest variance): the matrix is singular or indefinite", e);
        }
        return new MultivariateGaussian(mean.clone(), sigma, decomposition.getL().getData(), null);
    }

    /** {@code N(mean, variance · I)}. */
    public static MultivariateGaussian isotropic(double[] mean, double variance) {
        double[] v = new double[mean.length];
        Arrays.fill(v, variance);
        return diagonal(mean, v);
    }

    /**
     * {@code N(mean, diag(variances))}, held diagonally ({@code O(d)}).
     *
     * @param mean      {@code μ}, finite, length {@code d ≥ 1}
     * @param variances {@code Σ_ii}, finite and {@code > 0}, one per coordinate
     * @throws IllegalArgumentException naming the offending entry
     */
    public static MultivariateGaussian diagonal(double[] mean, double[] variances) {
        int d = mean.length;
        if (d == 0) {
            throw new IllegalArgumentException("mean must have at least one coordinate");
        }
        if (variances.length != d) {
            throw new IllegalArgumentException("variances must have " + d
                    + " entries (one per coordinate of the mean), got " + variances.length);
        }
        for (int i = 0; i < d; i++) {
            if (!Double.isFinite(mean[i])) {
                throw new IllegalArgumentException("mean[" + i + "] must be finite, got " + mean[i]);
            }
            if (!(variances[i] > 0) || !Double.isFinite(variances[i])) {
                throw new IllegalArgumentException("covariance[" + i + "][" + i + "] (a variance) must be finite and > 0, got "
                        + variances[i]);
            }
        }
        return new MultivariateGaussian(mean.clone(), null, null, variances.clone());
    }

    /** Whether this Gaussian is held diagonally ({@link #diagonal}, {@link #isotropic}). */
    public boolean isDiagonal() {
        return variances != null;
    }

    /** The standard normal {@code N(0, I)} on {@code R^d}. */
    public static MultivariateGaussian standard(int dimension) {
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be at least 1, got " + dimension);
        }
        return isotropic(new double[dimension], 1);
    }

    @Override
    public int dimension() {
        return mean.length;
    }

    @Override
    public double logDensity(double[] x) {
        return logNormaliser - 0.5 * mahalanobisSquared(x);
    }

    /** {@code (x − μ)ᵀ Σ⁻¹ (x − μ) = |L⁻¹(x − μ)|²}, by forward substitution. */
    public double mahalanobisSquared(double[] x) {
        int d = mean.length;
        if (x.length != d) {
            throw new IllegalArgumentException("point must have " + d + " coordinates, got " + x.length);
        }
        double sum = 0;
        if (stddevs != null) {
            for (int i = 0; i < d; i++) {
                double z = (x[i] - mean[i]) / stddevs[i];
                sum += z * z;
            }
            return sum;
        }
        double[] z = new double[d];
        for (int i = 0; i < d; i++) {
            double r = x[i] - mean[i];
            double[] row = cholesky[i];
            for (int j = 0; j < i; j++) {
                r -= row[j] * z[j];
            }
            z[i] = r / row[i];
            sum += z[i] * z[i];
        }
        return sum;
    }

    @Override
    public PointSampler pointSampler(UniformRandomProvider rng) {
        ContinuousSampler normal = ZigguratSampler.NormalizedGaussian.of(rng);
        int d = mean.length;
        double[] z = new double[d];
        return (out, offset) -> {
            for (int i = 0; i < d; i++) {
                z[i] = normal.sample();
            }
            if (stddevs != null) {
                for (int i = 0; i < d; i++) {
                    out[offset + i] = mean[i] + stddevs[i] * z[i];
                }
                return;
            }
            for (int i = 0; i < d; i++) {
                double x = mean[i];
                double[] row = cholesky[i];
                for (int j = 0; j <= i; j++) {
                    x += row[j] * z[j];
                }
                out[offset + i] = x;
            }
        };
    }

    @Override
    public double[] meanVector() {
        return mean.clone();
    }

    /** {@code Σ}, a fresh {@code d × d} array (built from the variances of a diagonal Gaussian). */
    @Override
    public double[][] covarianceMatrix() {
        return covariance != null ? copy(covariance) : diagonalMatrix(variances);
    }

    @Override
    public double covarianceTrace() {
        double s = 0;
        for (int i = 0; i < mean.length; i++) {
            s += variances != null ? variances[i] : covariance[i][i];
        }
        return s;
    }

    /** The variances {@code Σ_ii} (a copy). */
    public double[] varianceVector() {
        if (variances != null) {
            return variances.clone();
        }
        double[] v = new double[mean.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = covariance[i][i];
        }
        return v;
    }

    /** The lower-triangular Cholesky factor {@code L}, {@code Σ = L Lᵀ} (a copy; {@code diag(√v)} if diagonal). */
    public double[][] choleskyFactor() {
        return cholesky != null ? copy(cholesky) : diagonalMatrix(stddevs);
    }

    /** One component: diagonal for a diagonal Gaussian, dense otherwise. */
    @Override
    public Optional<GaussianComponents> asGaussianComponents() {
        return Optional.of(variances != null
                ? GaussianComponents.diagonal(new double[] {1}, new double[][] {mean}, new double[][] {variances})
                : new GaussianComponents(new double[] {1}, new double[][] {mean}, new double[][][] {covariance}));
    }

    private static double[][] diagonalMatrix(double[] diagonal) {
        double[][] m = new double[diagonal.length][diagonal.length];
        for (int i = 0; i < diagonal.length; i++) {
            m[i][i] = diagonal[i];
        }
        return m;
    }

    @Override
    public String describe() {
        if (variances != null) {
            return mean.length <= 16 ? "N(" + Arrays.toString(mean) + ", diag" + Arrays.toString(variances) + ")"
                    : "N(μ, diag(v)) in R^" + mean.length;
        }
        return "N(" + Arrays.toString(mean) + ", " + Arrays.deepToString(covariance) + ")";
    }

    static double[][] copy(double[][] a) {
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i].clone();
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof MultivariateGaussian g) || !Arrays.equals(mean, g.mean)) {
            return false;
        }
        if (variances != null && g.variances != null) {
            return Arrays.equals(variances, g.variances);
        }
        return Arrays.deepEquals(covarianceMatrix(), g.covarianceMatrix());
    }

    /** From the mean and the variances only, so that a diagonal Gaussian and its dense form hash alike. */
    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(mean) + Arrays.hashCode(varianceVector());
    }

    @Override
    public String toString() {
        return "MultivariateGaussian[" + describe() + "]";
    }
}
