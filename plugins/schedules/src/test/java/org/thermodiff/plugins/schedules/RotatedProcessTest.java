package org.thermodiff.plugins.schedules;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.thermodiff.distribution.Gaussian;
import org.thermodiff.distribution.GaussianMixtureNd;
import org.thermodiff.process.RotatedProcess;
import org.thermodiff.process.RotatingSchedule;
import org.thermodiff.spi.MultivariateDistribution;
import org.thermodiff.spi.process.ForwardProcess;
import org.thermodiff.spi.process.GaussianPath;
import org.thermodiff.spi.process.VelocityField;

/**
 * The non-conservative process against what defines it, by finite differences that share no code
 * with it: the continuity equation {@code ∂_t ln P + ∇·ν + ν·∇ln P = 0} (Eq. 1) with its own
 * marginal and velocity, the curl {@code 2g/τ} of the added force, the divergence and the score.
 */
class RotatedProcessTest {

    static final double TAU = 1.0;
    static final double G = 2.0;
    static final MultivariateDistribution DATA = GaussianMixtureNd.isotropic(new double[][] {{1.2, 0.3}, {-0.7, 0.9}, {0.2, -1.1}}, 0.35);
    static final MultivariateDistribution PRIOR = GaussianMixtureNd.isotropic(new double[][] {{0, 0}}, 1);
    static final double[][] POINTS = {{0.4, -0.2}, {-1.0, 0.8}, {1.5, 1.1}, {0.1, -1.3}};

    static ForwardProcess process(double g) {
        return new RotatingSchedule(new CosineSchedule(), g).forward(DATA, PRIOR, TAU);
    }

    static double[] velocity(VelocityField f, double t, double[] x) {
        double[] v = new double[2];
        f.velocity(t, x.clone(), v, 0, 1);
        return v;
    }

    /** {@code ∂_t ln P_t + ∇·ν_t + ν_t·∇ln P_t = 0}: P and ν agree with each other (Eq. 1). */
    @Test
    void continuityEquationHolds() {
        ForwardProcess p = process(G);
        double h = 1e-5;
        for (double t : new double[] {0.2, 0.5, 0.8}) {
            for (double[] x : POINTS) {
                double dtLog = (p.marginalLaw(t + h).logDensity(x) - p.marginalLaw(t - h).logDensity(x)) / (2 * h);
                MultivariateDistribution law = p.marginalLaw(t);
                double[] v = velocity(p.velocity(), t, x);
                double divergence = 0;
                double transport = 0;
                for (int j = 0; j < 2; j++) {
                    double[] plus = x.clone();
                    double[] minus = x.clone();
                    plus[j] += h;
                    minus[j] -= h;
                    divergence += (velocity(p.velocity(), t, plus)[j] - velocity(p.velocity(), t, minus)[j]) / (2 * h);
                    transport += v[j] * (law.logDensity(plus) - law.logDensity(minus)) / (2 * h);
                }
                // Central differences: error O(h² f''') ≈ 1e-10 and rounding O(ε/h) ≈ 1e-11 per term, times
                // the size of the terms (≤ 10 here); 1e-6 leaves a wide margin yet fails for a field off by
                // (g/τ) J x (residual of order g|x|·|∇ln P| ≈ 1) or for an unrotated marginal.
                assertEquals(0, dtLog + divergence + transport, 1e-6, "t=" + t + " x=" + x[0] + "," + x[1]);
            }
        }
    }

    /** The added force is a rotation: the curl of ν is 2g/τ everywhere (the base field is a gradient). */
    @Test
    void curlIsTwiceTheRotationRate() {
        ForwardProcess p = process(G);
        double h = 1e-5;
        for (double[] x : POINTS) {
            double[] x1p = {x[0] + h, x[1]};
            double[] x1m = {x[0] - h, x[1]};
            double[] x2p = {x[0], x[1] + h};
            double[] x2m = {x[0], x[1] - h};
            double curl = (velocity(p.velocity(), 0.4, x1p)[1] - velocity(p.velocity(), 0.4, x1m)[1]) / (2 * h)
                    - (velocity(p.velocity(), 0.4, x2p)[0] - velocity(p.velocity(), 0.4, x2m)[0]) / (2 * h);
            assertEquals(2 * G / TAU, curl, 1e-6); // central differences, as above
        }
    }

    @Test
    void divergenceAndScoreMatchFiniteDifferences() {
        ForwardProcess p = process(G);
        VelocityField f = p.velocity();
        double h = 1e-5;
        double t = 0.6;
        MultivariateDistribution law = p.marginalLaw(t);
        for (double[] x : POINTS) {
            double[] div = new double[1];
            f.divergence(t, x.clone(), div, 0, 1);
            double[] score = new double[2];
            f.diffusion().orElseThrow().score(t, x.clone(), score, 0, 1);
            double fd = 0;
            for (int j = 0; j < 2; j++) {
                double[] plus = x.clone();
                double[] minus = x.clone();
                plus[j] += h;
                minus[j] -= h;
                fd += (velocity(f, t, plus)[j] - velocity(f, t, minus)[j]) / (2 * h);
                assertEquals((law.logDensity(plus) - law.logDensity(minus)) / (2 * h), score[j], 1e-6);
            }
            assertEquals(fd, div[0], 1e-6);
        }
    }

