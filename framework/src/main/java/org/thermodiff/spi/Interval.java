package org.thermodiff.spi;

/**
 * A closed interval {@code [lower, upper]} of the real line; either bound may be infinite.
 *
 * @param lower lower bound, possibly {@code -∞}
 * @param upper upper bound, possibly {@code +∞}, not below {@code lower}
 */
public record Interval(double lower, double upper) {

    /** The whole real line. */
    public static final Interval REAL_LINE = new Interval(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);

    public Interval {
        if (Double.isNaN(lower) || Double.isNaN(upper) || lower > upper) {
            throw new IllegalArgumentException("interval needs lower <= upper, got [" + lower + ", " + upper + "]");
        }
    }

    /** Whether {@code x} lies in the interval. */
    public boolean contains(double x) {
        return x >= lower && x <= upper;
    }

    /** Whether both bounds are finite. */
    public boolean isBounded() {
        return Double.isFinite(lower) && Double.isFinite(upper);
    }
}
