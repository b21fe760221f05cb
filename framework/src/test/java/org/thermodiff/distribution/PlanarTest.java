package org.thermodiff.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.thermodiff.distribution.MultivariateGaussianTest.integrate2d;

import java.util.function.ToDoubleFunction;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.thermodiff.distribution.MultivariateGaussianTest.SampleMoments;

class PlanarTest {

    private static final double START = Planar.SWISS_ROLL_START;
    private static final double END = START + 2 * Math.PI * Planar.SWISS_ROLL_TURNS;

    /**
     * Draws lie on the curve with Gaussian noise of the stated width: for a curve whose radius of
     * curvature (≥ 1 here) is far above the noise, the distance to it is |N(0, s²)| to first order,
     * so the fraction within s is P(|Z| < 1) = 0.6827; with 4000 draws its standard error is 0.0074,
     * and 0.04 (over 5 standard errors) leaves room for the O(s) end effects. Every draw must be
     * within 6s (a 2e-9 event per draw).
     */
    private static void assertNearCurve(GaussianMixtureNd p, double s, ToDoubleFunction<double[]> distance) {
        int n = 4000;
        double[] x = p.pointSampler(RandomSource.XO_RO_SHI_RO_128_PP.create(3L)).sample(n, 2);
        int within = 0;
        for (int i = 0; i < n; i++) {
            double dist = distance.applyAsDouble(new double[] {x[2 * i], x[2 * i + 1]});
            assertTrue(dist < 6 * s, "draw " + i + " is " + dist / s + " noise widths from the curve");
            within += dist < s ? 1 : 0;
        }
        assertEquals(0.6827, within / (double) n, 0.04);
    }

    /**
     * Distance from x to the spiral scale·(t cos t, t sin t), t in [START, END], as the distance to
     * a polyline of 4000 chords; a chord of arc length L strays L²/8R from the arc, about 6e-6 here
     * (L ≈ 6.7e-3, R ≥ 0.9), negligible against the noise 0.02.
     */
    private static double distanceToSpiral(double[] x, double scale) {
        int m = 4000;
        double best = Double.POSITIVE_INFINITY;
        double px = scale * START * Math.cos(START);
        double py = scale * START * Math.sin(START);
        for (int i = 1; i <= m; i++) {
            double t = START + (END - START) * i / m;
            double qx = scale * t * Math.cos(t);
            double qy = scale * t * Math.sin(t);
            double dx = qx - px;
            double dy = qy - py;
            double u = Math.max(0, Math.min(1, ((x[0] - px) * dx + (x[1] - py) * dy) / (dx * dx + dy * dy)));
            best = Math.min(best, Math.hypot(x[0] - px - u * dx, x[1] - py - u * dy));
            px = qx;
            py = qy;
        }
        return best;
    }

    @Test
    void swissRollDrawsLieOnTheSpiral() {
        double noise = 0.1;
        double scale = 0.2;
        int k = Planar.swissRollComponents(noise, START, Planar.SWISS_ROLL_TURNS, 1);
        GaussianMixtureNd roll = Planar.swissRoll(k, noise, START, Planar.SWISS_ROLL_TURNS, scale);
        assertNearCurve(roll, noise * scale, x -> distanceToSpiral(x, scale));
    }

    /**
     * The mixture's mean against scikit-learn's continuous law (t uniform): E[t cos t] =
     * [t sin t + cos t]/(b − a), E[t sin t] = [sin t − t cos t]/(b − a). The components sit at the
     * midpoints, whose rule errs by at most (Δt²/24) max|f''| with |f''| ≤ 2 + t ≤ 2 + b.
     */
    @Test
    void swissRollMeanIsTheContinuousMean() {
        double scale = 0.2;
        int k = Planar.swissRollComponents(1, START, Planar.SWISS_ROLL_TURNS, 1);
        assertEquals(134, k);   // ⌈√(1 + (4.5π)²) · 3π⌉ = ⌈133.5⌉
        GaussianMixtureNd roll = Planar.swissRoll(k, 1, START, Planar.SWISS_ROLL_TURNS, scale);
        double a = START;
        double b = END;
        double ex = ((b * Math.sin(b) + Math.cos(b)) - (a * Math.sin(a) + Math.cos(a))) / (b - a);
        double ey = ((Math.sin(b) - b * Math.cos(b)) - (Math.sin(a) - a * Math.cos(a))) / (b - a);
        double dt = (b - a) / k;
        double tolerance = scale * dt * dt / 24 * (2 + b);
        assertEquals(scale * ex, roll.meanVector()[0], tolerance);
        assertEquals(scale * ey, roll.meanVector()[1], tolerance);
    }

