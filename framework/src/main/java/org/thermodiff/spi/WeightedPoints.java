package org.thermodiff.spi;

import java.util.Arrays;

/**
 * Weighted atoms {@code Σ_i w_i δ(x − y_i)} in {@code R^d}: empirical data read from a file.
 * Positions are row-major ({@code n·d} values). Arrays are copied in and out.
 *
 * @param dimension {@code d ≥ 1}
 * @param positions {@code y_i}, point {@code i} at {@code [i·d, (i+1)·d)}
 * @param weights   {@code w_i ≥ 0}, summing to 1
 */
public record WeightedPoints(int dimension, double[] positions, double[] weights) {

    public WeightedPoints {
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be at least 1, got " + dimension);
        }
        if (weights.length == 0 || positions.length != (long) weights.length * dimension) {
            throw new IllegalArgumentException("expected " + weights.length + " x " + dimension + " positions, got "
                    + positions.length + " values");
        }
        double total = 0;
        for (int i = 0; i < weights.length; i++) {
            if (!(weights[i] >= 0) || !Double.isFinite(weights[i])) {
                throw new IllegalArgumentException("weight " + i + " must be finite and >= 0, got " + weights[i]);
            }
            total += weights[i];
        }
        if (Math.abs(total - 1) > 1e-9) {
            throw new IllegalArgumentException("weights must sum to 1, got " + total);
        }
        positions = positions.clone();
        weights = weights.clone();
    }

    /** Number of atoms. */
    public int size() {
        return weights.length;
    }

    @Override
    public double[] positions() {
        return positions.clone();
    }

    @Override
    public double[] weights() {
        return weights.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WeightedPoints p && dimension == p.dimension && Arrays.equals(positions, p.positions)
                && Arrays.equals(weights, p.weights);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * dimension + Arrays.hashCode(positions)) + Arrays.hashCode(weights);
    }

    @Override
    public String toString() {
        return "WeightedPoints[n=" + size() + ", d=" + dimension + "]";
    }
}
