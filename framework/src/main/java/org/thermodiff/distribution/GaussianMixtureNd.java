package org.thermodiff.distribution;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.GuideTableDiscreteSampler;
import org.apache.commons.rng.sampling.distribution.SharedStateDiscreteSampler;
import org.thermodiff.spi.GaussianComponents;
import org.thermodiff.spi.MultivariateDistribution;

/**
 * A finite Gaussian mixture {@code Σ_k w_k N(μ_k, Σ_k)} on {@code R^d}: the n-D counterpart of
 * {@link GaussianMixture} (Eq. 95 in {@code d} dimensions), whose forward marginals under a
 * Gaussian-conditional schedule stay mixtures (Eq. 97). The 2-D generators of {@link Planar} build
 * their smooth densities as such mixtures.
 *
 * <p>Every component covariance must be positive definite (see {@link MultivariateGaussian}).
 * Immutable; accessors copy.
 */
public final class GaussianMixtureNd implements MultivariateDistribution {

    /** Tolerance on {@code |Σ w_k − 1|}, as for the 1-D {@link GaussianMixture}; then renormalised. */
    private static final double WEIGHT_SUM_TOLERANCE = 1e-9;

    private final double[] weights;
    private final double[] logWeights;
    private final MultivariateGaussian[] components;
    private final double[] mean;

    private GaussianMixtureNd(double[] weights, MultivariateGaussian[] components) {
        this.weights = weights;
        this.components = components;
        this.logWeights = new double[weights.length];
        for (int k = 0; k < weights.length; k++) {
            logWeights[k] = Math.log(weights[k]);
        }
        int d = components[0].dimension();
        double[] m = new double[d];
        for (int k = 0; k < weights.length; k++) {
            double[] mk = components[k].meanVector();
            for (int i = 0; i < d; i++) {
                m[i] += weights[k] * mk[i];
            }
        }
        this.mean = m;
    }

    /**
     * A mixture of the given components.
     *
     * @param weights    non-negative, summing to 1 (within 1e-9; then renormalised)
     * @param components Gaussians of one dimension, as many as weights
     * @throws IllegalArgumentException naming the offending weight or component
     */
    public static GaussianMixtureNd of(double[] weights, List<MultivariateGaussian> components) {
        int n = weights.length;
        if (n == 0) {
            throw new IllegalArgumentException("a mixture needs at least one component");
        }
        if (components.size() != n) {
            throw new IllegalArgumentException("weights and components must have the same length, got " + n
                    + " and " + components.size());
        }
        int d = components.get(0).dimension();
        double sum = 0;
        for (int k = 0; k < n; k++) {
            if (!(weights[k] >= 0) || !Double.isFinite(weights[k])) {
                throw new IllegalArgumentException("weights[" + k + "] must be finite and >= 0, got " + weights[k]);
            }
            if (components.get(k).dimension() != d) {
                throw new IllegalArgumentException("component " + k + " has dimension " + components.get(k).dimension()
                        + ", but component 0 has dimension " + d);
            }
            sum += weights[k];
        }
        if (Math.abs(sum - 1) > WEIGHT_SUM_TOLERANCE) {
            throw new IllegalArgumentException("weights must sum to 1, got " + sum);
        }
        double[] w = new double[n];
        for (int k = 0; k < n; k++) {
            w[k] = weights[k] / sum;
        }
        return new GaussianMixtureNd(w, components.toArray(MultivariateGaussian[]::new));
    }

    /** The mixture described by {@code g}; every covariance must be positive definite. */
    public static GaussianMixtureNd of(GaussianComponents g) {
        double[][] means = g.means();
        double[][] variances = g.isDiagonal() ? g.variances() : null;
        MultivariateGaussian[] c = new MultivariateGaussian[g.size()];
        for (int k = 0; k < c.length; k++) {
            try {
                c[k] = g.isDiagonal() ? MultivariateGaussian.diagonal(means[k], variances[k])
                        : MultivariateGaussian.of(means[k], g.covariance(k));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("component " + k + ": " + e.getMessage(), e);
            }
        }
        return of(g.weights(), List.of(c));
    }

