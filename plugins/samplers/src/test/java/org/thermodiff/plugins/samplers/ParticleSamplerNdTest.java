package org.thermodiff.plugins.samplers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.thermodiff.distribution.Gaussian;
import org.thermodiff.distribution.Uniform;
import org.thermodiff.spi.MultivariateDistribution;
import org.thermodiff.spi.process.Diffusion;
import org.thermodiff.spi.process.FlowMap;
import org.thermodiff.spi.process.VelocityField;
import org.thermodiff.spi.sampling.PointCloud;
import org.thermodiff.spi.sampling.PointSamplingProblem;
import org.thermodiff.spi.sampling.PointSamplingRun;
import org.thermodiff.spi.sampling.PointSnapshot;
import org.thermodiff.spi.sampling.TimeGrid;

class ParticleSamplerNdTest {

    static final double TAU = 2.0;
    private static final ForkJoinPool FOUR = new ForkJoinPool(4);

    @AfterAll
    static void shutDown() {
        FOUR.shutdown();
    }

    /** {@code N(0, σ² I_d)}, written here so the test depends on no n-D distribution of the framework. */
    record IsotropicGaussian(int dimension, double sigma) implements MultivariateDistribution {

        @Override
        public double logDensity(double[] x) {
            double s = 0;
            for (double xi : x) {
                s += xi * xi;
            }
            return -0.5 * s / (sigma * sigma) - dimension * (Math.log(sigma) + 0.5 * Math.log(2 * Math.PI));
        }

        @Override
        public PointSampler pointSampler(UniformRandomProvider rng) {
            NormalizedGaussianSampler g = ZigguratSampler.NormalizedGaussian.of(rng);
            return (out, offset) -> {
                for (int k = 0; k < dimension; k++) {
                    out[offset + k] = sigma * g.sample();
                }
            };
        }

        @Override
        public double[] meanVector() {
            return new double[dimension];
        }

        @Override
        public double[][] covarianceMatrix() {
            double[][] c = new double[dimension][dimension];
            for (int k = 0; k < dimension; k++) {
                c[k][k] = sigma * sigma;
            }
            return c;
        }

        @Override
        public String describe() {
            return "N(0, " + sigma + "² I_" + dimension + ")";
        }
    }

    /**
     * The 2-D spiral {@code ν_t(x) = cos(t) x + J x}, {@code J = [[0, −1], [1, 0]]}: scaling and
     * rotation commute, so the flow from {@code a} to {@code b} is
     * {@code x ↦ e^{sin b − sin a} R(b − a) x} ({@code dR/dθ = J R}), and {@code ∇·ν = 2 cos t}, so
     * {@code ln p_b(Φ(x)) = ln p_a(x) − 2 (sin b − sin a)}.
     */
    static final class Spiral implements VelocityField {
        private final boolean withFlow;

        Spiral(boolean withFlow) {
            this.withFlow = withFlow;
        }

        @Override
        public int dimension() {
            return 2;
        }

        @Override
        public void velocity(double t, double[] x, double[] v, int from, int to) {
            double c = Math.cos(t);
            for (int i = from; i < to; i++) {
                double x0 = x[2 * i];
                double x1 = x[2 * i + 1];
                v[2 * i] = c * x0 - x1;
                v[2 * i + 1] = c * x1 + x0;
            }
        }

        @Override
        public boolean hasDivergence() {
            return true;
        }

        @Override
        public void divergence(double t, double[] x, double[] out, int from, int to) {
            Arrays.fill(out, from, to, 2 * Math.cos(t));
        }

        @Override
        public Optional<FlowMap> flowMap() {
            return withFlow ? Optional.of(Spiral::exactFlow) : Optional.empty();
        }

        static void exactFlow(double a, double b, double[] x, double[] out, double[] logStretch, int from, int to) {
            double[] y = new double[2];
            for (int i = from; i < to; i++) {
                map(a, b, x, 2 * i, y);
                out[2 * i] = y[0];
                out[2 * i + 1] = y[1];
                if (logStretch != null) {
                    logStretch[i] = 2 * (Math.sin(b) - Math.sin(a));
                }
            }
        }

        /** The exact flow {@code e^{sin b − sin a} R(b − a)} applied to point {@code x[off, off + 2)}. */
        static void map(double a, double b, double[] x, int off, double[] out) {
            double s = Math.exp(Math.sin(b) - Math.sin(a));
            double c = Math.cos(b - a);
            double sn = Math.sin(b - a);
            out[0] = s * (c * x[off] - sn * x[off + 1]);
            out[1] = s * (sn * x[off] + c * x[off + 1]);
        }
    }

