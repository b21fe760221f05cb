package org.thermodiff.math;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.analysis.solvers.BrentSolver;

/**
 * Quadrature over quantiles in normal-score coordinates:
 * {@code ∫_0^1 g(u) du = E[g(Φ(Z))] ≈ Σ_i w_i g(Φ(z_i))}, {@code Z ~ N(0, 1)}.
 *
 * <p>This is the rule behind thermodiff's quadrature clouds (DESIGN.md §2): a distribution
 * {@code P} is represented by the nodes {@code x_i = Q_P(z_i)} with weights {@code w_i}, and two
 * distributions on the same nodes are already paired by their monotone (1-D optimal) coupling.
 * The rule is composite Gauss–Legendre in {@code z} on {@code [−range, range]} with weights
 * {@code φ(z_i)·ω_i}, renormalised to sum to 1 (the truncated tail mass, {@code 2Φ(−range)}, is
 * {@code 2·10⁻¹⁷} for the default range). Integrands such as {@code |Q_P(z) − Q_R(z)|} have kinks
 * where the quantile functions cross; passing those points as panel breaks keeps every panel smooth,
 * so the rule converges geometrically instead of at the {@code O(h²)} of a kinked integrand.
 */
public final class NormalScoreRule {

    /** Default half-width of the {@code z} interval. */
    public static final double DEFAULT_RANGE = 8.5;

    private final double[] nodes;
    private final double[] weights;

    private NormalScoreRule(double[] nodes, double[] weights) {
        this.nodes = nodes;
        this.weights = weights;
    }

    /**
     * A rule of about {@code nodes} points ({@code order} per panel).
     *
     * @param nodes target number of nodes; rounded up to whole panels (plus one panel per kink)
     * @param order Gauss–Legendre nodes per panel
     * @param range half-width of the {@code z} interval
     * @param kinks {@code z} values where the integrand may have a kink
     */
    public static NormalScoreRule of(int nodes, int order, double range, double... kinks) {
        if (order < 1 || nodes < order) {
            throw new IllegalArgumentException("need order >= 1 and nodes >= order, got nodes=" + nodes + ", order=" + order);
        }
        if (!(range > 0) || !Double.isFinite(range)) {
            throw new IllegalArgumentException("range must be finite and > 0, got " + range);
        }
        int panels = (nodes + order - 1) / order;
        double[] breaks = GaussLegendre.panelBreaks(-range, range, 2 * range / panels, kinks);
        double[][] rule = GaussLegendre.onPanels(breaks, order);
        double[] z = rule[0];
        double[] w = rule[1];
        double sum = 0;
        for (int i = 0; i < z.length; i++) {
            w[i] *= NormalScores.density(z[i]);
            sum += w[i];
        }
        for (int i = 0; i < w.length; i++) {
            w[i] /= sum;
        }
        return new NormalScoreRule(z, w);
    }

    /** Number of nodes. */
    public int size() {
        return nodes.length;
    }

    /** A copy of the nodes {@code z_i}, increasing. */
    public double[] nodes() {
        return nodes.clone();
    }

    /** A copy of the weights {@code w_i}, summing to 1. */
    public double[] weights() {
        return weights.clone();
    }

    /** {@code Σ_i w_i g(z_i) ≈ E[g(Z)]}. */
    public double expectation(DoubleUnaryOperator g) {
        double s = 0;
        for (int i = 0; i < nodes.length; i++) {
            s += weights[i] * g.applyAsDouble(nodes[i]);
        }
        return s;
    }

    /** {@code Q(z_i)} for every node. */
    public double[] map(DoubleUnaryOperator quantileOfScore) {
        double[] x = new double[nodes.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = quantileOfScore.applyAsDouble(nodes[i]);
        }
        return x;
    }

    /**
     * The points in {@code (−range, range)} where {@code a(z) − b(z)} changes sign, found on a scan
     * of {@code scan} intervals and refined with Brent's method to {@code 1e-13}.
     */
    public static double[] crossings(DoubleUnaryOperator a, DoubleUnaryOperator b, double range, int scan) {
        DoubleUnaryOperator d = z -> a.applyAsDouble(z) - b.applyAsDouble(z);
        BrentSolver solver = new BrentSolver(1e-13);
        List<Double> roots = new ArrayList<>();
        double prevZ = Double.NaN;
        double prevD = 0;
        for (int i = 0; i <= scan; i++) {
            double z = -range + 2 * range * i / scan;
            double v = d.applyAsDouble(z);
            if (v == 0) {
                continue;
            }
            if (!Double.isNaN(prevZ) && Math.signum(v) != Math.signum(prevD)) {
                roots.add(solver.solve(1000, d::applyAsDouble, prevZ, z));
            }
            prevZ = z;
            prevD = v;
        }
        return roots.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