    /** Equally weighted isotropic components {@code N(μ_k, s² I)}: the shape of the 2-D generators. */
    public static GaussianMixtureNd isotropic(double[][] means, double stddev) {
        if (!(stddev > 0) || !Double.isFinite(stddev)) {
            throw new IllegalArgumentException("stddev must be finite and > 0, got " + stddev);
        }
        double[] w = new double[means.length];
        Arrays.fill(w, 1.0 / means.length);
        MultivariateGaussian[] c = new MultivariateGaussian[means.length];
        for (int k = 0; k < c.length; k++) {
            c[k] = MultivariateGaussian.isotropic(means[k], stddev * stddev);
        }
        return of(w, List.of(c));
    }

    /** Number of components. */
    public int size() {
        return weights.length;
    }

    /** Weight {@code w_k}. */
    public double weight(int k) {
        return weights[k];
    }

    /** Component {@code k}. */
    public MultivariateGaussian component(int k) {
        return components[k];
    }

    @Override
    public int dimension() {
        return components[0].dimension();
    }

    /**
     * {@code ln Σ_k w_k N(x | μ_k, Σ_k)} by log-sum-exp: the largest term is factored out, so the
     * result stays finite far in the tails where every density underflows.
     */
    @Override
    public double logDensity(double[] x) {
        double[] terms = new double[weights.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < weights.length; k++) {
            terms[k] = weights[k] > 0 ? logWeights[k] + components[k].logDensity(x) : Double.NEGATIVE_INFINITY;
            max = Math.max(max, terms[k]);
        }
        if (max == Double.NEGATIVE_INFINITY) {
            return max;
        }
        double sum = 0;
        for (double t : terms) {
            sum += Math.exp(t - max);
        }
        return max + Math.log(sum);
    }

    /** Picks a component by its weight (Commons RNG guide table), then draws from it. */
    @Override
    public PointSampler pointSampler(UniformRandomProvider rng) {
        SharedStateDiscreteSampler pick = GuideTableDiscreteSampler.of(rng, weights);
        PointSampler[] draw = new PointSampler[components.length];
        for (int k = 0; k < draw.length; k++) {
            draw[k] = components[k].pointSampler(rng);
        }
        return (out, offset) -> draw[pick.sample()].sample(out, offset);
    }

    @Override
    public double[] meanVector() {
        return mean.clone();
    }

    /**
     * Law of total covariance, {@code Cov X = Σ_k w_k Σ_k + Σ_k w_k (μ_k − μ)(μ_k − μ)ᵀ}: a fresh
     * {@code d × d} array, computed on each call ({@code O(k·d²)}).
     */
    @Override
    public double[][] covarianceMatrix() {
        int d = dimension();
        double[][] c = new double[d][d];
        for (int k = 0; k < weights.length; k++) {
            double[] mk = components[k].meanVector();
            double[][] ck = components[k].covarianceMatrix();
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    c[i][j] += weights[k] * (ck[i][j] + (mk[i] - mean[i]) * (mk[j] - mean[j]));
                }
            }
        }
        return c;
    }

    /** {@code tr Cov X = Σ_k w_k (tr Σ_k + |μ_k − μ|²)}, in {@code O(k·d)}. */
    @Override
    public double covarianceTrace() {
        double s = 0;
        for (int k = 0; k < weights.length; k++) {
            double[] mk = components[k].meanVector();
            double spread = 0;
            for (int i = 0; i < mk.length; i++) {
                spread += (mk[i] - mean[i]) * (mk[i] - mean[i]);
            }
            s += weights[k] * (components[k].covarianceTrace() + spread);
        }
        return s;
    }

    /** The components; diagonal when every component is held diagonally. */
    @Override
    public Optional<GaussianComponents> asGaussianComponents() {
        boolean diagonal = Arrays.stream(components).allMatch(MultivariateGaussian::isDiagonal);
        double[][] means = new double[components.length][];
        double[][] variances = new double[components.length][];
        double[][][] covariances = new double[components.length][][];
        for (int k = 0; k < components.length; k++) {
            means[k] = components[k].meanVector();
            if (diagonal) {
                variances[k] = components[k].varianceVector();
            } else {
                covariances[k] = components[k].covarianceMatrix();
            }
        }
        return Optional.of(diagonal ? GaussianComponents.diagonal(weights, means, variances)
                : new GaussianComponents(weights, means, covariances));
    }

    @Override
    public String describe() {
        return "Gaussian mixture of " + weights.length + " components in R^" + dimension();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GaussianMixtureNd m && Arrays.equals(weights, m.weights)
                && Arrays.equals(components, m.components);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(weights) + Arrays.hashCode(components);
    }

    @Override
    public String toString() {
        return "GaussianMixtureNd[" + describe() + "]";
    }
}