    /**
     * Ornstein–Uhlenbeck forward process {@code dx = −x dt + √2 dB} ({@code f = −x}, {@code T = 1}) on
     * data {@code N(0, s² I)}: {@code P_t = N(0, v_t I)}, {@code v_t = s² e^{−2t} + 1 − e^{−2t}}, score
     * {@code −x/v_t}, probability-flow velocity {@code ν = f − T ∇ln P = x (1/v_t − 1)} (Eq. 1).
     */
    record OrnsteinUhlenbeck(int dimension, double dataVariance) implements VelocityField, Diffusion {

        double variance(double t) {
            double e = Math.exp(-2 * t);
            return dataVariance * e + 1 - e;
        }

        @Override
        public void velocity(double t, double[] x, double[] v, int from, int to) {
            double c = 1 / variance(t) - 1;
            for (int i = from * dimension; i < to * dimension; i++) {
                v[i] = c * x[i];
            }
        }

        @Override
        public Optional<Diffusion> diffusion() {
            return Optional.of(this);
        }

        @Override
        public double temperature(double t) {
            return 1;
        }

        @Override
        public void score(double t, double[] x, double[] out, int from, int to) {
            double c = -1 / variance(t);
            for (int i = from * dimension; i < to * dimension; i++) {
                out[i] = c * x[i];
            }
        }
    }

    private static ParticleSamplerNd.Params params(int n, PointScheme scheme, int steps, double tol, boolean density,
                                                   boolean exact, int threads) {
        return new ParticleSamplerNd.Params(n, 4, scheme, steps, tol, density, exact, threads, false);
    }

    private static List<PointSnapshot> run(ParticleSamplerNd sampler, PointSamplingProblem problem) {
        PointSamplingRun run = sampler.start(problem);
        List<PointSnapshot> out = new ArrayList<>();
        run.forEachRemaining(out::add);
        return out;
    }

    private static List<PointSnapshot> spiral(PointScheme scheme, int steps, double tol, boolean exact, TimeGrid grid) {
        ParticleSamplerNd sampler = new ParticleSamplerNd(params(500, scheme, steps, tol, true, exact, 1));
        return run(sampler, new PointSamplingProblem(grid, new IsotropicGaussian(2, 1), new IsotropicGaussian(2, 0.5),
                new Spiral(exact), 3));
    }

    /**
     * Shared noise: with both starts Gaussian (here MultivariateGaussian, whose normal-score map is
     * μ + L z), particle i of the estimated cloud is the image of particle i of the reverse cloud
     * under the affine map between the two laws, y_i = μ̃ + (s̃/s)(x_i − μ), to rounding; with 1 or 3
     * threads the same; independent draws otherwise.
     */
    @Test
    void sharedNoiseStartsBothCloudsFromTheSameNormalScores() {
        var p = org.thermodiff.distribution.MultivariateGaussian.isotropic(new double[] {0, 0}, 1);
        var q = org.thermodiff.distribution.MultivariateGaussian.isotropic(new double[] {0.5, -1}, 0.25);
        TimeGrid grid = TimeGrid.gaussLegendre(TAU, 1, 2);
        for (int threads : new int[] {1, 3}) {
            ParticleSamplerNd shared = new ParticleSamplerNd(new ParticleSamplerNd.Params(9000, 4, PointScheme.RK4, 4,
                    1e-9, false, true, threads, true), ForkJoinPool.commonPool(), 1000);
            PointSnapshot start = run(shared, new PointSamplingProblem(grid, p, q, new Spiral(false), 5)).get(0);
            double[] x = start.reverse().positions();
            double[] y = start.estimated().positions();
            for (int i = 0; i < x.length; i++) {
                double mu = i % 2 == 0 ? 0.5 : -1;
                assertEquals(mu + 0.5 * x[i], y[i], 1e-14, "coordinate " + i + " with " + threads + " threads");
            }
            assertEquals("shared normal scores", shared.start(new PointSamplingProblem(grid, p, q, new Spiral(false), 5))
                    .diagnostics().get("coupling"));
        }
        ParticleSamplerNd independent = new ParticleSamplerNd(params(2000, PointScheme.RK4, 4, 1e-9, false, true, 1));
        PointSnapshot start = run(independent, new PointSamplingProblem(grid, p, q, new Spiral(false), 5)).get(0);
        double[] x = start.reverse().positions();
        double[] y = start.estimated().positions();
        assertTrue(Math.abs(y[0] - (0.5 + 0.5 * x[0])) > 1e-6, "independent draws are not paired");
    }

