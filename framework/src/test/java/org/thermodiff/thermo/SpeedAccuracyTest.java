package org.thermodiff.thermo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.thermodiff.spi.TransportPlan;
import org.thermodiff.spi.sampling.Cloud;
import org.thermodiff.spi.sampling.PointCloud;

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
        double rate = SpeedAccuracy.w1Rate(new TransportPlan(id, id, w), PointCloud.of(a), PointCloud.of(b));
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
        assertEquals(0.25 * 4 + 0.75, SpeedAccuracy.meanSquaredVelocity(PointCloud.of(c)), 0);
    }

    // ---- n dimensions ---------------------------------------------------------------------

    /** Five 2-D points per cloud, equal weights, generic positions (no ties between permutations). */
    private static final double[] X2 = {-1.2, 0.3, -0.4, 1.1, 0.3, -0.9, 0.9, 0.8, 2.0, -0.2};
    private static final double[] Y2 = {-1.0, 0.9, -0.6, 0.1, 0.5, -1.3, 0.7, 1.5, 2.4, 0.4};
    private static final double[] VX2 = {0.3, 0.1, -0.1, 0.4, 0.2, -0.3, 0.05, 0.2, -0.4, 0.1};
    private static final double[] VY2 = {-0.2, 0.3, 0.1, 0.0, 0.0, -0.1, 0.3, 0.2, 0.1, -0.5};

    /**
     * In 2-D: the envelope-theorem rate over the optimal assignment against a central difference of
     * W1 along linear motion, where W1 at each shifted time is re-optimised by brute force over all
     * 5! assignments (an independent solver). The optimal assignment is unique here, so W1 is smooth
     * at h = 0 and the difference of a piecewise-linear-in-|·| function is exact to O(h²·curvature):
     * h = 1e-6 gives ≈ 1e-12, rounding ≈ 1e-16/h = 1e-10.
     */
    @Test
    void envelopeDerivativeInTwoDimensionsMatchesFiniteDifferenceOfTheOptimalW1() {
        int[] best = bestAssignment(0);
        int n = best.length;
        int[] id = new int[n];
        double[] mass = new double[n];
        for (int i = 0; i < n; i++) {
            id[i] = i;
            mass[i] = 1.0 / n;
        }
        double[] w = mass.clone();
        PointCloud a = new PointCloud(2, X2, w, VX2, new double[0], new int[0], 0);
        PointCloud b = new PointCloud(2, Y2, w, VY2, new double[0], new int[0], 0);
        TransportPlan plan = new TransportPlan(id, best, mass);
        double rate = SpeedAccuracy.w1Rate(plan, a, b);
        double h = 1e-6;
        double fd = (optimalW1(h) - optimalW1(-h)) / (2 * h);
        assertEquals(fd, rate, 1e-9);
        assertEquals(optimalW1(0), SpeedAccuracy.transportCost(plan, a, b, 1), 1e-15);
    }

    /** With d = 1 the rate is Σ π sign(x − y)(ν(x) − ν(y)), the second moment Σ w ν², the cost Σ π |x − y|^p. */
    @Test
    void inOneDimensionTheNdFormulasAreTheOneDimensionalOnes() {
        double[] x = {-1.2, -0.4, 0.3, 0.9};
        double[] y = {-1.0, -0.6, 0.5, 0.7};
        double[] vx = {0.3, -0.1, 0.2, 0.05};
        double[] vy = {-0.2, 0.1, 0.0, 0.3};
        double[] w = {0.1, 0.3, 0.2, 0.4};
        int[] id = {0, 1, 2, 3};
        TransportPlan plan = new TransportPlan(id, id, w);
        Cloud a = Cloud.of(x, w, vx);
        Cloud b = Cloud.of(y, w, vy);
        double rate = 0;
        double moment = 0;
        for (int i = 0; i < x.length; i++) {
            rate += w[i] * Math.signum(x[i] - y[i]) * (vx[i] - vy[i]);
            moment += w[i] * vx[i] * vx[i];
        }
        assertEquals(rate, SpeedAccuracy.w1Rate(plan, PointCloud.of(a), PointCloud.of(b)), 1e-16);
        assertEquals(moment, SpeedAccuracy.meanSquaredVelocity(PointCloud.of(a)), 1e-16);
        assertEquals(plan.cost(x, y, 2), SpeedAccuracy.transportCost(plan, PointCloud.of(a), PointCloud.of(b), 2), 1e-16);
    }

    /** E|ν|² in 2-D: Σ w_i (ν_x² + ν_y²), computed by hand for two particles. */
    @Test
    void meanSquaredVelocityInTwoDimensionsSumsOverComponents() {
        PointCloud c = new PointCloud(2, new double[] {0, 0, 1, 1}, new double[] {0.25, 0.75},
                new double[] {3, 4, 1, -2}, new double[0], new int[0], 0);
        assertEquals(0.25 * 25 + 0.75 * 5, SpeedAccuracy.meanSquaredVelocity(c), 1e-15);
    }

    private static double optimalW1(double h) {
        return assignmentCost(bestAssignment(h), h);
    }

    private static double assignmentCost(int[] p, double h) {
        double s = 0;
        int n = p.length;
        for (int i = 0; i < n; i++) {
            double dx = X2[2 * i] + h * VX2[2 * i] - Y2[2 * p[i]] - h * VY2[2 * p[i]];
            double dy = X2[2 * i + 1] + h * VX2[2 * i + 1] - Y2[2 * p[i] + 1] - h * VY2[2 * p[i] + 1];
            s += Math.hypot(dx, dy) / n;
        }
        return s;
    }

    /** The cheapest assignment of the clouds moved for time h, by enumerating all permutations. */
    private static int[] bestAssignment(double h) {
        int n = X2.length / 2;
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        int[] best = p.clone();
        double bestCost = assignmentCost(p, h);
        // Heap's algorithm over all n! permutations.
        int[] c = new int[n];
        int i = 0;
        while (i < n) {
            if (c[i] < i) {
                int j = i % 2 == 0 ? 0 : c[i];
                int tmp = p[j];
                p[j] = p[i];
                p[i] = tmp;
                double cost = assignmentCost(p, h);
                if (cost < bestCost) {
                    bestCost = cost;
                    best = p.clone();
                }
                c[i]++;
                i = 0;
            } else {
                c[i] = 0;
                i++;
            }
        }
        return best;
    }
}
