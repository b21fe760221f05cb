package org.thermodiff.plugins.distances;

import org.thermodiff.math.BuresWasserstein;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.thermodiff.spi.sampling.PointCloud;

class ExactTransportTest {

    /**
     * Slack for double rounding: the brute force and the LP sum at most 36 terms of size ≤ ~40, so
     * their rounding is below 1e-13; the simplex solution is a vertex solved by ~12 pivots, exact to
     * ~1e-13 as well. 1e-12 is far below any error a wrong plan would make on these random clouds.
     */
    private static final double ROUNDING = 1e-12;

    private final ExactTransport exact = new ExactTransport();

    /** Equal uniform weights (assignment): agrees with the minimum over all permutations. */
    @Test
    void assignmentMatchesBruteForceOverPermutations() {
        Random rng = new Random(11);
        for (int trial = 0; trial < 60; trial++) {
            int n = 1 + trial % 7;
            int d = 2 + trial % 2;
            int p = 1 + trial % 2;
            PointCloud a = TransportOracles.random(rng, n, d, 0, true);
            PointCloud b = TransportOracles.random(rng, n, d, 0.7, true);
            TransportResult r = exact.solve(a, b, p);
            double brute = TransportOracles.bruteForce(a, b, p);
            String where = "trial " + trial + " n=" + n + " d=" + d + " p=" + p;
            assertTrue(r.cost() >= brute - ROUNDING, where + ": below the optimum " + r.cost() + " < " + brute);
            assertTrue(r.cost() <= brute + r.errorBound() + ROUNDING, where + ": " + r.cost() + " vs " + brute);
            // a permutation: every target exactly once, mass 1/n each
            int[] targets = r.plan().target().clone();
            Arrays.sort(targets);
            assertArrayEquals(java.util.stream.IntStream.range(0, n).toArray(), targets, where);
            for (double mass : r.plan().mass()) {
                assertEquals(1.0 / n, mass, 0, where);
            }
        }
    }

    /** Unequal weights and sizes (min-cost flow): agrees with the LP solved by the simplex method. */
    @Test
    void minCostFlowMatchesTheLinearProgram() {
        Random rng = new Random(12);
        for (int trial = 0; trial < 60; trial++) {
            int n = 1 + rng.nextInt(6);
            int m = 1 + rng.nextInt(6);
            int d = 1 + trial % 3;
            int p = 1 + trial % 2;
            PointCloud a = TransportOracles.random(rng, n, d, 0, trial % 5 == 0);
            PointCloud b = TransportOracles.random(rng, m, d, 0.5, false);
            TransportResult r = exact.solve(a, b, p);
            double lp = TransportOracles.linearProgram(a, b, p);
            String where = "trial " + trial + " n=" + n + " m=" + m + " d=" + d + " p=" + p;
            assertTrue(r.cost() >= lp - ROUNDING, where + ": below the LP optimum " + r.cost() + " < " + lp);
            assertTrue(r.cost() <= lp + r.errorBound() + ROUNDING, where + ": " + r.cost() + " vs " + lp);
            // The plan couples the true weights (repaired after mass quantisation), to rounding.
            double[][] marginals = TransportOracles.marginals(r.plan(), n, m);
            assertArrayEquals(a.weights(), marginals[0], 1e-15, where);
            assertArrayEquals(b.weights(), marginals[1], 1e-15, where);
        }
    }

    /** Uniform clouds of different sizes: exact masses (M a multiple of lcm(n, m)), against the LP. */
    @Test
    void uniformCloudsOfDifferentSizesHaveExactMasses() {
        Random rng = new Random(13);
        PointCloud a = TransportOracles.random(rng, 4, 2, 0, true);
        PointCloud b = TransportOracles.random(rng, 6, 2, 1, true);
        TransportResult r = exact.solve(a, b, 2);
        assertEquals(TransportOracles.linearProgram(a, b, 2), r.cost(), r.errorBound() + ROUNDING);
        // No mass quantisation error: the bound is the cost quantisation C_max/K alone, ≤ 1e-9 C_max.
        assertTrue(r.errorBound() < 1e-9 * 50, "bound " + r.errorBound());
    }