    /** Worst |x(0) − Φ_{τ→0}(x(τ))| / (1 + |x(τ)|) over both clouds and both coordinates. */
    private static double endError(List<PointSnapshot> s) {
        PointSnapshot first = s.get(0);
        PointSnapshot last = s.get(s.size() - 1);
        double worst = 0;
        double[] y = new double[2];
        for (PointCloud[] pair : new PointCloud[][] {{first.reverse(), last.reverse()}, {first.estimated(), last.estimated()}}) {
            double[] x0 = pair[0].positions();
            double[] x1 = pair[1].positions();
            for (int i = 0; i < pair[0].size(); i++) {
                Spiral.map(TAU, 0, x0, 2 * i, y);
                double scale = 1 + Math.hypot(x0[2 * i], x0[2 * i + 1]);
                worst = Math.max(worst, Math.max(Math.abs(x1[2 * i] - y[0]), Math.abs(x1[2 * i + 1] - y[1])) / scale);
            }
        }
        return worst;
    }

    @Test
    void snapshotsRunFromTauDownToZeroWithLabelledCloudsOfTheRightShape() {
        TimeGrid grid = TimeGrid.gaussLegendre(TAU, 2, 3);
        List<PointSnapshot> s = spiral(PointScheme.RK4, 20, 1e-9, false, grid);
        assertEquals(grid.size(), s.size());
        for (int k = 0; k < s.size(); k++) {
            PointSnapshot snap = s.get(k);
            assertEquals(grid.size() - 1 - k, snap.index());
            assertEquals(grid.time(snap.index()), snap.t(), 0);
            for (PointCloud c : List.of(snap.reverse(), snap.estimated())) {
                assertEquals(2, c.dimension());
                assertEquals(500, c.size());
                assertEquals(1000, c.velocities().length);
                assertEquals(500, c.logDensities().length);
                assertEquals(4, c.batchCount());
                assertEquals(1.0, Arrays.stream(c.weights()).sum(), 1e-12);
            }
        }
        // The velocities reported are ν at the snapshot's time and positions.
        PointCloud mid = s.get(2).reverse();
        double[] v = new double[mid.velocities().length];
        new Spiral(false).velocity(s.get(2).t(), mid.positions(), v, 0, mid.size());
        assertArrayEquals(v, mid.velocities(), 0);
    }

    /** RK4: error ≈ C h⁴, so halving the step divides it by ≈ 16 (accept 12 to 20, as for the 1-D sampler). */
    @Test
    void rk4ConvergesAtFourthOrderToTheExactSpiralFlow() {
        TimeGrid grid = TimeGrid.gaussLegendre(TAU, 1, 1);
        double coarse = endError(spiral(PointScheme.RK4, 20, 0, false, grid));
        double fine = endError(spiral(PointScheme.RK4, 40, 0, false, grid));
        double ratio = coarse / fine;
        assertTrue(ratio > 12 && ratio < 20, "error ratio " + ratio + " (coarse " + coarse + ", fine " + fine + ")");
    }

    /** Heun: error ≈ C h², so halving the step divides it by ≈ 4 (accept 3.2 to 4.8). */
    @Test
    void heunConvergesAtSecondOrderToTheExactSpiralFlow() {
        TimeGrid grid = TimeGrid.gaussLegendre(TAU, 1, 1);
        double coarse = endError(spiral(PointScheme.HEUN, 40, 0, false, grid));
        double fine = endError(spiral(PointScheme.HEUN, 80, 0, false, grid));
        double ratio = coarse / fine;
        assertTrue(ratio > 3.2 && ratio < 4.8, "error ratio " + ratio + " (coarse " + coarse + ", fine " + fine + ")");
    }

