package org.thermodiff.distribution;

import java.util.Arrays;
import java.util.Optional;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.DiscreteUniformSampler;
import org.apache.commons.rng.sampling.distribution.GuideTableDiscreteSampler;
import org.apache.commons.rng.sampling.distribution.SharedStateDiscreteSampler;
import org.thermodiff.spi.MultivariateDistribution;
import org.thermodiff.spi.WeightedPoints;

/**
 * The empirical law {@code Σ_i w_i δ(x − y_i)} of a finite set of points in {@code R^d} (data
 * read from a file, see {@link org.thermodiff.distribution.file.PointFiles}).
 *
 * <p>It has no density with respect to Lebesgue measure, so {@link #logDensity(double[])} throws
 * rather than return a value (−∞ almost everywhere, +∞ on the atoms) that would silently turn a
 * divergence or a likelihood into nonsense. Forward processes use {@link #asAtoms()}: under a
 * Gaussian-conditional schedule {@code P_t} is the mixture of {@code N(m_t y_i, σ_t² I)}.
 * Draws resample the atoms (the bootstrap). Mean and covariance are those of the atoms themselves
 * (weights {@code w_i}, no {@code n/(n−1)} correction: this is the law, not an estimate).
 */
public final class EmpiricalDistribution implements MultivariateDistribution {

    private final WeightedPoints atoms;
    private final int dimension;
    private final double[] positions;
    private final double[] weights;
    private final boolean uniform;

    private EmpiricalDistribution(WeightedPoints atoms) {
        this.atoms = atoms;
        this.dimension = atoms.dimension();
        this.positions = atoms.positions();
        this.weights = atoms.weights();
        for (int k = 0; k < positions.length; k++) {
            if (!Double.isFinite(positions[k])) {
                throw new IllegalArgumentException("coordinate " + (k % dimension) + " of point " + (k / dimension)
                        + " must be finite, got " + positions[k]);
            }
        }
        boolean equal = true;
        for (double w : weights) {
            equal &= w == weights[0];
        }
        this.uniform = equal;
    }

    /** The atoms {@code y_i} with weights {@code w_i}; every coordinate must be finite. */
    public static EmpiricalDistribution of(WeightedPoints atoms) {
        return new EmpiricalDistribution(atoms);
    }

    /** Equally weighted points, row-major ({@code n·d} values, {@code n ≥ 1}). */
    public static EmpiricalDistribution uniform(int dimension, double[] positions) {
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be at least 1, got " + dimension);
        }
        if (positions.length == 0 || positions.length % dimension != 0) {
            throw new IllegalArgumentException("expected a positive multiple of " + dimension
                    + " coordinates (n points of dimension " + dimension + "), got " + positions.length);
        }
        int n = positions.length / dimension;
        double[] w = new double[n];
        Arrays.fill(w, 1.0 / n);
        return new EmpiricalDistribution(new WeightedPoints(dimension, positions, w));
    }

    /** Number of atoms. */
    public int size() {
        return weights.length;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    /** @throws UnsupportedOperationException always: an empirical law has no density */
    @Override
    public double logDensity(double[] x) {
        throw new UnsupportedOperationException("an empirical distribution (" + size()
                + " atoms) has no density; use its atoms (asAtoms()) or smooth it first");
    }

    /** Resamples the atoms with replacement, by weight. */
    @Override
    public PointSampler pointSampler(UniformRandomProvider rng) {
        SharedStateDiscreteSampler pick = uniform
                ? DiscreteUniformSampler.of(rng, 0, weights.length - 1)
                : GuideTableDiscreteSampler.of(rng, weights);
        return (out, offset) -> System.arraycopy(positions, pick.sample() * dimension, out, offset, dimension);
    }

    @Override
    public double[] meanVector() {
        double[] m = new double[dimension];
        for (int i = 0; i < weights.length; i++) {
            for (int p = 0; p < dimension; p++) {
                m[p] += weights[i] * positions[i * dimension + p];
            }
        }
        return m;
    }

    /** {@code Σ_i w_i |y_i − ȳ|²} in {@code O(N d)}, without the {@code d × d} matrix. */
    @Override
    public double covarianceTrace() {
        double[] m = meanVector();
        double s = 0;
        for (int i = 0; i < weights.length; i++) {
            for (int p = 0; p < dimension; p++) {
                double r = positions[i * dimension + p] - m[p];
                s += weights[i] * r * r;
            }
        }
        return s;
    }

    /** {@code Σ_i w_i (y_i − ȳ)(y_i − ȳ)ᵀ}, centred first (two passes) for accuracy. */
    @Override
    public double[][] covarianceMatrix() {
        double[] m = meanVector();
        double[][] c = new double[dimension][dimension];
        double[] r = new double[dimension];
        for (int i = 0; i < weights.length; i++) {
            for (int p = 0; p < dimension; p++) {
                r[p] = positions[i * dimension + p] - m[p];
            }
            for (int p = 0; p < dimension; p++) {
                for (int q = 0; q <= p; q++) {
                    c[p][q] += weights[i] * r[p] * r[q];
                }
            }
        }
        for (int p = 0; p < dimension; p++) {
            for (int q = 0; q < p; q++) {
                c[q][p] = c[p][q];
            }
        }
        return c;
    }

    @Override
    public Optional<WeightedPoints> asAtoms() {
        return Optional.of(atoms);
    }

    @Override
    public String describe() {
        return "empirical distribution of " + size() + " points in R^" + dimension;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EmpiricalDistribution e && atoms.equals(e.atoms);
    }

    @Override
    public int hashCode() {
        return atoms.hashCode();
    }

    @Override
    public String toString() {
        return "EmpiricalDistribution[n=" + size() + ", d=" + dimension + "]";
    }
}
