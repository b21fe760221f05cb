package org.thermodiff.plugins.distances;

import java.util.function.DoubleUnaryOperator;
import org.thermodiff.math.NormalScoreRule;

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
}