    /**
     * ∫ p = 1 by the midpoint rule with h = s/2, which is exact to ~exp(−2π²·4) for Gaussians;
     * [−4.5, 4.5]² reaches 8 s beyond the outermost centre (radius 2.83). 1e-9 covers rounding.
     */
    @Test
    void swissRollDensityIntegratesToOne() {
        GaussianMixtureNd roll = Planar.swissRoll(Planar.swissRollComponents(1, START, 1.5, 1), 1, START, 1.5, 0.2);
        assertEquals(1, integrate2d(roll, -4.5, 4.5, 90), 1e-9);
    }

    /** Distance to the two centred half circles of {@link Planar#moons}. */
    private static double distanceToMoons(double[] x) {
        return Math.min(distanceToArc(x[0] + 0.5, x[1] + 0.25, 1), distanceToArc(x[0] - 0.5, x[1] - 0.25, -1));
    }

    /** Distance to the unit half circle above (side 1) or below (side −1) the x-axis, from the centre. */
    private static double distanceToArc(double u, double v, int side) {
        if (v * side >= 0) {
            return Math.abs(Math.hypot(u, v) - 1);
        }
        return Math.min(Math.hypot(u - 1, v), Math.hypot(u + 1, v));
    }

    @Test
    void moonsDrawsLieOnTheArcs() {
        double noise = 0.02;
        GaussianMixtureNd moons = Planar.moons(Planar.moonsComponents(noise, 1), noise, 1);
        assertNearCurve(moons, noise, PlanarTest::distanceToMoons);
    }

    /**
     * Moments of scikit-learn's continuous law, θ uniform on [0, π], derived by hand: mean 0 after
     * the shift; Var x = 3/4, Var y = 9/16 − 1/π, Cov = 1/8 − 1/π, plus noise² on the diagonal,
     * all times scale². The midpoint rule over K cells errs by at most (π/K)²/24 · max|f''|, with
     * |f''| ≤ 4 for the trigonometric quadratics here.
     */
    @Test
    void moonsMomentsAreTheContinuousMoments() {
        double noise = 0.1;
        double scale = 3;
        int k = Planar.moonsComponents(noise, 1);
        assertEquals(32, k);   // ⌈π / 0.1⌉
        GaussianMixtureNd moons = Planar.moons(k, noise, scale);
        double[] mean = moons.meanVector();
        assertEquals(0, mean[0], 1e-14);
        assertEquals(0, mean[1], 1e-14);
        double[][] c = moons.covarianceMatrix();
        double d = Math.PI / k;
        double tolerance = scale * scale * d * d / 24 * 4;
        double s2 = scale * scale;
        assertEquals(s2 * (0.75 + noise * noise), c[0][0], tolerance);
        assertEquals(s2 * (9.0 / 16 - 1 / Math.PI + noise * noise), c[1][1], tolerance);
        assertEquals(s2 * (0.125 - 1 / Math.PI), c[0][1], tolerance);
        // h = s/2 = 0.15 on [−8, 8]²: the outermost centres are within 2.5 scale of the origin.
        assertEquals(1, integrate2d(moons, -8, 8, 107), 1e-9);
    }

    /**
     * Eight Gaussians: mean 0 and covariance (r²/2 + s²) I (cos² averages to 1/2 over eight
     * equally spaced angles and cos·sin to 0); the density integrates to 1 (h = s/2 again).
     */
    @Test
    void eightGaussiansMomentsAndMass() {
        double r = 2 * Math.sqrt(2);
        double s = 0.5 / Math.sqrt(2);
        GaussianMixtureNd eight = Planar.eightGaussians(r, s);
        assertEquals(8, eight.size());
        double[][] c = eight.covarianceMatrix();
        assertEquals(0, eight.meanVector()[0], 1e-15);
        assertEquals(0, eight.meanVector()[1], 1e-15);
        assertEquals(r * r / 2 + s * s, c[0][0], 1e-14);
        assertEquals(r * r / 2 + s * s, c[1][1], 1e-14);
        assertEquals(0, c[0][1], 1e-14);
        assertEquals(1, integrate2d(eight, -6, 6, 68), 1e-9);
        SampleMoments.of(eight.pointSampler(RandomSource.XO_RO_SHI_RO_128_PP.create(5L)), 2, 100_000)
                .assertMatches(eight.meanVector(), c, 5);
    }

    @Test
    void badParametersAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Planar.swissRoll(0, 1, 1, 1, 1));
        assertTrue(e.getMessage().contains("components must be >= 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Planar.moons(10, -0.1, 1));
        assertTrue(e.getMessage().contains("noise must be finite and > 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Planar.eightGaussians(Double.NaN, 1));
        assertTrue(e.getMessage().contains("radius"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Planar.moonsComponents(1e-9, 1));
        assertTrue(e.getMessage().contains("10^6 components"), e.getMessage());
    }
}
