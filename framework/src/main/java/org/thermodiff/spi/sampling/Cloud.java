package org.thermodiff.spi.sampling;

import java.util.Objects;

/**
 * A weighted particle cloud on the real line, the one representation of a distribution that flows
 * through the pipeline (DESIGN.md §2): Monte-Carlo samples with weights {@code 1/n}, or the nodes
 * of a quadrature rule with its weights.
 *
 * <p>A cloud is a value: the arrays belong to it and are never written after construction (the
 * record does not copy them, to keep million-particle snapshots cheap; whoever builds a cloud
 * hands over arrays it will not touch again).
 *
 * @param positions    particle positions {@code x_i}
 * @param weights      non-negative weights {@code w_i} summing to 1
 * @param velocities   {@code ν̂_t(x_i)} at the time of the snapshot
 * @param logDensities {@code ln p_t(x_i)} carried along the flow, or empty when not tracked
 * @param batches      batch label of each particle in {@code [0, batchCount)}, or empty; independent
 *                     batches give Monte-Carlo error bars
 * @param batchCount   number of batches (0 when {@code batches} is empty)
 */
public record Cloud(double[] positions, double[] weights, double[] velocities, double[] logDensities,
                    int[] batches, int batchCount) {

    private static final double[] NONE = new double[0];
    private static final int[] NO_BATCHES = new int[0];

    public Cloud {
        Objects.requireNonNull(positions, "positions");
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(velocities, "velocities");
        Objects.requireNonNull(logDensities, "logDensities");
        Objects.requireNonNull(batches, "batches");
        int n = positions.length;
        if (weights.length != n || velocities.length != n) {
            throw new IllegalArgumentException("positions, weights and velocities must have the same length, got "
                    + n + ", " + weights.length + ", " + velocities.length);
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

    /** A cloud without tracked densities or batches. */
    public static Cloud of(double[] positions, double[] weights, double[] velocities) {
        return new Cloud(positions, weights, velocities, NONE, NO_BATCHES, 0);
    }

    /** Number of particles. */
    public int size() {
        return positions.length;
    }

    /** Whether log-densities are tracked. */
    public boolean hasLogDensities() {
        return logDensities.length != 0;
    }

    /** Whether particles carry batch labels. */
    public boolean hasBatches() {
        return batchCount > 0;
    }

    /**
     * The particles of batch {@code b}, in their original order, with weights renormalised to 1.
     */
    public Cloud batch(int b) {
        if (b < 0 || b >= batchCount) {
            throw new IndexOutOfBoundsException("batch " + b + " of " + batchCount);
        }
        int count = 0;
        for (int label : batches) {
            if (label == b) {
                count++;
            }
        }
        double[] x = new double[count];
        double[] w = new double[count];
        double[] v = new double[count];
        double[] ld = hasLogDensities() ? new double[count] : NONE;
        double total = 0;
        for (int i = 0, j = 0; i < positions.length; i++) {
            if (batches[i] == b) {
                x[j] = positions[i];
                w[j] = weights[i];
                v[j] = velocities[i];
                if (ld.length > 0) {
                    ld[j] = logDensities[i];
                }
                total += weights[i];
                j++;
            }
        }
        for (int j = 0; j < count; j++) {
            w[j] /= total;
        }
        return new Cloud(x, w, v, ld, NO_BATCHES, 0);
    }
}
