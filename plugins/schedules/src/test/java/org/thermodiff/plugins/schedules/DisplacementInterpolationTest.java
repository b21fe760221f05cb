package org.thermodiff.plugins.schedules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.thermodiff.distribution.Gaussian;
import org.thermodiff.distribution.GaussianMixture;
import org.thermodiff.distribution.Uniform;
import org.thermodiff.math.NormalScoreRule;
import org.thermodiff.spi.Distribution;
import org.thermodiff.spi.process.FlowMap;
import org.thermodiff.spi.process.ForwardProcess;
import org.thermodiff.spi.process.VelocityField;

class DisplacementInterpolationTest {

    static final GaussianMixture PAPER = GaussianMixture.of(new double[] {0.5, 0.5},
            new double[] {Math.sqrt(0.35), -Math.sqrt(0.35)}, new double[] {0.3, 0.3});
    static final double TAU = 1.5;
    /** W2(q, N(0,1))² from the independent SciPy oracle (src/test/resources/oracle of the bundle). */
    static final double W2_SQUARED = 0.147289482007;

    private final DisplacementInterpolation ot = new DisplacementInterpolation(PAPER, Gaussian.STANDARD, TAU);

    @Test
    void endsAreTheDataAndThePrior() {
        assertEquals(PAPER, ot.marginal(0));
        assertEquals(Gaussian.STANDARD, ot.marginal(TAU));
    }

    /** T pushes q to N(0,1): the map sends the q-quantile of z to z itself. */
    @Test
    void optimalMapIsTheMonotoneRearrangement() {
        for (double z = -8; z <= 8; z += 0.5) {
            assertEquals(z, ot.map(PAPER.fromNormalScore(z)), 1e-11 * (1 + Math.abs(z)));
        }
    }

    /** Particles move on straight lines at constant speed: ν_t(X_t(x0)) = (T(x0) − x0)/τ at every t. */
    @Test
    void velocityIsConstantAlongStraightTrajectories() {
        VelocityField v = ot.velocity();
        for (double x0 : new double[] {-1.5, -0.6, 0, 0.3, 1.2}) {
            double displacement = ot.map(x0) - x0;
            for (double s : new double[] {0, 0.2, 0.5, 0.9, 1}) {
                double x = (1 - s) * x0 + s * ot.map(x0);
                assertEquals(displacement / TAU, v.velocity(s * TAU, x), 1e-12, "x0=" + x0 + " s=" + s);
            }
        }
    }

    /**
     * ν = −∂_tF/p, with ∂_tF by 4th-order central differences of the marginal CDF (a second route
     * to ν; truncation ≈ h⁴ ≈ 1e-13, rounding ≈ 1e-16/h ≈ 1e-12, divided by p ≥ 0.05).
     */
    @Test
    void velocitySolvesTheContinuityEquation() {
        double h = 1e-3 * TAU;
        for (double t : new double[] {0.2 * TAU, 0.6 * TAU}) {
            Distribution p = ot.marginal(t);
            for (double x = -2; x <= 2; x += 0.5) {
                double dFdt = (ot.marginal(t - 2 * h).cdf(x) - 8 * ot.marginal(t - h).cdf(x)
                        + 8 * ot.marginal(t + h).cdf(x) - ot.marginal(t + 2 * h).cdf(x)) / (12 * h);
                assertEquals(-dFdt / p.density(x), ot.velocity().velocity(t, x), 1e-9, "t=" + t + " x=" + x);
            }
        }
    }

    /** The marginals are consistent: F(Q(z)) = Φ(z), and the density is the derivative of F. */
    @Test
    void marginalsAreConsistentDistributions() {
        Distribution p = ot.marginal(0.4 * TAU);
        for (double z = -6; z <= 6; z += 1.5) {
            double x = p.fromNormalScore(z);
            assertEquals(z, p.toNormalScore(x), 1e-10);
            double h = 1e-5;
            assertEquals((p.cdf(x + h) - p.cdf(x - h)) / (2 * h), p.density(x), 1e-8);
        }
        NormalScoreRule rule = NormalScoreRule.of(512, 16, 8.5);
        double mean = rule.expectation(p::fromNormalScore);
        assertEquals(mean, p.mean(), 1e-12);
    }

