package org.thermodiff.process;

import java.util.Optional;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.thermodiff.spi.GaussianComponents;
import org.thermodiff.spi.MultivariateDistribution;
import org.thermodiff.spi.WeightedPoints;

/**
 * A forward marginal {@code P_t = Σ_k w_k N(c_k, C_k)} on {@code R^d} (Eq. 97 in {@code d}
 * dimensions), as a {@link MultivariateDistribution}. Components with a singular {@code C_k} occur
 * only at {@code σ_t = 0}; an atom ({@code C_k = 0}) then has infinite density at its point and
 * none elsewhere, and other singular components contribute no density (their support is a null
 * set). Diagonal {@code C_k} ({@link #diagonal}) are held as variances: {@code O(k·d)} memory and
 * time per density or draw, the same numbers as the Cholesky path gives for a diagonal matrix.
 * Immutable.
 */
final class MixtureMarginal implements MultivariateDistribution {

    private static final double LOG_TWO_PI = Math.log(2 * Math.PI);

    private final int d;
    private final int size;
    private final double[] weights;
    private final double[] centers;
    /** Row-major {@code C_k}; null when diagonal. */
    private final double[] covariances;
    /** Cholesky factor of each regular {@code C_k}; the semi-definite factor of a singular one; null when diagonal. */
    private final double[] factors;
    /** The diagonals of diagonal {@code C_k} at {@code [k·d, (k+1)·d)}; null when dense. */
    private final double[] variances;
    /** {@code √C_k,ii} where positive, else 0 (the diagonal Cholesky factor); null when dense. */
    private final double[] stddevs;
    private final boolean[] regular;
    private final boolean[] atom;
    private final String description;

    MixtureMarginal(int d, double[] weights, double[] centers, double[] covariances, String description) {
        this.d = d;
        this.size = weights.length;
        this.weights = weights;
        this.centers = centers;
        this.covariances = covariances;
        this.factors = new double[size * d * d];
        this.variances = null;
        this.stddevs = null;
        this.regular = new boolean[size];
        this.atom = new boolean[size];
        this.description = description;
        for (int k = 0; k < size; k++) {
            regular[k] = Cholesky.factor(covariances, k * d * d, d, factors, k * d * d);
            if (!regular[k]) {
                Cholesky.factorSemiDefinite(covariances, k * d * d, d, factors, k * d * d);
                boolean zero = true;
                for (int i = k * d * d; i < (k + 1) * d * d; i++) {
                    zero &= covariances[i] == 0;
                }
                atom[k] = zero;
            }
        }
    }

    private MixtureMarginal(int d, double[] weights, double[] centers, double[] variances, boolean diagonal,
            String description) {
        this.d = d;
        this.size = weights.length;
        this.weights = weights;
        this.centers = centers;
        this.covariances = null;
        this.factors = null;
        this.variances = variances;
        this.stddevs = new double[size * d];
        this.regular = new boolean[size];
        this.atom = new boolean[size];
        this.description = description;
        for (int k = 0; k < size; k++) {
            boolean positive = true;
            boolean zero = true;
            for (int i = k * d; i < (k + 1) * d; i++) {
                // As Cholesky.factor/factorSemiDefinite on diag(v): pivots √v where v > 0, else a zero column.
                stddevs[i] = variances[i] > 0 ? Math.sqrt(variances[i]) : 0;
                positive &= variances[i] > 0;
                zero &= variances[i] == 0;
            }
            regular[k] = positive;
            atom[k] = !positive && zero;
        }
    }

    /**
     * {@code Σ_k w_k N(c_k, diag(v_k))}.
     *
     * @param variances the diagonals {@code v_k ≥ 0} at {@code [k·d, (k+1)·d)}
     */
    static MixtureMarginal diagonal(int d, double[] weights, double[] centers, double[] variances, String description) {
        return new MixtureMarginal(d, weights, centers, variances, true, description);
    }

    @Override
    public int dimension() {
        return d;
    }

