package org.thermodiff.plugins.figures;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PolylineTest {

    /** The simplified polyline, linearly interpolated at {@code x}. */
    private static double at(Polyline p, double x) {
        double[] xs = p.x();
        for (int i = 1; i < xs.length; i++) {
            if (x <= xs[i]) {
                return p.y()[i - 1] + (p.y()[i] - p.y()[i - 1]) * (x - xs[i - 1]) / (xs[i] - xs[i - 1]);
            }
        }
        return p.y()[xs.length - 1];
    }

    @Test
    void aSmoothCurveKeepsItsEndsAndFewPointsAndStaysWithinTheTolerance() {
        int n = 401;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = -4 + 8.0 * i / (n - 1);
            y[i] = Math.exp(-x[i] * x[i] / 2) + 0.5 * Math.exp(-(x[i] - 1.5) * (x[i] - 1.5) / 0.1);
        }
        double tolerance = 1e-3;

        Polyline p = Polyline.simplify(x, y, tolerance);

        assertEquals(x[0], p.x()[0]);
        assertEquals(x[n - 1], p.x()[p.x().length - 1]);
        assertTrue(p.x().length < n / 4, "reduced to " + p.x().length + " points");
        for (int i = 0; i < n; i++) {
            assertEquals(y[i], at(p, x[i]), tolerance * (1 + 1e-9), "at x = " + x[i]);
        }
        assertFalse(Polyline.equallySpaced(p.x()));
    }

    @Test
    void aStraightLineOnAnEvenGridIsNotLeftEquallySpacedForXChart() {
        double[] x = {0, 1, 2, 3, 4, 5};
        double[] y = {1, 3, 5, 7, 9, 11};
        assertTrue(Polyline.equallySpaced(x));

        Polyline p = Polyline.simplify(x, y, 1e-9);

        assertFalse(Polyline.equallySpaced(p.x()), java.util.Arrays.toString(p.x()));
        // The added point lies on the line, so the drawing is unchanged.
        for (int i = 0; i < p.x().length; i++) {
            assertEquals(1 + 2 * p.x()[i], p.y()[i], 1e-12);
        }
    }

    @Test
    void inputWithANonFiniteValueOrTooFewPointsIsReturnedAsIs() {
        double[] x = {0, 1, 2, 3};
        double[] y = {0, Double.NaN, 0, 0};
        Polyline p = Polyline.simplify(x, y, 0.1);
        assertArrayEquals(x, p.x());
        assertArrayEquals(y, p.y());

        Polyline two = Polyline.simplify(new double[] {0, 1}, new double[] {2, 3}, 0.1);
        assertArrayEquals(new double[] {0, 1}, two.x());
    }
}