    /**
     * Dormand–Prince 5(4) keeps each step's local error estimate below tol·(1 + |y|); the global error
     * sums O(10–100) local errors, each much smaller than its (4th-order) estimate because the
     * 5th-order solution is kept, so 10·tol is a safe bound. Tightening the tolerance 10⁴-fold must shrink the error at least
     * 100-fold, or the control is not working.
     */
    @Test
    void adaptiveMeetsItsTolerance() {
        TimeGrid grid = TimeGrid.gaussLegendre(TAU, 1, 3);
        double loose = endError(spiral(PointScheme.ADAPTIVE, 4, 1e-6, false, grid));
        double tight = endError(spiral(PointScheme.ADAPTIVE, 4, 1e-10, false, grid));
        assertTrue(loose < 10 * 1e-6, "tol 1e-6: " + loose);
        assertTrue(tight < 10 * 1e-10, "tol 1e-10: " + tight);
        assertTrue(tight < loose / 100, "tol 1e-6: " + loose + ", tol 1e-10: " + tight);
    }

    /**
     * Densities along the spiral, checked against the push-forward itself: N(0, σ² I) under the
     * linear map e^{sin 0 − sin τ} R(−τ) is N(0, e^{−2 sin τ} σ² I), whose log-density at each
     * particle's end position must equal the carried one. RK4 with 400 steps: the relative position
     * error is ≈ 1e-10 (fourth order from ≈ 1e-6 at 20 steps), and ln p depends on x² only, so 1e-8
     * absolute leaves ample room.
     */
    @Test
    void logDensitiesFollowTheContinuityEquationInTwoDimensions() {
        List<PointSnapshot> s = spiral(PointScheme.RK4, 400, 0, false, TimeGrid.gaussLegendre(TAU, 1, 2));
        PointSnapshot first = s.get(0);
        PointSnapshot last = s.get(s.size() - 1);
        double shrink = Math.exp(-Math.sin(TAU));
        IsotropicGaussian reverseEnd = new IsotropicGaussian(2, shrink);
        IsotropicGaussian estimatedEnd = new IsotropicGaussian(2, 0.5 * shrink);
        for (int i = 0; i < 500; i += 7) {
            double[] xr = Arrays.copyOfRange(last.reverse().positions(), 2 * i, 2 * i + 2);
            double[] xe = Arrays.copyOfRange(last.estimated().positions(), 2 * i, 2 * i + 2);
            assertEquals(reverseEnd.logDensity(xr), last.reverse().logDensities()[i], 1e-8);
            assertEquals(estimatedEnd.logDensity(xe), last.estimated().logDensities()[i], 1e-8);
            assertEquals(first.reverse().logDensities()[i] + 2 * Math.sin(TAU), last.reverse().logDensities()[i], 1e-10,
                    "d ln p/dt = −2 cos t integrates to 2 sin τ; Simpson-like error of RK4 at h = τ/400 is ≈ 1e-12");
        }
    }

    /**
     * A closed-form flow replaces the integrator: one transport per output interval lands on the exact
     * solution to rounding (1e-14 relative: a few flops per coordinate), ln p shifted by
     * −ln det ∂Φ/∂x = 2 sin τ.
     */
    @Test
    void anExactFlowMapMovesParticlesWithoutTimeSteppingError() {
        TimeGrid grid = TimeGrid.gaussLegendre(TAU, 1, 2);
        ParticleSamplerNd sampler = new ParticleSamplerNd(params(500, PointScheme.RK4, 3, 1e-9, true, true, 1));
        PointSamplingRun run = sampler.start(new PointSamplingProblem(grid, new IsotropicGaussian(2, 1),
                new IsotropicGaussian(2, 0.5), new Spiral(true), 3));
        List<PointSnapshot> s = new ArrayList<>();
        run.forEachRemaining(s::add);
        assertTrue(endError(s) < 1e-14, "exact flow: " + endError(s));
        assertEquals("exact", run.diagnostics().get("flow"));
        assertEquals(s.get(0).estimated().logDensities()[3] + 2 * Math.sin(TAU),
                s.get(s.size() - 1).estimated().logDensities()[3], 1e-13);
        assertTrue(endError(spiral(PointScheme.RK4, 3, 1e-9, false, grid)) > 1e-4,
                "without the flow map, 3 RK4 steps over τ = 2 leave an O(h⁴) error");
    }

    private static PointSamplingProblem ou(double dataVariance, long seed) {
        OrnsteinUhlenbeck field = new OrnsteinUhlenbeck(2, dataVariance);
        return new PointSamplingProblem(TimeGrid.uniform(TAU, 2), new IsotropicGaussian(2, Math.sqrt(field.variance(TAU))),
                new IsotropicGaussian(2, 1), field, seed);
    }

