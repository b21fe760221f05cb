package org.thermodiff.report;

import java.util.Locale;

/** How numbers are written in tables and files. */
public final class Numbers {

    private Numbers() {
    }

    /** Shortest text that reads back as the same double (files: nothing is lost). */
    public static String exact(double v) {
        return Double.toString(v);
    }

    /** Seven significant digits (tables: what the paper prints, plus one). */
    public static String brief(double v) {
        if (v == 0 || Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.toString(v);
        }
        double a = Math.abs(v);
        return a >= 1e-3 && a < 1e6 ? String.format(Locale.ROOT, "%.7g", v).replaceFirst("(\\.\\d*?)0+$", "$1")
                .replaceFirst("\\.$", "") : String.format(Locale.ROOT, "%.6e", v);
    }

    /** A metric value of any type as text. */
    public static String exact(Object value) {
        return value instanceof Double d ? exact(d.doubleValue()) : String.valueOf(value);
    }
}