    @Override
    public double logDensity(double[] x) {
        if (x.length != d) {
            throw new IllegalArgumentException("expected a point of dimension " + d + ", got " + x.length);
        }
        double[] log = new double[size];
        double[] z = new double[d];
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < size; k++) {
            if (!regular[k]) {
                boolean at = atom[k];
                for (int j = 0; j < d && at; j++) {
                    at = x[j] == centers[k * d + j];
                }
                log[k] = at ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
            } else if (stddevs != null) {
                // forwardSolveDifference and halfLogDeterminant for L = diag(√v), in the same order.
                double q = 0;
                double halfLogDet = 0;
                for (int i = 0; i < d; i++) {
                    double r = (x[i] - centers[k * d + i]) / stddevs[k * d + i];
                    q += r * r;
                }
                for (int i = 0; i < d; i++) {
                    halfLogDet += Math.log(stddevs[k * d + i]);
                }
                log[k] = Math.log(weights[k]) - halfLogDet - 0.5 * q;
            } else {
                double q = Cholesky.forwardSolveDifference(factors, k * d * d, d, x, 0, centers, k * d, z);
                log[k] = Math.log(weights[k]) - Cholesky.halfLogDeterminant(factors, k * d * d, d) - 0.5 * q;
            }
            max = Math.max(max, log[k]);
        }
        if (Double.isInfinite(max)) {
            return max;
        }
        double sum = 0;
        for (int k = 0; k < size; k++) {
            sum += Math.exp(log[k] - max);
        }
        return max + Math.log(sum) - 0.5 * d * LOG_TWO_PI;
    }

    @Override
    public PointSampler pointSampler(UniformRandomProvider rng) {
        ContinuousSampler normal = ZigguratSampler.NormalizedGaussian.of(rng);
        double[] cumulative = new double[size];
        double total = 0;
        for (int k = 0; k < size; k++) {
            total += weights[k];
            cumulative[k] = total;
        }
        double[] z = new double[d];
        return (out, offset) -> {
            double u = rng.nextDouble() * cumulative[size - 1];
            int k = 0;
            while (k < size - 1 && cumulative[k] <= u) {
                k++;
            }
            for (int j = 0; j < d; j++) {
                z[j] = normal.sample();
            }
            if (stddevs != null) {
                for (int i = 0; i < d; i++) {
                    out[offset + i] = centers[k * d + i] + stddevs[k * d + i] * z[i];
                }
                return;
            }
            for (int i = 0; i < d; i++) {
                double s = centers[k * d + i];
                for (int j = 0; j <= i; j++) {
                    s += factors[k * d * d + i * d + j] * z[j];
                }
                out[offset + i] = s;
            }
        };
    }

    @Override
    public double[] meanVector() {
        double[] mean = new double[d];
        for (int k = 0; k < size; k++) {
            for (int j = 0; j < d; j++) {
                mean[j] += weights[k] * centers[k * d + j];
            }
        }
        return mean;
    }

    /** Law of total covariance: {@code Σ_k w_k (C_k + (c_k − c̄)(c_k − c̄)ᵀ)}. */
    @Override
    public double[][] covarianceMatrix() {
        double[] mean = meanVector();
        double[][] cov = new double[d][d];
        for (int k = 0; k < size; k++) {
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    double c = covariances != null ? covariances[k * d * d + i * d + j]
                            : i == j ? variances[k * d + i] : 0;
                    cov[i][j] += weights[k] * (c + (centers[k * d + i] - mean[i]) * (centers[k * d + j] - mean[j]));
                }
            }
        }
        return cov;
    }

    /** {@code Σ_k w_k (tr C_k + |c_k − c̄|²)}, without the matrices. */
    @Override
    public double covarianceTrace() {
        double[] mean = meanVector();
        double s = 0;
        for (int k = 0; k < size; k++) {
            double t = 0;
            for (int i = 0; i < d; i++) {
                double c = centers[k * d + i] - mean[i];
                t += (covariances != null ? covariances[k * d * d + i * d + i] : variances[k * d + i]) + c * c;
            }
            s += weights[k] * t;
        }
        return s;
    }

    @Override
    public Optional<GaussianComponents> asGaussianComponents() {
        if (variances != null) {
            double[][] mu = new double[size][d];
            double[][] v = new double[size][d];
            for (int k = 0; k < size; k++) {
                System.arraycopy(centers, k * d, mu[k], 0, d);
                System.arraycopy(variances, k * d, v[k], 0, d);
            }
            return Optional.of(GaussianComponents.diagonal(weights.clone(), mu, v));
        }
        double[][] mu = new double[size][d];
        double[][][] cov = new double[size][d][d];
        for (int k = 0; k < size; k++) {
            System.arraycopy(centers, k * d, mu[k], 0, d);
            for (int i = 0; i < d; i++) {
                System.arraycopy(covariances, (k * d + i) * d, cov[k][i], 0, d);
            }
        }
        return Optional.of(new GaussianComponents(weights.clone(), mu, cov));
    }

    @Override
    public Optional<WeightedPoints> asAtoms() {
        for (boolean a : atom) {
            if (!a) {
                return Optional.empty();
            }
        }
        return Optional.of(new WeightedPoints(d, centers.clone(), weights.clone()));
    }

    @Override
    public String describe() {
        return description;
    }
}
