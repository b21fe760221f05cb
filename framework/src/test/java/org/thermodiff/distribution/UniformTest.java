package org.thermodiff.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.thermodiff.math.NormalScores;

class UniformTest {

    private final Uniform u = new Uniform(-Math.sqrt(3), Math.sqrt(3));

    @Test
    void hasUnitVarianceLikeTableI() {
        assertEquals(0, u.mean(), 0);
        assertEquals(1, u.variance(), 1e-15);
    }

    /**
     * The distance to each end is (high − low)·Φ(−|z|), computed from the nearer end: accurate to
     * the spacing of doubles at x (an ulp), on both sides alike.
     */
    @Test
    void normalScoreMapIsAccurateNearBothEnds() {
        double width = 2 * Math.sqrt(3);
        for (double z : new double[] {-9, -5, -3, 0, 3, 5, 9}) {
            double x = u.fromNormalScore(z);
            double end = z <= 0 ? u.low() : u.high();
            double expected = end + Math.signum(-end) * width * NormalScores.cdf(-Math.abs(z));
            assertEquals(expected, x, Math.ulp(x), "z = " + z);
        }
    }

    @Test
    void densityIsFlatOnTheSupportAndZeroOutside() {
        assertEquals(1 / (2 * Math.sqrt(3)), u.density(0.3), 1e-16);
        assertEquals(0, u.density(2), 0);
        assertEquals(0.5, u.cdf(0), 1e-16);
        assertEquals(Double.NEGATIVE_INFINITY, u.toNormalScore(-5));
    }

    @Test
    void rejectsAnEmptySupport() {
        assertThrows(IllegalArgumentException.class, () -> new Uniform(1, 1));
    }
}
