package org.thermodiff.spi.sampling;

import java.util.Objects;

/**
 * A weighted particle cloud in {@code R^d} (DESIGN.md §2): the n-D counterpart of {@link Cloud},
 * and the form in which transport distances and n-D metrics take clouds.
 *
 * <p>Positions and velocities are row-major: particle {@code i} occupies {@code [i·d, (i+1)·d)}.
 * Like {@link Cloud}, a point cloud is a value whose arrays are handed over, not copied, and never
 * written after construction.
 *
 * @param dimension    {@code d ≥ 1}
 * @param positions    {@code x_i}, {@code n·d} values
 * @param weights      {@code w_i ≥ 0} summing to 1, {@code n} values
 * @param velocities   {@code ν̂_t(x_i)}, {@code n·d} values, or empty when not known
 * @param logDensities {@code ln p_t(x_i)}, {@code n} values, or empty when not tracked
 * @param batches      batch label of each particle in {@code [0, batchCount)}, or empty
 * @param batchCount   number of batches (0 when {@code batches} is empty)
 */
public record PointCloud(int dimension, double[] positions, double[] weights, double[] velocities,
                         double[] logDensities, int[] batches, int batchCount) {

    private static final double[] NONE = new double[0];
    private static final int[] NO_BATCHES = new int[0];

    public PointCloud {
        Objects.requireNonNull(positions, "positions");
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(velocities, "velocities");
        Objects.requireNonNull(logDensities, "logDensities");
        Objects.requireNonNull(batches, "batches");
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be at least 1, got " + dimension);
        }
        int n = weights.length;
        if (positions.length != (long) n * dimension) {
            throw new IllegalArgumentException("expected " + n + " x " + dimension + " positions for " + n
                    + " weights, got " + positions.length + " values");
        }
        if (velocities.length != 0 && velocities.length != positions.length) {
            throw new IllegalArgumentException("velocities must be empty or of length " + positions.length);
        }
        if (logDensities.length != 0 && logDensities.length != n) {
            throw new IllegalArgumentException("logDensities must be empty or of length " + n);
        }
        if (batches.length != 0 && batches.length != n) {
            throw new IllegalArgumentException("batches must be empty or of length " + n);
        }
        if ((batches.length == 0) != (batchCount == 0)) {
            throw new IllegalArgumentException("batchCount must be 0 exactly when there are no batch labels");
        }
    }

    /** Positions and weights only. */
    public static PointCloud of(int dimension, double[] positions, double[] weights) {
        return new PointCloud(dimension, positions, weights, NONE, NONE, NO_BATCHES, 0);
    }

    /** {@code n} equally weighted points. */
    public static PointCloud uniform(int dimension, double[] positions) {
        int n = positions.length / dimension;
        double[] w = new double[n];
        java.util.Arrays.fill(w, 1.0 / n);
        return of(dimension, positions, w);
    }

    /** A 1-D {@link Cloud} as a point cloud with {@code d = 1} (shares its arrays). */
    public static PointCloud of(Cloud cloud) {
        return new PointCloud(1, cloud.positions(), cloud.weights(), cloud.velocities(), cloud.logDensities(),
                cloud.batches(), cloud.batchCount());
    }

    /** Number of particles. */
    public int size() {
        return weights.length;
    }

    /** Coordinate {@code k} of particle {@code i}. */
    public double coordinate(int i, int k) {
        return positions[i * dimension + k];
    }

    /** Whether velocities are known. */
    public boolean hasVelocities() {
        return velocities.length != 0;
    }

    /** Whether log-densities are tracked. */
    public boolean hasLogDensities() {
        return logDensities.length != 0;
    }

    /** Whether particles carry batch labels. */
    public boolean hasBatches() {
        return batchCount > 0;
    }

    /** Whether every weight is {@code 1/n} (exactly as stored), which lets exact OT use an assignment. */
    public boolean hasUniformWeights() {
        double w = weights[0];
        for (double x : weights) {
            if (x != w) {
                return false;
            }
        }
        return true;
    }
}
