package org.thermodiff.spi.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TimeGridTest {

    @Test
    void gaussLegendreGridHasWeightlessEndPointsAndIntegratesPolynomials() {
        TimeGrid g = TimeGrid.gaussLegendre(2.0, 3, 5);
        assertEquals(3 * 5 + 2, g.size());
        assertEquals(0, g.time(0));
        assertEquals(2.0, g.time(g.size() - 1));
        assertEquals(0, g.weight(0));
        assertEquals(0, g.weight(g.size() - 1));
        double[] f = new double[g.size()];
        for (int k = 0; k < f.length; k++) {
            f[k] = Math.pow(g.time(k), 9);   // degree 9 = 2·5 − 1: exact on each panel
        }
        assertEquals(Math.pow(2, 10) / 10, g.integrate(f), 1e-11);
    }

    @Test
    void uniformGridUsesSimpsonWhichIsExactForCubics() {
        TimeGrid g = TimeGrid.uniform(1.0, 10);
        double[] f = new double[g.size()];
        for (int k = 0; k < f.length; k++) {
            double t = g.time(k);
            f[k] = 4 * t * t * t - t;
        }
        assertEquals(1 - 0.5, g.integrate(f), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> TimeGrid.uniform(1.0, 5));
    }

    @Test
    void marksAddWeightlessTimesAtThirdsWithoutChangingTheQuadrature() {
        TimeGrid g = TimeGrid.gaussLegendre(3.0, 2, 4);
        TimeGrid marked = g.withMarks(3);
        assertEquals(g.size() + 2, marked.size());
        assertEquals(1.0, marked.time(marked.nearest(1.0)), 0);
        assertEquals(2.0, marked.time(marked.nearest(2.0)), 0);
        assertEquals(0, marked.weight(marked.nearest(1.0)));
        double[] f = new double[marked.size()];
        double[] h = new double[g.size()];
        for (int k = 0; k < f.length; k++) {
            f[k] = Math.exp(marked.time(k));
        }
        for (int k = 0; k < h.length; k++) {
            h[k] = Math.exp(g.time(k));
        }
        assertEquals(g.integrate(h), marked.integrate(f), 0);
        // Times already on the grid are not repeated: a uniform grid of 6 intervals has τ/3 and 2τ/3.
        assertEquals(TimeGrid.uniform(3.0, 6).size(), TimeGrid.uniform(3.0, 6).withMarks(3).size());
    }

    @Test
    void rejectsMalformedGrids() {
        assertThrows(IllegalArgumentException.class, () -> new TimeGrid(1, new double[] {0, 0.5}, new double[] {0, 0}));
        assertThrows(IllegalArgumentException.class, () -> new TimeGrid(1, new double[] {0, 0.6, 0.5, 1},
                new double[4]));
        assertThrows(IllegalArgumentException.class, () -> new TimeGrid(0, new double[] {0, 0}, new double[2]));
    }
}