    /** g = 0 is the schedule itself; the marginal's moments are the base's, rotated by g t/τ. */
    @Test
    void zeroStrengthIsTheBaseAndMarginalsRotate() {
        ForwardProcess plain = new CosineSchedule().forward(DATA, PRIOR, TAU);
        ForwardProcess zero = process(0);
        for (double[] x : POINTS) {
            assertArrayEquals(velocity(plain.velocity(), 0.3, x), velocity(zero.velocity(), 0.3, x), 1e-15);
        }
        double t = 0.5;
        double theta = G * t / TAU;
        double c = Math.cos(theta);
        double s = Math.sin(theta);
        double[] m0 = plain.marginalLaw(t).meanVector();
        double[][] s0 = plain.marginalLaw(t).covarianceMatrix();
        MultivariateDistribution rotated = process(G).marginalLaw(t);
        double[][] r = {{c, -s}, {s, c}};
        double[] m = rotated.meanVector();
        double[][] cov = rotated.covarianceMatrix();
        for (int i = 0; i < 2; i++) {
            assertEquals(r[i][0] * m0[0] + r[i][1] * m0[1], m[i], 1e-14);
            for (int j = 0; j < 2; j++) {
                double expected = 0;
                for (int a = 0; a < 2; a++) {
                    for (int b = 0; b < 2; b++) {
                        expected += r[i][a] * s0[a][b] * r[j][b];
                    }
                }
                assertEquals(expected, cov[i][j], 1e-14);
            }
        }
        // The standard normal prior is rotation invariant: P_τ is unchanged.
        assertEquals(PRIOR.logDensity(new double[] {0.3, -0.8}), process(G).marginalLaw(TAU).logDensity(new double[] {0.3, -0.8}), 1e-14);
    }

    /** Slices of a cloud: each particle as if alone, and nothing outside the slice written. */
    @Test
    void slicesAreEvaluatedInPlace() {
        ForwardProcess p = process(G);
        double[] x = {0.4, -0.2, -1.0, 0.8, 1.5, 1.1, 0.1, -1.3};
        double[] v = {7, 7, 7, 7, 7, 7, 7, 7};
        double[] div = {7, 7, 7, 7};
        double[] score = {7, 7, 7, 7, 7, 7, 7, 7};
        p.velocity().velocity(0.4, x, v, 1, 3);
        p.velocity().divergence(0.4, x, div, 1, 3);
        p.velocity().diffusion().orElseThrow().score(0.4, x, score, 1, 3);
        for (int i = 0; i < 4; i++) {
            double[] xi = {x[2 * i], x[2 * i + 1]};
            double[] alone = velocity(p.velocity(), 0.4, xi);
            double[] d1 = new double[1];
            p.velocity().divergence(0.4, xi, d1, 0, 1);
            double[] s1 = new double[2];
            p.velocity().diffusion().orElseThrow().score(0.4, xi, s1, 0, 1);
            boolean inside = i == 1 || i == 2;
            for (int j = 0; j < 2; j++) {
                assertEquals(inside ? alone[j] : 7, v[2 * i + j], 0, "velocity " + i);
                assertEquals(inside ? s1[j] : 7, score[2 * i + j], 0, "score " + i);
            }
            assertEquals(inside ? d1[0] : 7, div[i], 0, "divergence " + i);
        }
    }

    /**
     * The Gaussian path: the base coefficients with the angular rate g/τ (τ = 2 tells the two apart),
     * and a rotated rotated process turns at the sum of the rates, as its field
     * {@code R_2(R_1 ν⁰(R_1⁻¹R_2⁻¹x) + ω_1 J R_2⁻¹x) + ω_2 J x} says (checked pointwise against the single
     * rotation by the summed strength, which shares only the base field with it).
     */
    @Test
    void gaussianPathTurnsAtGOverTau() {
        ForwardProcess base = new CondOtSchedule().forward(DATA, PRIOR, 2.0);
        ForwardProcess once = new RotatingSchedule(new CondOtSchedule(), 3).forward(DATA, PRIOR, 2.0);
        GaussianPath plain = base.gaussianPath().orElseThrow();
        GaussianPath path = once.gaussianPath().orElseThrow();
        assertEquals(0, plain.angularRate(), 0);
        assertEquals(1.5, path.angularRate(), 0);
        for (double t : new double[] {0.0, 0.7, 2.0}) {
            assertEquals(plain.m(t), path.m(t), 0);
            assertEquals(plain.mDot(t), path.mDot(t), 0);
            assertEquals(plain.sigma(t), path.sigma(t), 0);
            assertEquals(plain.sigmaDot(t), path.sigmaDot(t), 0);
            assertEquals(plain.temperature(t), path.temperature(t), 0);
        }
        ForwardProcess twice = new RotatedProcess(once, -1);
        assertEquals(1.0, twice.gaussianPath().orElseThrow().angularRate(), 1e-15);
        ForwardProcess summed = new RotatingSchedule(new CondOtSchedule(), 2).forward(DATA, PRIOR, 2.0);
        for (double[] x : POINTS) {
            assertArrayEquals(velocity(summed.velocity(), 0.9, x), velocity(twice.velocity(), 0.9, x), 1e-12);
        }
    }

    @Test
    void theLineIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RotatingSchedule(new CosineSchedule(), G).forward(Gaussian.of(0, 1), Gaussian.STANDARD, TAU));
        assertTrue(e.getMessage().contains("at least 2 dimensions"), e.getMessage());
    }
}
