package org.thermodiff.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/** {@link TableExp} against {@link Math#exp} over its whole domain. */
class TableExpTest {

    /**
     * {@code Math.exp} is within 1 ulp of {@code e^x} and {@code TableExp} claims 3 ulp; an ulp is at
     * most {@code 2⁻⁵²} of the value, so the two differ by at most {@code 4·2⁻⁵² ≈ 8.9·10⁻¹⁶}
     * relative. (A reduction with {@code ln 2} rounded to a double instead of fdlibm's split
     * fails this by 2×; a degree-3 polynomial by 10⁴×.)
     */
    static final double TOLERANCE = 4 * 0x1p-52;

    @Test
    void agreesWithMathExpOverTheDomain() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(11L);
        double worst = 0;
        for (int i = 0; i < 2_000_000; i++) {
            double x = TableExp.MIN_ARGUMENT + (TableExp.MAX_ARGUMENT - TableExp.MIN_ARGUMENT) * rng.nextDouble();
            worst = Math.max(worst, Math.abs(TableExp.exp(x) / Math.exp(x) - 1));
        }
        for (int i = 0; i < 2_000_000; i++) {
            double x = -60 * rng.nextDouble(); // the log-responsibility range it serves
            worst = Math.max(worst, Math.abs(TableExp.exp(x) / Math.exp(x) - 1));
        }
        assertTrue(worst <= TOLERANCE, "max relative difference " + worst);
    }

    @Test
    void tableNodesHalfwayPointsAndEnds() {
        double step = Math.log(2) / 1024;
        for (int k = -40_000; k <= 40_000; k += 7) {
            for (double off : new double[] {0, 0.5 * step, -0.5 * step, Math.ulp(k * step)}) {
                double x = k * step + off;
                assertEquals(1, TableExp.exp(x) / Math.exp(x), TOLERANCE, "x = " + x);
            }
        }
        assertEquals(1.0, TableExp.exp(0.0), 0.0);
        assertEquals(1.0, TableExp.exp(-0.0), 0.0);
        for (double x : new double[] {TableExp.MIN_ARGUMENT, TableExp.MAX_ARGUMENT, -37, 1, -1, 1e-300, -1e-18}) {
            assertEquals(1, TableExp.exp(x) / Math.exp(x), TOLERANCE, "x = " + x);
        }
    }
}
