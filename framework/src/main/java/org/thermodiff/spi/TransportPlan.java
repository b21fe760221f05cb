package org.thermodiff.spi;

import java.util.Objects;

/**
 * A coupling {@code π} between two weighted clouds, as a sparse list of (source, target, mass)
 * triples: {@code π_{source[k], target[k]} = mass[k]}.
 *
 * <p>The optimal plan carries more than a number: by the envelope theorem the time derivative of
 * an optimal transport cost is {@code Σ π*_ij ∇c(x_i − y_j)·(ν(x_i) − ν(y_j))}, with no finite
 * difference in time (DESIGN.md §2). Arrays are owned by the plan and never written.
 *
 * @param source index into the first cloud
 * @param target index into the second cloud
 * @param mass   mass moved, non-negative, summing to 1
 */
public record TransportPlan(int[] source, int[] target, double[] mass) {

    public TransportPlan {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(mass, "mass");
        if (source.length != target.length || source.length != mass.length) {
            throw new IllegalArgumentException("source, target and mass must have the same length");
        }
    }

    /** Number of (source, target) pairs. */
    public int size() {
        return mass.length;
    }

    /**
     * {@code Σ π_ij |x_i − y_j|^p}.
     *
     * @param x positions of the source cloud
     * @param y positions of the target cloud
     * @param p exponent, 1 or 2
     */
    public double cost(double[] x, double[] y, int p) {
        double s = 0;
        for (int k = 0; k < mass.length; k++) {
            double d = Math.abs(x[source[k]] - y[target[k]]);
            s += mass[k] * (p == 1 ? d : p == 2 ? d * d : Math.pow(d, p));
        }
        return s;
    }
}
