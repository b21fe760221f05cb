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

    /**
     * This cloud as a 1-D {@link Cloud} (shares the arrays).
     *
     * @throws IllegalArgumentException if {@code d > 1}, or the velocities are unknown
     */
    public Cloud toCloud() {
        if (dimension != 1) {
            throw new IllegalArgumentException("a " + dimension + "-dimensional cloud is not a 1-D Cloud");
        }
        if (!hasVelocities()) {
            throw new IllegalArgumentException("a 1-D Cloud needs velocities");
        }
        return new Cloud(positions, weights, velocities, logDensities, batches, batchCount);
    }

    /** The particles of batch {@code b}, in their original order, with weights renormalised to 1. */
    public PointCloud batch(int b) {
        if (b < 0 || b >= batchCount) {
            throw new IndexOutOfBoundsException("batch " + b + " of " + batchCount);
        }
        int count = 0;
        for (int label : batches) {
            if (label == b) {
                count++;
            }
        }
        int d = dimension;
        double[] x = new double[count * d];
        double[] w = new double[count];
        double[] v = hasVelocities() ? new double[count * d] : NONE;
        double[] ld = hasLogDensities() ? new double[count] : NONE;
        double total = 0;
        for (int i = 0, j = 0; i < weights.length; i++) {
            if (batches[i] == b) {
                System.arraycopy(positions, i * d, x, j * d, d);
                if (v.length > 0) {
                    System.arraycopy(velocities, i * d, v, j * d, d);
                }
                if (ld.length > 0) {
                    ld[j] = logDensities[i];
                }
                w[j] = weights[i];
                total += weights[i];
                j++;
            }
        }
        for (int j = 0; j < count; j++) {
            w[j] /= total;
        }
        return new PointCloud(d, x, w, v, ld, NO_BATCHES, 0);
    }
}
