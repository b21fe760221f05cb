package org.thermodiff.spi.metrics;

/**
 * One inequality checked on a run, {@code lhs ≤ rhs}, e.g. {@code η ≤ c1} (Eq. 82).
 *
 * @param name      stable identifier, e.g. {@code eta<=c1}
 * @param equation  the paper's equation it tests, e.g. {@code Eq. 82}
 * @param lhs       left-hand side (for a pointwise check: at the worst time)
 * @param rhs       right-hand side (idem)
 * @param tolerance allowance for rounding and quadrature error, absolute
 * @param holds     whether {@code lhs ≤ rhs + tolerance}
 */
public record BoundCheck(String name, String equation, double lhs, double rhs, double tolerance, boolean holds) {

    /** Checks {@code lhs ≤ rhs} with relative tolerance {@code relTol} (scaled by {@code max(|lhs|, |rhs|)}). */
    public static BoundCheck of(String name, String equation, double lhs, double rhs, double relTol) {
        double tol = relTol * Math.max(Math.abs(lhs), Math.abs(rhs));
        return new BoundCheck(name, equation, lhs, rhs, tol, lhs <= rhs + tol);
    }

    /** {@code rhs − lhs}: how much room the bound leaves (negative when violated). */
    public double margin() {
        return rhs - lhs;
    }
}