    /**
     * E_{P_t}|ν_t|² = W2(q, N(0,1))²/τ² at every t (Eq. 91 with equality): the OT path moves at
     * constant W2 speed. Expectations by normal-score quadrature on P_t's quantiles.
     */
    @Test
    void kineticEnergyIsConstantAndEqualsTheSquaredW2Speed() {
        NormalScoreRule rule = NormalScoreRule.of(1024, 16, 8.5);
        for (double s : new double[] {0, 0.3, 0.7, 1}) {
            Distribution p = ot.marginal(s * TAU);
            double[] x = rule.map(p::fromNormalScore);
            double[] v = new double[x.length];
            ot.velocity().velocity(s * TAU, x, v);
            double[] w = rule.weights();
            double energy = 0;
            for (int i = 0; i < x.length; i++) {
                energy += w[i] * v[i] * v[i];
            }
            assertEquals(W2_SQUARED / (TAU * TAU), energy, 1e-11, "s = " + s);
        }
    }

    @Test
    void divergenceIsTheSpatialDerivativeOfTheVelocity() {
        VelocityField v = ot.velocity();
        double h = 1e-4;
        for (double t : new double[] {0, 0.5 * TAU, TAU}) {
            double[] x = {-1.7, -0.2, 0.9};
            double[] div = new double[3];
            v.divergence(t, x, div, 0, 3);
            for (int i = 0; i < 3; i++) {
                double fd = (v.velocity(t, x[i] + h) - v.velocity(t, x[i] - h)) / (2 * h);
                assertEquals(fd, div[i], 1e-6, "t=" + t + " x=" + x[i]);
            }
        }
    }

    /**
     * The closed-form flow against a second route: classical RK4 on dx/dt = ν_t(x) with 2000 steps
     * (error ≈ C h⁴ ≈ 1e-13 for h = 5e-4 τ); its stretch against a central difference of the flow
     * in x (h = 1e-5: truncation ≈ h² ≈ 1e-10, rounding ≈ 1e-16/h ≈ 1e-11); and Φ_{b→a} ∘ Φ_{a→b} = id.
     */
    @Test
    void exactFlowSolvesTheOdeAndStretchesSpaceByItsDerivative() {
        FlowMap flow = ot.velocity().flowMap().orElseThrow();
        double a = 0.9 * TAU;
        double b = 0.15 * TAU;
        double[] x = {-2.1, -0.7, 0.05, 0.8, 1.9};
        double[] moved = new double[x.length];
        double[] logStretch = new double[x.length];
        flow.transport(a, b, x, moved, logStretch, 0, x.length);
        int steps = 2000;
        double h = (b - a) / steps;
        for (int i = 0; i < x.length; i++) {
            double y = x[i];
            for (int k = 0; k < steps; k++) {
                double t = a + k * h;
                double k1 = ot.velocity().velocity(t, y);
                double k2 = ot.velocity().velocity(t + h / 2, y + h / 2 * k1);
                double k3 = ot.velocity().velocity(t + h / 2, y + h / 2 * k2);
                double k4 = ot.velocity().velocity(t + h, y + h * k3);
                y += h / 6 * (k1 + 2 * k2 + 2 * k3 + k4);
            }
            assertEquals(y, moved[i], 1e-11, "x=" + x[i]);

            double e = 1e-5;
            double[] pair = {x[i] - e, x[i] + e};
            flow.transport(a, b, pair, pair, null, 0, 2);
            assertEquals(Math.log((pair[1] - pair[0]) / (2 * e)), logStretch[i], 1e-8, "stretch at x=" + x[i]);
        }
        double[] back = new double[x.length];
        flow.transport(b, a, moved, back, null, 0, x.length);
        for (int i = 0; i < x.length; i++) {
            assertEquals(x[i], back[i], 1e-12, "round trip of x=" + x[i]);
        }
    }

    /** Bounded data: the inverse flow stays inside the support and velocities are finite. */
    @Test
    void handlesDataWithBoundedSupport() {
        ForwardProcess p = new OptimalTransportSchedule().forward(new Uniform(-1, 1), Gaussian.STANDARD, 1.0);
        for (double x = -2.5; x <= 2.5; x += 0.5) {
            double v = p.velocity().velocity(0.5, x);
            assertTrue(Double.isFinite(v), "x=" + x);
        }
        assertTrue(p.temperature(0.5).isEmpty(), "optimal transport has no temperature");
    }
}
