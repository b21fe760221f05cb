package org.thermodiff.plugins.distances;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.thermodiff.spi.sampling.PointCloud;

class SinkhornTest {

    /**
     * As ε ↓ 0 the regularised plan's cost ⟨π_ε, C⟩ decreases to the optimal cost (it is
     * non-decreasing in ε: compare the optimality of π_ε1 and π_ε2 for each other's objective),
     * and 0 ≤ ⟨π_ε, C⟩ − OT ≤ ε (H(π_ε) − H(π*)) ≤ ε min(H(a), H(b)) ≤ ε log min(n, m), because the
     * entropy of any coupling lies between max(H(a), H(b)) and H(a) + H(b). The exact optimum comes
     * from OR-Tools, checked elsewhere against the LP.
     */
    @Test
    void costDecreasesToTheExactOptimumAsEpsilonVanishes() {
        Random rng = new Random(31);
        PointCloud a = TransportOracles.random(rng, 20, 2, 0, false);
        PointCloud b = TransportOracles.random(rng, 15, 2, 0.8, false);
        TransportResult exact = new ExactTransport().solve(a, b, 2);
        double previous = Double.POSITIVE_INFINITY;
        // tolerance 1e-12 in L1 on the marginals changes the cost by at most about 1e-12 · C_max ~ 1e-10
        double slack = 1e-9;
        for (double epsilon : new double[] {3, 1, 0.3, 0.1, 0.03, 0.01, 0.003, 0.001}) {
            TransportResult r = new Sinkhorn(epsilon, 200_000, 1e-12, 2).solve(a, b, 2);
            assertTrue(r.cost() <= previous + slack, "not monotone at epsilon " + epsilon);
            assertTrue(r.cost() >= exact.cost() - exact.errorBound() - slack, "below the optimum at " + epsilon);
            assertTrue(r.cost() - exact.cost() <= epsilon * Math.log(15) + slack,
                    "gap " + (r.cost() - exact.cost()) + " at epsilon " + epsilon);
            previous = r.cost();
        }
    }

    /** The plan couples the two clouds: columns exactly (last update), rows to the tolerance. */
    @Test
    void marginalsAreSatisfied() {
        Random rng = new Random(32);
        PointCloud a = TransportOracles.random(rng, 12, 3, 0, false);
        PointCloud b = TransportOracles.random(rng, 9, 3, 0.5, false);
        TransportResult r = new Sinkhorn(0.05, 100_000, 1e-10, 1).solve(a, b, 1);
        double[][] m = TransportOracles.marginals(r.plan(), 12, 9);
        double l1 = 0;
        for (int i = 0; i < 12; i++) {
            l1 += Math.abs(m[0][i] - a.weights()[i]);
        }
        assertTrue(l1 <= 1e-10, "row marginals off by " + l1);
        // columns: exact after the g-update, up to rounding of 12-term sums and the dropped ≤ 1e-15 mass
        assertArrayEquals(b.weights(), m[1], 1e-14);
        assertEquals(r.cost(), r.plan().mass().length > 0 ? GroundCost.planCost(GroundCost.matrix(a, b, 1), 9,
                r.plan().source(), r.plan().target(), r.plan().mass()) : 0, 1e-14);
    }

    @Test
    void notConvergingIsAnError() {
        Random rng = new Random(33);
        PointCloud a = TransportOracles.random(rng, 10, 2, 0, false);
        PointCloud b = TransportOracles.random(rng, 10, 2, 3, false);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new Sinkhorn(1e-3, 2, 1e-12, 2).solve(a, b, 2));
        assertTrue(e.getMessage().startsWith("Sinkhorn did not reach tolerance 1.0E-12 in 2 iterations"), e.getMessage());
    }
}
