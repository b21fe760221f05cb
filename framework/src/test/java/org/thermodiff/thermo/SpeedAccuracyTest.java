package org.thermodiff.thermo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.thermodiff.spi.TransportPlan;
import org.thermodiff.spi.sampling.Cloud;

class SpeedAccuracyTest {

    /**
     * ∂_tW1 by the envelope theorem against a central difference of W1 along straight-line motion
     * with the plan re-optimised at each time (sorted pairing): they agree because the optimal plan
     * does not change to first order. Linear motion makes the difference exact up to rounding.
     */
    @Test
    void envelopeDerivativeMatchesFiniteDifferenceOfW1() {
        double[] x = {-1.2, -0.4, 0.3, 0.9, 2.0};
        double[] y = {-1.0, -0.6, 0.5, 0.7, 2.4};
        double[] vx = {0.3, -0.1, 0.2, 0.05, -0.4};
        double[] vy = {-0.2, 0.1, 0.0, 0.3, 0.1};
        double[] w = {0.1, 0.3, 0.2, 0.25, 0.15};
        Cloud a = Cloud.of(x, w, vx);
        Cloud b = Cloud.of(y, w, vy);
        int[] id = {0, 1, 2, 3, 4};
        double rate = SpeedAccuracy.w1Rate(new TransportPlan(id, id, w), a, b);
        double h = 1e-6;
        double fd = (w1(x, y, vx, vy, w, h) - w1(x, y, vx, vy, w, -h)) / (2 * h);
        assertEquals(fd, rate, 1e-9);
    }

    private static double w1(double[] x, double[] y, double[] vx, double[] vy, double[] w, double t) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += w[i] * Math.abs(x[i] + t * vx[i] - (y[i] + t * vy[i]));
        }
        return s;
    }

    @Test
    void etaAndVLossFollowEquations77And80() {
        // ΔW1 = 0.6071608906 − 1, D0 = e − 1 (N(1,1) against N(0,1)), τ = 1.
        assertEquals(0.0898121387, SpeedAccuracy.eta(0.6071608906, 1.0, 1.0, Math.E - 1), 1e-10);
        assertEquals(0.25 / 2, SpeedAccuracy.vLossSquared(0.5, 2), 0);
    }

    @Test
    void meanSquaredVelocityIsTheWeightedSecondMoment() {
        Cloud c = Cloud.of(new double[] {0, 1}, new double[] {0.25, 0.75}, new double[] {2, -1});
        assertEquals(0.25 * 4 + 0.75, SpeedAccuracy.meanSquaredVelocity(c), 0);
    }
}
