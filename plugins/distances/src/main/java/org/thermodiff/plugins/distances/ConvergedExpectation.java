package org.thermodiff.plugins.distances;

import java.util.function.DoubleUnaryOperator;
import org.thermodiff.math.NormalScoreRule;
import org.thermodiff.spi.Distribution;

/**
 * {@code E[g(Z)]}, {@code Z ~ N(0, 1)}, by normal-score quadrature over a widening range until two
 * successive ranges agree: the expectations of the 1-D divergences, whose integrands' tails decay
 * slowly when one distribution is much wider than the other.
 */
final class ConvergedExpectation {

    private static final int ORDER = 8;
    private static final double[] RANGES = {8.5, 12, 17, 24, 37};
    /** Agreement between two successive ranges that counts as converged. */
    private static final double CONVERGED = 1e-13;

    private ConvergedExpectation() {
    }

    /**
     * The converged expectation with at least {@code nodes} nodes (more for wider ranges).
     *
     * @throws IllegalArgumentException with {@code what} in the message, if it does not converge
     */
    static double of(int nodes, DoubleUnaryOperator g, String what) {
        double previous = Double.NaN;
        for (double range : RANGES) {
            NormalScoreRule rule = NormalScoreRule.of(Math.max(nodes, (int) (nodes * range / RANGES[0])), ORDER, range);
            double value = rule.expectation(g);
            if (Double.isFinite(value) && Math.abs(value - previous) <= CONVERGED * Math.max(1, Math.abs(value))) {
                return value;
            }
            previous = value;
        }
        throw new IllegalArgumentException(what + " does not converge: the first distribution's tails are too heavy "
                + "relative to the second's");
    }

    /**
     * {@code E_p[g(p/q)]} in {@code p}'s normal scores, converged: the 1-D divergences
     * ({@code g = id} gives {@code 1 + χ²}, {@code g = ln} gives KL). A node where {@code p}'s own
     * density underflows carries no mass and contributes 0; one where {@code q} underflows inside its
     * support makes the integrand unbounded, which the range loop reports as non-convergence.
     *
     * @throws IllegalArgumentException naming {@code symbol} if {@code p} has mass outside {@code q}'s
     *                                  support, or if the expectation does not converge
     */
    static double ofRatio(Distribution p, Distribution q, int nodes, DoubleUnaryOperator g, String symbol) {
        return of(nodes, z -> {
            double x = p.fromNormalScore(z);
            double px = p.density(x);
            if (!(px > 0)) {
                return 0;
            }
            double qx = q.density(x);
            if (!(qx > 0)) {
                if (!q.support().contains(x)) {
                    throw new IllegalArgumentException(symbol + " is infinite: " + p.describe() + " has mass at x = " + x
                            + ", outside the support of " + q.describe());
                }
                return Double.POSITIVE_INFINITY;
            }
            return g.applyAsDouble(px / qx);
        }, symbol + "(" + p.describe() + " ‖ " + q.describe() + ")");
    }
}
