package org.thermodiff.plugins.distances;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.thermodiff.spi.TransportPlan;
import org.thermodiff.spi.sampling.PointCloud;

/**
 * The certified sparse solve ({@link CertifiedSparseTransport}) against independent oracles (all
 * permutations, the simplex LP) and against the dense solve (all arcs handed to OR-Tools at once),
 * with candidate sets small enough, and clouds adversarial enough, that the first restricted optimum
 * is not the full one and the pricing/repair loop has to find the missing arcs.
 */
class CertifiedSparseTransportTest {

    /** As in {@link ExactTransportTest}: double rounding of sums of ≤ 64 terms of size ≤ ~500 stays below 1e-12. */
    private static final double ROUNDING = 1e-12;

    private static final long K = ExactTransport.DEFAULT_COST_LEVELS;
    private static final long M = ExactTransport.DEFAULT_MASS_LEVELS;
    private final ExactTransport dense = new ExactTransport(K, M, 0);

    /**
     * {@code nLeft} points around the origin and {@code n − nLeft} around {@code (sep, 0, …)}, in a
     * shuffled order (so the north-west-corner arcs do not follow the clusters).
     */
    static PointCloud clusters(Random rng, int n, int nLeft, int d, double sep) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        double[] x = new double[n * d];
        for (int i = 0; i < n; i++) {
            int slot = order[i];
            for (int k = 0; k < d; k++) {
                x[slot * d + k] = rng.nextGaussian() + (k == 0 && i >= nLeft ? sep : 0);
            }
        }
        return PointCloud.uniform(d, x);
    }

    /** With one candidate per point the repair loop does the work; the optimum is still the brute-force minimum. */
    @Test
    void sparseAssignmentMatchesBruteForce() {
        ExactTransport sparse = new ExactTransport(K, M, 1, Long.MAX_VALUE);
        Random rng = new Random(21);
        int repaired = 0;
        for (int trial = 0; trial < 80; trial++) {
            int n = 2 + trial % 7;
            int d = 1 + trial % 3;
            int p = 1 + trial / 3 % 2;
            PointCloud a;
            PointCloud b;
            if (trial % 2 == 0) {
                a = TransportOracles.random(rng, n, d, 0, true);
                b = TransportOracles.random(rng, n, d, 0.7, true);
            } else {
                // unequal clusters: the optimum must move n − 2·left points across the gap
                int left = 1 + rng.nextInt(n - 1);
                a = clusters(rng, n, left, d, 12);
                b = clusters(rng, n, n - left, d, 12);
            }
            ExactTransport.Counted r = sparse.solveCounted(a, b, p);
            double brute = TransportOracles.bruteForce(a, b, p);
            String where = "trial " + trial + " n=" + n + " d=" + d + " p=" + p;
            assertTrue(r.result().cost() >= brute - ROUNDING, where + ": below the optimum " + r.result().cost() + " < " + brute);
            assertTrue(r.result().cost() <= brute + r.result().errorBound() + ROUNDING, where + ": " + r.result().cost()
                    + " vs " + brute);
            assertPermutation(r.result().plan(), n, where);
            assertTrue(!r.dense(), where + ": handed over to the dense solve");
            repaired += r.rounds() > 1 ? 1 : 0;
        }
        assertTrue(repaired >= 10, "the repair loop ran in only " + repaired + " of 80 trials: the test would not see it fail");
    }

    /** Weighted clouds (min-cost flow) with one candidate per point: the LP optimum, true marginals. */
    @Test
    void sparseMinCostFlowMatchesTheLinearProgram() {
        ExactTransport sparse = new ExactTransport(K, M, 1, Long.MAX_VALUE);
        Random rng = new Random(22);
        int repaired = 0;
        for (int trial = 0; trial < 60; trial++) {
            int n = 2 + rng.nextInt(6);
            int m = 2 + rng.nextInt(6);
            int d = 1 + trial % 3;
            int p = 1 + trial % 2;
            PointCloud a = TransportOracles.random(rng, n, d, 0, trial % 5 == 0);
            PointCloud b = TransportOracles.random(rng, m, d, 0.5, false);
            if (trial % 4 == 1) {
                a = withZeroWeight(a, rng.nextInt(n));
            }
            ExactTransport.Counted r = sparse.solveCounted(a, b, p);
            double lp = TransportOracles.linearProgram(a, b, p);
            String where = "trial " + trial + " n=" + n + " m=" + m + " d=" + d + " p=" + p;
            assertTrue(r.result().cost() >= lp - ROUNDING, where + ": below the LP optimum " + r.result().cost() + " < " + lp);
            assertTrue(r.result().cost() <= lp + r.result().errorBound() + ROUNDING, where + ": " + r.result().cost() + " vs "
                    + lp);
            double[][] marginals = TransportOracles.marginals(r.result().plan(), n, m);
            // The repaired plan's marginals are sums of ≤ 12 doubles ≤ 1: exact to a few ulps.
            assertArrayEquals(a.weights(), marginals[0], 1e-15, where);
            assertArrayEquals(b.weights(), marginals[1], 1e-15, where);
            assertTrue(!r.dense(), where + ": handed over to the dense solve");
            repaired += r.rounds() > 1 ? 1 : 0;
        }
        assertTrue(repaired >= 10, "the repair loop ran in only " + repaired + " of 60 trials");
    }

    /**
     * Two well-separated clusters of unequal sizes: A has 140 points left and 60 right, B the reverse.
     * Nearest-neighbour candidates (even after matching the clouds' moments) stay within clusters,
     * so the first restricted optimum is wrong; the certified result must equal the dense one and
     * move exactly 80 points across the gap (each extra crossing costs about the gap, 25 ≫ spread).
     */
    @Test
    void unequalClustersAreRepairedToTheDenseOptimum() {
        Random rng = new Random(23);
        for (int candidates : new int[] {4, ExactTransport.DEFAULT_CANDIDATES}) {
            ExactTransport sparse = new ExactTransport(K, M, candidates, Long.MAX_VALUE);
            for (int d = 2; d <= 3; d++) {
                for (int p = 1; p <= 2; p++) {
                    PointCloud a = clusters(rng, 200, 140, d, 25);
                    PointCloud b = clusters(rng, 200, 60, d, 25);
                    ExactTransport.Counted r = sparse.solveCounted(a, b, p);
                    TransportResult full = dense.solve(a, b, p);
                    String where = "k=" + candidates + " d=" + d + " p=" + p;
                    assertTrue(r.rounds() > 1, where + ": the first candidates were already optimal, repair not exercised");
                    assertTrue(!r.dense(), where + ": handed over to the dense solve");
                    // Both plans are optimal for the same integer costs: each within errorBound above OT.
                    assertEquals(full.cost(), r.result().cost(), full.errorBound() + ROUNDING, where);
                    assertPermutation(r.result().plan(), 200, where);
                    int crossings = 0;
                    TransportPlan plan = r.result().plan();
                    for (int k = 0; k < plan.size(); k++) {
                        boolean right = a.coordinate(plan.source()[k], 0) > 12.5;
                        crossings += right != b.coordinate(plan.target()[k], 0) > 12.5 ? 1 : 0;
                    }
                    assertEquals(80, crossings, where);
                }
            }
        }
    }

    /** Weighted clusters of unequal mass through the min-cost flow: sparse equals dense. */
    @Test
    void weightedClustersAreRepairedToTheDenseOptimum() {
        Random rng = new Random(24);
        ExactTransport sparse = new ExactTransport(K, M, 3, Long.MAX_VALUE);
        for (int trial = 0; trial < 4; trial++) {
            int p = 1 + trial % 2;
            PointCloud a = reweighted(clusters(rng, 90, 60, 2, 20), rng);
            PointCloud b = reweighted(clusters(rng, 70, 20, 2, 20), rng);
            ExactTransport.Counted r = sparse.solveCounted(a, b, p);
            TransportResult full = dense.solve(a, b, p);
            String where = "trial " + trial + " p=" + p;
            assertTrue(r.rounds() > 1, where + ": repair not exercised");
            assertTrue(!r.dense(), where + ": handed over to the dense solve");
            assertEquals(full.cost(), r.result().cost(), Math.max(full.errorBound(), r.result().errorBound()) + ROUNDING, where);
        }
    }

    /** Random clouds of a few hundred points, Gaussian and shifted/scaled: sparse (several k) equals dense. */
    @Test
    void sparseEqualsDenseOnLargerRandomClouds() {
        Random rng = new Random(25);
        for (int trial = 0; trial < 6; trial++) {
            int n = 150 + 25 * trial;
            int d = 2 + trial % 2;
            int p = 1 + trial % 2;
            PointCloud a = TransportOracles.random(rng, n, d, 0, true);
            double[] y = new double[n * d];
            for (int i = 0; i < y.length; i++) {
                y[i] = (i % d == 0 ? 2 : 0.5) * rng.nextGaussian() + (i % d == 0 ? 1.5 : 0);
            }
            PointCloud b = PointCloud.uniform(d, y);
            TransportResult full = dense.solve(a, b, p);
            for (int candidates : new int[] {2, 8, ExactTransport.DEFAULT_CANDIDATES}) {
                TransportResult r = new ExactTransport(K, M, candidates, Long.MAX_VALUE).solve(a, b, p);
                assertEquals(full.cost(), r.cost(), full.errorBound() + ROUNDING, "trial " + trial + " k=" + candidates);
            }
        }
    }

    /**
     * Coarse integer costs (K = 40: many ties, visible quantisation) through the sparse solve with one
     * candidate: within the stated bound of the brute-force/LP optimum.
     */
    @Test
    void coarseQuantisationStaysWithinTheBoundThroughTheRepairLoop() {
        ExactTransport coarse = new ExactTransport(40, 60, 1, Long.MAX_VALUE);
        Random rng = new Random(26);
        for (int trial = 0; trial < 120; trial++) {
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
            assertTrue(excess <= r.errorBound() + ROUNDING, "trial " + trial + ": excess " + excess + " > bound " + r.errorBound());
        }
    }

    /**
     * Past its arc limit the repair loop hands over to the dense solve: forced here with a limit
     * just above the first candidates, on clusters where repair is needed; the optimum is unchanged.
     */
    @Test
    void repairLoopHandsOverToTheDenseSolvePastItsArcLimit() {
        Random rng = new Random(27);
        PointCloud a = clusters(rng, 120, 90, 2, 25);
        PointCloud b = clusters(rng, 120, 30, 2, 25);
        long[] ones = new long[120];
        java.util.Arrays.fill(ones, 1);
        double s = 1e6;  // integer costs up to ~1e9 (gap 25, squared), far inside OR-Tools' limits for 240 nodes
        CertifiedSparseTransport.Outcome capped = CertifiedSparseTransport.solve(a.positions(), b.positions(), 2, 2, 120, 120,
                ones, ones, s, 3, 3, 1, ExactTransport::linearSumAssignment);
        CertifiedSparseTransport.Outcome repaired = CertifiedSparseTransport.solve(a.positions(), b.positions(), 2, 2, 120,
                120, ones, ones, s, 3, 3, Long.MAX_VALUE, ExactTransport::linearSumAssignment);
        CertifiedSparseTransport.Outcome full = CertifiedSparseTransport.dense(a.positions(), b.positions(), 2, 2, 120, 120,
                ones, ones, s, ExactTransport::linearSumAssignment);
        assertTrue(capped.dense() && capped.rounds() == 2, "rounds " + capped.rounds() + ", dense " + capped.dense());
        assertTrue(!repaired.dense() && repaired.rounds() > 1, "rounds " + repaired.rounds());
        // All three are optima of the same integer problem: equal integer objectives, exactly.
        assertEquals(integerObjective(full, a, b, s), integerObjective(capped, a, b, s));
        assertEquals(integerObjective(full, a, b, s), integerObjective(repaired, a, b, s));
    }

    /** {@code Σ f_ij round(S |x_i − y_j|²)}, recomputed here from the positions. */
    private static long integerObjective(CertifiedSparseTransport.Outcome o, PointCloud a, PointCloud b, double s) {
        long total = 0;
        for (int k = 0; k < o.arcs(); k++) {
            if (o.flow()[k] > 0) {
                total += o.flow()[k] * Math.round(s * TransportOracles.cost(a, o.tail()[k], b, o.head()[k], 2));
            }
        }
        return total;
    }

    private static void assertPermutation(TransportPlan plan, int n, String where) {
        boolean[] seen = new boolean[n];
        assertEquals(n, plan.size(), where);
        for (int k = 0; k < n; k++) {
            assertEquals(1.0 / n, plan.mass()[k], 0, where);
            assertTrue(!seen[plan.target()[k]], where + ": target " + plan.target()[k] + " twice");
            seen[plan.target()[k]] = true;
        }
    }

    private static PointCloud withZeroWeight(PointCloud c, int index) {
        double[] w = c.weights().clone();
        w[index] = 0;
        double sum = 0;
        for (double v : w) {
            sum += v;
        }
        for (int i = 0; i < w.length; i++) {
            w[i] /= sum;  // the oracles take the weights as given; the solver normalises them
        }
        return PointCloud.of(c.dimension(), c.positions(), w);
    }

    private static PointCloud reweighted(PointCloud c, Random rng) {
        double[] w = new double[c.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = 0.2 + rng.nextDouble();
        }
        return PointCloud.of(c.dimension(), c.positions(), w);
    }
}
