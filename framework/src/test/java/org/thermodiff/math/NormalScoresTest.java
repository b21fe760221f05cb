package org.thermodiff.math;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NormalScoresTest {

    /** Φ(−8), Φ(−20) and Φ(−1) from mpmath at 30 digits (ncdf). */
    @Test
    void cdfKeepsRelativeAccuracyDeepInTheLowerTail() {
        assertEquals(6.22096057427178e-16, NormalScores.cdf(-8), 1e-14 * 6.22e-16);
        assertEquals(2.75362411860623e-89, NormalScores.cdf(-20), 1e-13 * 2.75e-89);
        assertEquals(0.158655253931457, NormalScores.cdf(-1), 1e-15);
    }

    @Test
    void survivalIsTheMirrorOfTheCdf() {
        for (double z : new double[] {-30, -8, -1, 0, 0.5, 8, 30}) {
            assertEquals(NormalScores.cdf(-z), NormalScores.survival(z), 1e-15 * NormalScores.cdf(-z));
        }
    }

    /** Round trips z → Φ(z) → Φ⁻¹ to 1e-13 relative even at |z| = 30, where 1 − Φ(z) is 5e-198. */
    @Test
    void quantileInvertsTheCdfInBothTails() {
        for (double z : new double[] {-30, -9, -3, -0.1, 0.1, 3, 9, 30}) {
            double back = z < 0 ? NormalScores.quantile(NormalScores.cdf(z))
                    : NormalScores.quantileOfSurvival(NormalScores.survival(z));
            assertEquals(z, back, 1e-13 * Math.abs(z), () -> "z = " + z);
        }
    }

    @Test
    void fromProbabilitiesUsesTheAccurateTail() {
        double z = 8.5;
        double q = NormalScores.survival(z);
        // 1 − q rounds to 1 in double precision: only the survival side can give z back.
        assertEquals(z, NormalScores.fromProbabilities(1 - q, q), 1e-12);
        assertEquals(-z, NormalScores.fromProbabilities(q, 1 - q), 1e-12);
    }

    @Test
    void densityIntegratesToOneAndMatchesItsLogarithm() {
        double[][] rule = GaussLegendre.composite(-12, 12, 24, 16);
        double total = 0;
        for (int i = 0; i < rule[0].length; i++) {
            total += rule[1][i] * NormalScores.density(rule[0][i]);
            assertEquals(Math.log(NormalScores.density(rule[0][i])), NormalScores.logDensity(rule[0][i]), 1e-12);
        }
        // The tails beyond ±12 carry 3.6e-33: the rule's error dominates, at rounding level.
        assertEquals(1, total, 1e-14);
    }
}