    /** Results with one thread and with four (and blocks of 1000 particles, so 20 blocks) are bit-identical. */
    @Test
    void resultsDoNotDependOnTheNumberOfThreads() {
        for (PointScheme scheme : PointScheme.values()) {
            boolean ode = scheme != PointScheme.SDE_EULER_MARUYAMA;
            PointSamplingProblem problem = ode
                    ? new PointSamplingProblem(TimeGrid.gaussLegendre(TAU, 1, 2), new IsotropicGaussian(2, 1),
                            new IsotropicGaussian(2, 0.5), new Spiral(false), 11)
                    : ou(0.25, 11);
            List<PointSnapshot> one = run(new ParticleSamplerNd(params(10_000, scheme, 20, 1e-8, ode, false, 1), FOUR, 1000),
                    problem);
            List<PointSnapshot> four = run(new ParticleSamplerNd(params(10_000, scheme, 20, 1e-8, ode, false, 4), FOUR, 1000),
                    problem);
            PointSnapshot a = one.get(one.size() - 1);
            PointSnapshot b = four.get(four.size() - 1);
            assertArrayEquals(a.reverse().positions(), b.reverse().positions(), 0, scheme.name());
            assertArrayEquals(a.estimated().positions(), b.estimated().positions(), 0, scheme.name());
            assertArrayEquals(a.estimated().velocities(), b.estimated().velocities(), 0, scheme.name());
            assertArrayEquals(a.estimated().logDensities(), b.estimated().logDensities(), 0, scheme.name());
        }
    }

    /**
     * Variance of one coordinate after Euler–Maruyama on the reverse OU SDE, computed here from the
     * scheme's own linear recursion (the drift −ν + T∇ln P = x (1 − 2/v_t) is linear, so
     * Var ← (1 + (1 − 2/v_t) Δ)² Var + 2Δ exactly), with the steps the sampler takes.
     */
    private static double eulerMaruyamaVariance(OrnsteinUhlenbeck field, double start, int stepsPerUnit) {
        double var = start;
        int steps = (int) Math.round(TAU * stepsPerUnit);
        double dt = 1.0 / stepsPerUnit;
        for (int j = 0; j < steps; j++) {
            double t = TAU - (j + 0.5) * dt;      // the sampler evaluates drift and temperature mid-step
            double g = 1 + (1 - 2 / field.variance(t)) * dt;
            var = g * g * var + 2 * dt;
        }
        return var;
    }

    /**
     * The reverse SDE (Eq. 9) started from P_τ = N(0, v_τ I) recovers the data variance s² at t = 0, up
     * to Euler–Maruyama's O(Δt) bias and Monte-Carlo error. The bias is computed from the scheme's
     * recursion and must halve with the step (weak order 1: ratio 1.6–2.4); the sample variance,
     * pooled over 2·20000 coordinates of a Gaussian, has standard error V √(2/40000), and must lie
     * within 5 of them of the recursion (and so within 5 SE + bias of s²). Off-diagonal covariance:
     * standard error V/√20000.
     */
    @Test
    void reverseSdeRecoversTheDataVariance() {
        double s2 = 0.25;
        int n = 20_000;
        PointSamplingProblem problem = ou(s2, 7);
        OrnsteinUhlenbeck field = (OrnsteinUhlenbeck) problem.field();
        List<PointSnapshot> s = run(new ParticleSamplerNd(params(n, PointScheme.SDE_EULER_MARUYAMA, 200, 1e-9, false, false,
                0)), problem);
        double biasH = eulerMaruyamaVariance(field, field.variance(TAU), 100) - s2;
        double biasHalf = eulerMaruyamaVariance(field, field.variance(TAU), 200) - s2;
        assertTrue(Math.abs(biasH / biasHalf - 2) < 0.4, "EM bias " + biasH + " at Δt = 0.01, " + biasHalf + " at 0.005");
        assertTrue(Math.abs(biasH) < 0.05 * s2, "bias " + biasH);

        PointCloud start = s.get(0).reverse();
        PointCloud end = s.get(s.size() - 1).reverse();
        double vTau = field.variance(TAU);
        double se = Math.sqrt(2.0 / (2 * n));
        assertEquals(vTau, variance(start), 5 * vTau * se, "draws from P_τ");
        double expected = s2 + biasH;
        assertEquals(expected, variance(end), 5 * expected * se, "data variance " + s2 + " plus EM bias " + biasH);
        assertEquals(0, crossCovariance(end), 5 * expected / Math.sqrt(n));
        double estimated = eulerMaruyamaVariance(field, 1, 100);
        assertEquals(estimated, variance(s.get(s.size() - 1).estimated()), 5 * estimated * se, "from N(0, I)");
        assertFalse(end.hasLogDensities(), "SDE particles carry no densities");
    }

