package org.thermodiff.spi.sampling;

import java.util.Arrays;
import org.thermodiff.math.GaussLegendre;

/**
 * The output times of a run and the quadrature weights with which time integrals such as
 * {@code c1 = ∫ v_loss² dt} and {@code c2 = ∫ v2² dt} (Eq. 82) are taken.
 *
 * <p>Times increase from {@code 0} to {@code τ}; both end points are always present (they carry
 * {@code W1(q, p)} and {@code W1(P†_0, P̃†_0)}), with weight 0 under a Gauss–Legendre rule, which
 * never evaluates the possibly singular ends.
 *
 * @param tau     duration {@code τ}
 * @param times   output times, strictly increasing, first 0 and last {@code τ}
 * @param weights quadrature weights for {@code ∫_0^τ f dt ≈ Σ weights[k] f(times[k])}
 */
public record TimeGrid(double tau, double[] times, double[] weights) {

    public TimeGrid {
        if (!(tau > 0) || !Double.isFinite(tau)) {
            throw new IllegalArgumentException("tau must be finite and > 0, got " + tau);
        }
        if (times.length < 2 || times.length != weights.length) {
            throw new IllegalArgumentException("need >= 2 times and as many weights");
        }
        if (times[0] != 0 || times[times.length - 1] != tau) {
            throw new IllegalArgumentException("times must start at 0 and end at tau");
        }
        for (int k = 1; k < times.length; k++) {
            if (!(times[k] > times[k - 1])) {
                throw new IllegalArgumentException("times must increase strictly");
            }
        }
        times = times.clone();
        weights = weights.clone();
    }

    /**
     * Composite Gauss–Legendre in {@code t}: {@code panels} equal panels of {@code order} nodes,
     * plus the two end points with weight 0.
     */
    public static TimeGrid gaussLegendre(double tau, int panels, int order) {
        double[][] rule = GaussLegendre.composite(0, tau, panels, order);
        int n = rule[0].length;
        double[] t = new double[n + 2];
        double[] w = new double[n + 2];
        System.arraycopy(rule[0], 0, t, 1, n);
        System.arraycopy(rule[1], 0, w, 1, n);
        t[n + 1] = tau;
        return new TimeGrid(tau, t, w);
    }

    /**
     * {@code intervals + 1} equally spaced times with composite Simpson weights (the paper's
     * {@code τ/Δt = 100} grid); {@code intervals} must be even.
     */
    public static TimeGrid uniform(double tau, int intervals) {
        if (intervals < 2 || intervals % 2 != 0) {
            throw new IllegalArgumentException("Simpson's rule needs an even number of intervals >= 2, got " + intervals);
        }
        double h = tau / intervals;
        double[] t = new double[intervals + 1];
        double[] w = new double[intervals + 1];
        for (int k = 0; k <= intervals; k++) {
            t[k] = k == intervals ? tau : k * h;
            w[k] = h / 3 * (k == 0 || k == intervals ? 1 : k % 2 == 1 ? 4 : 2);
        }
        return new TimeGrid(tau, t, w);
    }

    /**
     * This grid plus the times {@code kτ/marks}, {@code 0 < k < marks}, with weight 0 (so the
     * quadrature is unchanged): the snapshots figures show, e.g. {@code τ/3} and {@code 2τ/3}.
     * Times already present (within {@code 1e-12 τ}) are not repeated.
     */
    public TimeGrid withMarks(int marks) {
        if (marks < 1) {
            throw new IllegalArgumentException("marks must be >= 1, got " + marks);
        }
        java.util.TreeMap<Double, Double> merged = new java.util.TreeMap<>();
        for (int k = 0; k < times.length; k++) {
            merged.put(times[k], weights[k]);
        }
        for (int k = 1; k < marks; k++) {
            double t = tau * k / marks;
            Double below = merged.floorKey(t);
            Double above = merged.ceilingKey(t);
            boolean present = below != null && t - below <= 1e-12 * tau || above != null && above - t <= 1e-12 * tau;
            if (!present) {
                merged.put(t, 0.0);
            }
        }
        return new TimeGrid(tau, merged.keySet().stream().mapToDouble(Double::doubleValue).toArray(),
                merged.values().stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** Index of the output time closest to {@code t}. */
    public int nearest(double t) {
        int best = 0;
        for (int k = 1; k < times.length; k++) {
            if (Math.abs(times[k] - t) < Math.abs(times[best] - t)) {
                best = k;
            }
        }
        return best;
    }

    /** Number of output times. */
    public int size() {
        return times.length;
    }

    /** The {@code k}-th time. */
    public double time(int k) {
        return times[k];
    }

    /** The {@code k}-th weight. */
    public double weight(int k) {
        return weights[k];
    }

    /** {@code Σ weights[k] f[k]}. */
    public double integrate(double[] values) {
        if (values.length != times.length) {
            throw new IllegalArgumentException("expected " + times.length + " values, got " + values.length);
        }
        double s = 0;
        for (int k = 0; k < values.length; k++) {
            s += weights[k] * values[k];
        }
        return s;
    }

    /** A copy of the times. */
    @Override
    public double[] times() {
        return times.clone();
    }

    /** A copy of the weights. */
    @Override
    public double[] weights() {
        return weights.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TimeGrid g && tau == g.tau && Arrays.equals(times, g.times) && Arrays.equals(weights, g.weights);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(times) + Arrays.hashCode(weights);
    }

    @Override
    public String toString() {
        return "TimeGrid[tau=" + tau + ", " + times.length + " times]";
    }
}
