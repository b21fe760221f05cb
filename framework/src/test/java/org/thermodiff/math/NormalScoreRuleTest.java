package org.thermodiff.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class NormalScoreRuleTest {

    @Test
    void weightsFormAProbabilityVectorAndReproduceGaussianMoments() {
        NormalScoreRule rule = NormalScoreRule.of(512, 16, NormalScoreRule.DEFAULT_RANGE);
        assertEquals(1, Arrays.stream(rule.weights()).sum(), 1e-14);
        assertEquals(0, rule.expectation(z -> z), 1e-15);
        assertEquals(1, rule.expectation(z -> z * z), 1e-13);
        assertEquals(3, rule.expectation(z -> z * z * z * z), 1e-12);
    }

    /**
     * E|Z| = √(2/π) has a kink at 0: with the kink as a panel break the rule is exact to rounding;
     * with a panel straddling it the error is orders of magnitude larger (and only algebraic).
     */
    @Test
    void kinksOnPanelBreaksRestoreGeometricConvergence() {
        double exact = Math.sqrt(2 / Math.PI);
        // 255 nodes in panels of 15: an odd number of panels puts z = 0 inside one.
        double straddled = NormalScoreRule.of(255, 15, 8.5).expectation(Math::abs);
        double split = NormalScoreRule.of(255, 15, 8.5, 0.0).expectation(Math::abs);
        assertEquals(exact, split, 1e-14);
        assertTrue(Math.abs(straddled - exact) > 1000 * Math.abs(split - exact) + 1e-12,
                "straddled error " + Math.abs(straddled - exact));
    }

    @Test
    void crossingsFindEverySignChangeIncludingOneOnAScanNode() {
        // sin(z) − 0 changes sign at 0 (a scan node of a symmetric scan) and at ±π, ±2π.
        double[] roots = NormalScoreRule.crossings(Math::sin, z -> 0, 7, 700);
        assertArrayEquals(new double[] {-2 * Math.PI, -Math.PI, 0, Math.PI, 2 * Math.PI}, roots, 1e-12);
    }

    @Test
    void identicalFunctionsHaveNoCrossings() {
        assertEquals(0, NormalScoreRule.crossings(z -> z, z -> z, 8.5, 100).length);
    }

    @Test
    void mapAppliesTheQuantileFunctionAtEveryNode() {
        NormalScoreRule rule = NormalScoreRule.of(64, 16, 5);
        double[] z = rule.nodes();
        double[] x = rule.map(s -> 2 * s + 1);
        for (int i = 0; i < z.length; i++) {
            assertEquals(2 * z[i] + 1, x[i], 0);
        }
    }
}
