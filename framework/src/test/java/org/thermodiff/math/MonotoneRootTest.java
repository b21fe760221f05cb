package org.thermodiff.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class MonotoneRootTest {

    private static final MonotoneRoot.Function CUBIC = (x, out) -> {
        out[0] = x * x * x + x - 3;   // increasing; root 1.2134116627622296 (numpy.roots)
        out[1] = 3 * x * x + 1;
    };

    @Test
    void solvesInsideAFiniteBracket() {
        assertEquals(1.2134116627622296, MonotoneRoot.solve(CUBIC, -10, 10, 9, 1e-15), 1e-14);
    }

    @Test
    void walksOutOfAnUnboundedBracket() {
        assertEquals(1.2134116627622296, MonotoneRoot.solve(CUBIC, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
                -1e6, 1e-15), 1e-14);
    }

    @Test
    void fallsBackToBisectionWhenNewtonWouldLeaveTheBracket() {
        // A flat-then-steep function: Newton from 0 overshoots far outside [-1, 2].
        MonotoneRoot.Function g = (x, out) -> {
            out[0] = Math.atan(20 * (x - 1.5));
            out[1] = 20 / (1 + 400 * (x - 1.5) * (x - 1.5));
        };
        assertEquals(1.5, MonotoneRoot.solve(g, -1, 2, -1, 1e-14), 1e-13);
    }

    @Test
    void reportsAFunctionWithoutRoot() {
        MonotoneRoot.Function positive = (x, out) -> {
            out[0] = Math.exp(x);
            out[1] = Math.exp(x);
        };
        assertThrows(ArithmeticException.class,
                () -> MonotoneRoot.solve(positive, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, 0, 1e-12));
    }
}
