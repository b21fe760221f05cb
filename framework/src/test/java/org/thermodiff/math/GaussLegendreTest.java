package org.thermodiff.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GaussLegendreTest {

    /** An n-point rule is exact for degree 2n − 1: ∫_{-1}^{2} x^k dx = (2^{k+1} − (−1)^{k+1})/(k+1). */
    @Test
    void integratesPolynomialsOfDegreeTwoNMinusOneExactly() {
        int order = 6;
        double[][] rule = GaussLegendre.composite(-1, 2, 1, order);
        for (int k = 0; k <= 2 * order - 1; k++) {
            double sum = 0;
            for (int i = 0; i < order; i++) {
                sum += rule[1][i] * Math.pow(rule[0][i], k);
            }
            double exact = (Math.pow(2, k + 1) - Math.pow(-1, k + 1)) / (k + 1);
            assertEquals(exact, sum, 1e-13 * Math.max(1, Math.abs(exact)), "degree " + k);
        }
    }

    @Test
    void convergesGeometricallyForAnalyticIntegrands() {
        // ∫_0^π sin = 2; error shrinks by orders of magnitude per doubling of the order.
        double previous = Double.POSITIVE_INFINITY;
        for (int order : new int[] {2, 4, 8}) {
            double[][] rule = GaussLegendre.composite(0, Math.PI, 1, order);
            double sum = 0;
            for (int i = 0; i < order; i++) {
                sum += rule[1][i] * Math.sin(rule[0][i]);
            }
            double error = Math.abs(sum - 2);
            assertTrue(error < previous / 100 || error < 1e-14, "order " + order + ": " + error);
            previous = error;
        }
    }

    @Test
    void panelBreaksHonourKinksAndMaximumWidth() {
        double[] breaks = GaussLegendre.panelBreaks(-1, 1, 0.6, 0.1, 5, -7);
        assertEquals(-1, breaks[0]);
        assertEquals(1, breaks[breaks.length - 1]);
        boolean hasKink = false;
        for (int i = 1; i < breaks.length; i++) {
            assertTrue(breaks[i] > breaks[i - 1]);
            assertTrue(breaks[i] - breaks[i - 1] <= 0.6 + 1e-15);
            hasKink |= breaks[i] == 0.1;
        }
        assertTrue(hasKink, "the interior kink 0.1 must be a panel boundary");
    }

    @Test
    void nodesIncreaseAndStayInsideThePanels() {
        double[][] rule = GaussLegendre.onPanels(new double[] {0, 1, 3}, 3);
        double[] nodes = rule[0];
        for (int i = 1; i < nodes.length; i++) {
            assertTrue(nodes[i] > nodes[i - 1]);
        }
        assertArrayEquals(new double[] {1, 2}, new double[] {rule[1][0] + rule[1][1] + rule[1][2],
                rule[1][3] + rule[1][4] + rule[1][5]}, 1e-15);
    }

    @Test
    void rejectsDegeneratePanels() {
        assertThrows(IllegalArgumentException.class, () -> GaussLegendre.onPanels(new double[] {0, 0}, 4));
        assertThrows(IllegalArgumentException.class, () -> GaussLegendre.onPanels(new double[] {0, 1}, 0));
    }
}
