package org.thermodiff.plugins.distances;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.thermodiff.spi.sampling.PointCloud;

class SlicedWassersteinTest {

    /** Projections are 1-Lipschitz, so every slice, hence SW2, is at most the exact W2. */
    @Test
    void slicedIsAtMostExact() {
        Random rng = new Random(21);
        SlicedWasserstein sliced = new SlicedWasserstein(new SlicedWasserstein.Params(64, 5));
        ExactTransport exact = new ExactTransport();
        for (int trial = 0; trial < 12; trial++) {
            int d = 2 + trial % 3;
            PointCloud a = TransportOracles.random(rng, 30, d, 0, trial % 2 == 0);
            PointCloud b = TransportOracles.random(rng, trial % 2 == 0 ? 30 : 25, d, 0.4, trial % 2 == 0);
            TransportResult r = exact.solve(a, b, 2);
            // slack: the quantisation bound of the exact cost plus double rounding (~1e-14)
            assertTrue(sliced.squared(a, b) <= r.cost() + r.errorBound() + 1e-12, "trial " + trial);
        }
    }

    /** In 1-D both directions ±1 give the line itself: SW2 = W2, against the LP of the weighted problem. */
    @Test
    void equalsW2InOneDimension() {
        Random rng = new Random(22);
        SlicedWasserstein sliced = new SlicedWasserstein(new SlicedWasserstein.Params(3, 9));
        for (int trial = 0; trial < 10; trial++) {
            boolean uniform = trial % 2 == 0;
            PointCloud a = TransportOracles.random(rng, 6, 1, 0, uniform);
            PointCloud b = TransportOracles.random(rng, uniform ? 6 : 5, 1, 0.5, uniform);
            // simplex optimum and the sorted sums: both exact to ~1e-14 on costs of order 1
            assertEquals(TransportOracles.linearProgram(a, b, 2), sliced.squared(a, b), 1e-12, "trial " + trial);
        }
    }

    /**
     * Two point masses at distance r in R^d: every slice is |θ·u|² r², and E(θ·u)² = 1/d. In d = 2,
     * (θ·u)² = cos²φ has variance 1/8, so with L = 20000 directions the estimate of 1/2 has standard
     * error √(1/8/20000) = 0.0025: a tolerance of 0.0125 is five standard errors.
     */
    @Test
    void monteCarloOverDirectionsConvergesToTheSphericalAverage() {
        PointCloud a = PointCloud.uniform(2, new double[] {0, 0});
        PointCloud b = PointCloud.uniform(2, new double[] {3, 4});
        SlicedWasserstein sliced = new SlicedWasserstein(new SlicedWasserstein.Params(20_000, 17));
        assertEquals(0.5, sliced.squared(a, b) / 25, 0.0125);
    }
}
