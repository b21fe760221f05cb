package org.thermodiff.plugins.figures;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A curve {@code y(x)} as drawn: the points of a sampled function reduced, by the
 * Ramer–Douglas–Peucker algorithm on vertical distances, to those needed to stay within a
 * tolerance of the full polyline.
 *
 * <p>Besides making figures faster to draw and SVG files smaller, this keeps XChart off its
 * slow path: for x values that are equally spaced (a density table's grid) it places ticks on data
 * points and formats labels for every candidate spacing. The reduced points are not equally spaced
 * (if they were, a point one third along the first segment, which lies on the polyline, is added;
 * this separates spacings of at least 3·10⁻⁴, XChart's threshold being 10⁻⁴).
 *
 * @param x abscissae, increasing
 * @param y ordinates
 */
record Polyline(double[] x, double[] y) {

    /** Spacing differences below this count as equal for XChart. */
    private static final double XCHART_SPACING_THRESHOLD = 1e-4;

    /**
     * The points of {@code (x, y)} within {@code tolerance} (vertically) of the full polyline; the
     * input as is if it holds a non-finite value or fewer than three points.
     */
    static Polyline simplify(double[] x, double[] y, double tolerance) {
        int n = x.length;
        if (n != y.length) {
            throw new IllegalArgumentException("x has " + n + " points, y " + y.length);
        }
        if (n < 3 || !finite(x) || !finite(y)) {
            return new Polyline(x.clone(), y.clone());
        }
        boolean[] keep = new boolean[n];
        keep[0] = true;
        keep[n - 1] = true;
        Deque<int[]> spans = new ArrayDeque<>();
        spans.push(new int[] {0, n - 1});
        while (!spans.isEmpty()) {
            int[] span = spans.pop();
            int a = span[0];
            int b = span[1];
            int worst = -1;
            double worstDistance = tolerance;
            for (int i = a + 1; i < b; i++) {
                double chord = x[b] == x[a] ? y[a] : y[a] + (y[b] - y[a]) * (x[i] - x[a]) / (x[b] - x[a]);
                double d = Math.abs(y[i] - chord);
                if (d > worstDistance) {
                    worstDistance = d;
                    worst = i;
                }
            }
            if (worst >= 0) {
                keep[worst] = true;
                spans.push(new int[] {a, worst});
                spans.push(new int[] {worst, b});
            }
        }
        int m = 0;
        for (boolean k : keep) {
            m += k ? 1 : 0;
        }
        double[] xs = new double[m];
        double[] ys = new double[m];
        for (int i = 0, j = 0; i < n; i++) {
            if (keep[i]) {
                xs[j] = x[i];
                ys[j++] = y[i];
            }
        }
        return equallySpaced(xs) ? withFirstThird(xs, ys) : new Polyline(xs, ys);
    }

    /** Whether XChart would take {@code x} for equally spaced values. */
    static boolean equallySpaced(double[] x) {
        if (x.length < 2) {
            return false;
        }
        double space = x[1] - x[0];
        for (int i = 2; i < x.length; i++) {
            if (Math.abs(x[i] - x[i - 1] - space) >= XCHART_SPACING_THRESHOLD) {
                return false;
            }
        }
        return true;
    }

    private static Polyline withFirstThird(double[] x, double[] y) {
        double[] xs = new double[x.length + 1];
        double[] ys = new double[y.length + 1];
        xs[0] = x[0];
        ys[0] = y[0];
        xs[1] = x[0] + (x[1] - x[0]) / 3;
        ys[1] = y[0] + (y[1] - y[0]) / 3;
        System.arraycopy(x, 1, xs, 2, x.length - 1);
        System.arraycopy(y, 1, ys, 2, y.length - 1);
        return new Polyline(xs, ys);
    }

    private static boolean finite(double[] v) {
        for (double d : v) {
            if (!Double.isFinite(d)) {
                return false;
            }
        }
        return true;
    }
}
