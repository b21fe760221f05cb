package org.thermodiff.plugins.distances;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.thermodiff.distribution.Gaussian;
import org.thermodiff.spi.Distance;
import org.thermodiff.spi.TransportPlan;
import org.thermodiff.spi.sampling.PointCloud;

/** The distance plugins on n-D clouds, through the {@link Distance} interface. */
class PointCloudDistancesTest {

    private final Distance w1 = new WassersteinDistance(1, new WassersteinDistance.Params(4096, ExactTransport.DEFAULT_CANDIDATES));
    private final Distance w2 = new WassersteinDistance(2, new WassersteinDistance.Params(4096, ExactTransport.DEFAULT_CANDIDATES));

    /** w1 and w2 on 2-D clouds are the LP optimum (to its 1e-12 rounding), and the plan's cost is the distance. */
    @Test
    void w1AndW2OnPointCloudsAreExact() {
        Random rng = new Random(41);
        PointCloud a = TransportOracles.random(rng, 5, 2, 0, false);
        PointCloud b = TransportOracles.random(rng, 6, 2, 1, false);
        assertEquals(TransportOracles.linearProgram(a, b, 1), w1.between(a, b), 1e-12);
        assertEquals(Math.sqrt(TransportOracles.linearProgram(a, b, 2)), w2.between(a, b), 1e-12);
        TransportPlan plan = w2.plan(a, b).orElseThrow();
        double cost = GroundCost.planCost(GroundCost.matrix(a, b, 2), 6, plan.source(), plan.target(), plan.mass());
        assertEquals(w2.between(a, b), Math.sqrt(cost), 1e-15);
    }

    /** In 1-D the point-cloud path is the monotone coupling, against the LP. */
    @Test
    void oneDimensionalPointCloudsUseTheMonotoneCoupling() {
        Random rng = new Random(42);
        PointCloud a = TransportOracles.random(rng, 6, 1, 0, false);
        PointCloud b = TransportOracles.random(rng, 4, 1, 0.3, false);
        assertEquals(TransportOracles.linearProgram(a, b, 1), w1.between(a, b), 1e-12);
        assertTrue(w1.plan(a, b).isPresent());
    }

    /** sinkhorn is a transport distance on clouds only; sliced-w2 between 1-D distributions is W2 (Bures in 1-D). */
    @Test
    void pluginsBetweenDistributions() {
        Distance sinkhorn = new Sinkhorn(new Sinkhorn.Params(0.01, 10_000, 1e-9, 2));
        assertTrue(sinkhorn.isTransport());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> sinkhorn.between(Gaussian.STANDARD, Gaussian.STANDARD));
        assertTrue(e.getMessage().startsWith("sinkhorn compares clouds, not distributions"), e.getMessage());
        Distance sliced = new SlicedWasserstein(new SlicedWasserstein.Params(16, 1));
        // quadrature exact to 1e-13 for Gaussians (WassersteinDistanceTest)
        assertEquals(Math.sqrt(1 + 0.25), sliced.between(Gaussian.of(0, 1), Gaussian.of(1, 1.5)), 1e-12);
    }
}