    private static double variance(PointCloud c) {
        double s = 0;
        for (double x : c.positions()) {
            s += x * x;
        }
        return s / c.positions().length;
    }

    private static double crossCovariance(PointCloud c) {
        double s = 0;
        for (int i = 0; i < c.size(); i++) {
            s += c.coordinate(i, 0) * c.coordinate(i, 1);
        }
        return s / c.size();
    }

    @Test
    void theSdeIsReproducibleForASeedAndDiffersAcrossSeeds() {
        ParticleSamplerNd sampler = new ParticleSamplerNd(params(5000, PointScheme.SDE_EULER_MARUYAMA, 50, 1e-9, false,
                false, 0));
        List<PointSnapshot> a = run(sampler, ou(0.25, 99));
        List<PointSnapshot> b = run(sampler, ou(0.25, 99));
        List<PointSnapshot> c = run(sampler, ou(0.25, 100));
        double[] end = a.get(a.size() - 1).reverse().positions();
        assertArrayEquals(end, b.get(b.size() - 1).reverse().positions(), 0);
        assertFalse(Arrays.equals(end, c.get(c.size() - 1).reverse().positions()));
        // The draws of the starting points depend on the seed too.
        assertFalse(Arrays.equals(a.get(0).reverse().positions(), c.get(0).reverse().positions()));
    }

    @Test
    void theSdeNeedsADiffusionAndCarriesNoDensities() {
        ParticleSamplerNd sampler = new ParticleSamplerNd(params(100, PointScheme.SDE_EULER_MARUYAMA, 10, 1e-9, false,
                false, 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> sampler.start(
                new PointSamplingProblem(TimeGrid.uniform(TAU, 2), new IsotropicGaussian(2, 1), new IsotropicGaussian(2, 1),
                        new Spiral(false), 0)));
        assertTrue(e.getMessage().contains("diffusion"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> params(100, PointScheme.SDE_EULER_MARUYAMA, 10, 1e-9, true,
                false, 1));
    }

    /**
     * d = 1: the n-D sampler on the 1-D test field gives the same end positions and log-densities as
     * the 1-D {@link CloudFlow} started from the same points. Both do RK4 with the same substeps and
     * the same floating-point operations in the same order on each particle (Java does not fuse
     * multiply-adds on its own), so the results must agree bit for bit.
     */
    @Test
    void inOneDimensionItAgreesWithTheOneDimensionalFlow() {
        TimeGrid grid = TimeGrid.gaussLegendre(TAU, 1, 2);
        int n = 3000;
        List<PointSnapshot> s = run(new ParticleSamplerNd(params(n, PointScheme.RK4, 20, 1e-9, true, false, 0)),
                new PointSamplingProblem(grid, Gaussian.STANDARD, new Uniform(-1, 2), SamplersTest.COSINE_STRETCH, 5));
        PointSnapshot first = s.get(0);
        double[] state = new double[4 * n];
        System.arraycopy(first.reverse().positions(), 0, state, 0, n);
        System.arraycopy(first.estimated().positions(), 0, state, n, n);
        System.arraycopy(first.reverse().logDensities(), 0, state, 2 * n, n);
        System.arraycopy(first.estimated().logDensities(), 0, state, 3 * n, n);
        assertEquals(Math.log(Gaussian.STANDARD.density(state[17])), state[2 * n + 17], 1e-14);
        CloudFlow flow = new CloudFlow(SamplersTest.COSINE_STRETCH, 2 * n, true, Integrator.RK4, 20, 1e-9, TAU, false);
        for (int k = grid.size() - 1; k > 0; k--) {
            flow.derivativeAt(grid.time(k), state);
            flow.advance(state, grid.time(k), grid.time(k - 1));
        }
        PointSnapshot last = s.get(s.size() - 1);
        assertArrayEquals(Arrays.copyOfRange(state, 0, n), last.reverse().positions(), 0);
        assertArrayEquals(Arrays.copyOfRange(state, n, 2 * n), last.estimated().positions(), 0);
        assertArrayEquals(Arrays.copyOfRange(state, 3 * n, 4 * n), last.estimated().logDensities(), 0);
    }
}
