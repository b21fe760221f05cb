package org.thermodiff.math;

/**
 * Root of a continuous non-decreasing function inside a bracket, by Newton's method safeguarded
 * with bisection.
 *
 * <p>Written by hand because every quadrature node, every optimal-transport velocity and every
 * normal score needs one such solve, with derivatives that are available in closed form: Newton
 * converges in a handful of steps where Commons Math's derivative-free {@code BrentSolver} needs
 * several times as many evaluations, and the bracket keeps Newton from ever leaving the domain.
 */
public final class MonotoneRoot {

    /** Value and derivative of the function at one point. */
    @FunctionalInterface
    public interface Function {
        /**
         * Evaluates {@code g(x)} and {@code g'(x)}.
         *
         * @param x   the point
         * @param out receives {@code g(x)} at index 0 and {@code g'(x)} at index 1
         */
        void evaluate(double x, double[] out);
    }

    private static final int MAX_ITERATIONS = 200;

    private MonotoneRoot() {
    }

    /**
     * Solves {@code g(x) = 0} for a non-decreasing {@code g} with {@code g(lower) ≤ 0 ≤ g(upper)}.
     * The bracket may be infinite on either side: Newton's steps then find the finite end as they go.
     *
     * @param g         the function with its derivative
     * @param lower     lower end of the bracket, possibly {@code -∞}
     * @param upper     upper end of the bracket, possibly {@code +∞}
     * @param start     first guess, clamped into the bracket
     * @param tolerance absolute tolerance on {@code x}
     * @return the root, to within {@code tolerance} (or to the resolution of doubles); it is always
     *         the last point at which {@code g} was evaluated
     * @throws ArithmeticException if no root is found (e.g. {@code g} never changes sign)
     */
    public static double solve(Function g, double lower, double upper, double start, double tolerance) {
        if (!(lower <= upper)) {
            throw new IllegalArgumentException("bracket needs lower <= upper, got [" + lower + ", " + upper + "]");
        }
        double[] gv = new double[2];
        double lo = lower;
        double hi = upper;
        double x = Math.min(Math.max(start, lo), hi);
        double width = 1 + Math.abs(x);
        for (int i = 0; i < MAX_ITERATIONS; i++) {
            g.evaluate(x, gv);
            double value = gv[0];
            if (value == 0) {
                return x;
            }
            if (value < 0) {
                lo = x;
            } else {
                hi = x;
            }
            double newton = x - value / gv[1];
            double next;
            if (Double.isFinite(newton) && newton > lo && newton < hi) {
                next = newton;
            } else if (Double.isFinite(lo) && Double.isFinite(hi)) {
                next = 0.5 * (lo + hi);
            } else {
                // Unbounded on the side the root lies: walk out geometrically.
                width *= 2;
                next = value < 0 ? x + width : x - width;
            }
            if (Math.abs(next - x) <= tolerance || hi - lo <= tolerance || next == x) {
                // x was the last point evaluated, so callers can reuse what g computed there; its
                // error is at most the step just found to be below tolerance.
                return x;
            }
            x = next;
        }
        if (Double.isFinite(lo) && Double.isFinite(hi)) {
            return x;
        }
        throw new ArithmeticException("no root found: the function does not change sign near " + start);
    }
}