    /**
     * Coarse resolutions (K = 40 cost levels, M = 60 mass units) make the quantisation visible: the
     * returned cost exceeds the optimum in some cases, and by no more than the stated bound in all.
     */
    @Test
    void quantisationErrorStaysWithinTheStatedBound() {
        ExactTransport coarse = new ExactTransport(40, 60);
        Random rng = new Random(14);
        int visible = 0;
        for (int trial = 0; trial < 200; trial++) {
            int n = 2 + rng.nextInt(5);
            int m = 2 + rng.nextInt(5);
            boolean uniform = trial % 2 == 0;
            PointCloud a = TransportOracles.random(rng, uniform ? m : n, 2, 0, uniform);
            PointCloud b = TransportOracles.random(rng, m, 2, 0.3, uniform);
            int p = 1 + trial % 4 / 2;
            TransportResult r = coarse.solve(a, b, p);
            double reference = uniform ? TransportOracles.bruteForce(a, b, p) : TransportOracles.linearProgram(a, b, p);
            double excess = r.cost() - reference;
            assertTrue(excess >= -ROUNDING, "trial " + trial + ": below the optimum by " + -excess);
            assertTrue(excess <= r.errorBound() + ROUNDING, "trial " + trial + ": excess " + excess + " > bound "
                    + r.errorBound());
            if (excess > 1e-9) {
                visible++;
            }
        }
        assertTrue(visible > 0, "the coarse quantisation never changed the plan: the test would not detect a bad bound");
    }

    /**
     * Gelbrich's bound: for any two measures, W2² ≥ Bures(means, covariances)². The clouds' own
     * empirical moments give an independent lower bound on the exact value.
     */
    @Test
    void w2IsAtLeastTheGelbrichBoundOfTheEmpiricalMoments() {
        Random rng = new Random(15);
        for (int trial = 0; trial < 10; trial++) {
            PointCloud a = TransportOracles.random(rng, 40, 2, 0, true);
            PointCloud b = TransportOracles.random(rng, 55, 2, 1, trial % 2 == 0);
            double w2sq = exact.solve(a, b, 2).cost();
            double gelbrich = BuresWasserstein.squared(mean(a), covariance(a), mean(b), covariance(b));
            assertTrue(w2sq >= gelbrich - 1e-12, "W2² " + w2sq + " < Gelbrich " + gelbrich);
        }
    }

    @Test
    void badInputIsRefusedWithAPreciseMessage() {
        PointCloud a = PointCloud.uniform(2, new double[] {0, 0, 1, 1});
        PointCloud b = PointCloud.uniform(3, new double[] {0, 0, 0});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> exact.solve(a, b, 2));
        assertEquals("cannot compare clouds of dimensions 2 and 3", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> exact.solve(a, a, 3));
        assertEquals("the ground cost |x - y|^p is supported for p = 1 or 2, got p = 3", e.getMessage());
        PointCloud negative = PointCloud.of(2, new double[] {0, 0, 1, 1}, new double[] {1.5, -0.5});
        e = assertThrows(IllegalArgumentException.class, () -> exact.solve(negative, a, 2));
        assertEquals("weight 1 of the first cloud must be finite and >= 0, got -0.5", e.getMessage());
    }

    static double[] mean(PointCloud c) {
        int d = c.dimension();
        double[] m = new double[d];
        for (int i = 0; i < c.size(); i++) {
            for (int k = 0; k < d; k++) {
                m[k] += c.weights()[i] * c.coordinate(i, k);
            }
        }
        return m;
    }

    static double[][] covariance(PointCloud c) {
        int d = c.dimension();
        double[] m = mean(c);
        double[][] s = new double[d][d];
        for (int i = 0; i < c.size(); i++) {
            for (int k = 0; k < d; k++) {
                for (int l = 0; l < d; l++) {
                    s[k][l] += c.weights()[i] * (c.coordinate(i, k) - m[k]) * (c.coordinate(i, l) - m[l]);
                }
            }
        }
        return s;
    }
}
