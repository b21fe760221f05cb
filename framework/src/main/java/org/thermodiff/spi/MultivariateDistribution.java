package org.thermodiff.spi;

import java.util.Optional;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * A probability distribution on {@code R^d}: data, prior, perturbed start or forward marginal in
 * any dimension. A 1-D {@link Distribution} is one with {@code d = 1}.
 *
 * <p>Points are {@code double[d]}; many points travel as one row-major array of length
 * {@code n·d} (point {@code i} occupies {@code [i·d, (i+1)·d)}), as in
 * {@link org.thermodiff.spi.sampling.PointCloud}. Implementations are immutable and thread-safe.
 */
public interface MultivariateDistribution {

    /** The dimension {@code d ≥ 1}. */
    int dimension();

    /** {@code ln p(x)} at a point of length {@link #dimension()}; {@code −∞} outside the support. */
    double logDensity(double[] x);

    /**
     * A sampler of independent draws using {@code rng}; not thread-safe (one per stream).
     */
    PointSampler pointSampler(UniformRandomProvider rng);

    /** Mean vector {@code E[X]}, a fresh array of length {@code d}. */
    double[] meanVector();

    /** Covariance matrix {@code E[(X − EX)(X − EX)ᵀ]}, a fresh {@code d × d} array. */
    double[][] covarianceMatrix();

    /**
     * {@code tr Cov X = E|X − EX|²}; by default the trace of {@link #covarianceMatrix()}, which
     * implementations that know it cheaply (diagonal Gaussians and mixtures of them) override so that
     * no {@code d × d} matrix is built.
     */
    default double covarianceTrace() {
        double[][] c = covarianceMatrix();
        double s = 0;
        for (int i = 0; i < c.length; i++) {
            s += c[i][i];
        }
        return s;
    }

    /**
     * This distribution as a Gaussian mixture, when it is one exactly: Gaussian-conditional forward
     * processes then have closed-form marginals and velocities (Eqs. 96–97 in {@code d}
     * dimensions).
     */
    default Optional<GaussianComponents> asGaussianComponents() {
        return Optional.empty();
    }

    /**
     * This distribution as a finite set of weighted atoms (empirical data), when it is one: the
     * forward marginals of Gaussian-conditional schedules are then mixtures of isotropic Gaussians
     * centred on the scaled atoms.
     */
    default Optional<WeightedPoints> asAtoms() {
        return Optional.empty();
    }

    /** A short human-readable description. */
    String describe();

    /**
     * A map {@code T} with {@code T # N(0, I_d) =} this distribution, when one is known in closed
     * form: by default {@code μ + L z} ({@code Σ = L Lᵀ}) for a Gaussian (a mixture whose components
     * coincide included). Samplers that draw two clouds from the same {@code z} start them paired by
     * a coupling — the optimal one between Gaussians with commuting covariances, and between any two
     * laws in 1-D, where {@link Distribution} maps by quantiles.
     */
    default Optional<NormalScoreMap> normalScoreMap() {
        return asGaussianComponents().flatMap(GaussianComponents::collapsed).map(g -> {
            double[] mean = g.means()[0];
            int d = mean.length;
            if (g.isDiagonal()) {
                // L = diag(√v): the same numbers as the Cholesky factor of diag(v), in O(d).
                double[] sd = g.variances()[0];
                for (int i = 0; i < d; i++) {
                    sd[i] = Math.sqrt(sd[i]);
                }
                return (z, zo, out, oo) -> {
                    for (int i = 0; i < d; i++) {
                        out[oo + i] = mean[i] + sd[i] * z[zo + i];
                    }
                };
            }
            double[][] l = new org.apache.commons.math3.linear.CholeskyDecomposition(
                    new org.apache.commons.math3.linear.Array2DRowRealMatrix(g.covariances()[0], false), 1e-12, 1e-14)
                    .getL().getData();
            return (z, zo, out, oo) -> {
                for (int i = 0; i < d; i++) {
                    double s = mean[i];
                    for (int j = 0; j <= i; j++) {
                        s += l[i][j] * z[zo + j];
                    }
                    out[oo + i] = s;
                }
            };
        });
    }

    /** A map from standard-normal scores to points of a distribution; see {@link #normalScoreMap()}. */
    @FunctionalInterface
    interface NormalScoreMap {

        /** Writes {@code T(z[zo, zo + d))} to {@code out[oo, oo + d)}. */
        void apply(double[] z, int zo, double[] out, int oo);
    }

    /** Draws points of a {@link MultivariateDistribution}. */
    @FunctionalInterface
    interface PointSampler {

        /** Writes one draw to {@code out[offset, offset + d)}. */
        void sample(double[] out, int offset);

        /** {@code n} draws, row-major ({@code n·d} values). */
        default double[] sample(int n, int d) {
            double[] out = new double[Math.multiplyExact(n, d)];
            for (int i = 0; i < n; i++) {
                sample(out, i * d);
            }
            return out;
        }
    }
}
