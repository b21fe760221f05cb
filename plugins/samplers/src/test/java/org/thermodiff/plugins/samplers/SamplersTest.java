package org.thermodiff.plugins.samplers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.thermodiff.distribution.Gaussian;
import org.thermodiff.distribution.Uniform;
import org.thermodiff.spi.Sampler;
import org.thermodiff.spi.process.FlowMap;
import org.thermodiff.spi.process.VelocityField;
import org.thermodiff.spi.sampling.SamplingProblem;
import org.thermodiff.spi.sampling.SamplingRun;
import org.thermodiff.spi.sampling.Snapshot;
import org.thermodiff.spi.sampling.TimeGrid;

class SamplersTest {

    static final double TAU = 2.0;

    /**
     * ν_t(x) = cos(t)·x: the flow from τ is x(t) = x(τ)·exp(sin t − sin τ), and densities obey
     * d ln p/dt = −cos t, so ln p(t) = ln p(τ) − (sin t − sin τ). Exact solutions for the integrators.
     */
    static final VelocityField COSINE_STRETCH = new VelocityField() {
        @Override
        public void velocity(double t, double[] x, double[] v, int from, int to) {
            for (int i = from; i < to; i++) {
                v[i] = Math.cos(t) * x[i];
            }
        }

        @Override
        public boolean hasDivergence() {
            return true;
        }

        @Override
        public void divergence(double t, double[] x, double[] out, int from, int to) {
            Arrays.fill(out, from, to, Math.cos(t));
        }
    };

    /** {@link #COSINE_STRETCH} offering its flow in closed form: x ↦ x·exp(sin b − sin a), ln ∂Φ/∂x = sin b − sin a. */
    static final VelocityField COSINE_STRETCH_WITH_FLOW = new VelocityField() {
        @Override
        public void velocity(double t, double[] x, double[] v, int from, int to) {
            COSINE_STRETCH.velocity(t, x, v, from, to);
        }

        @Override
        public boolean hasDivergence() {
            return true;
        }

        @Override
        public void divergence(double t, double[] x, double[] out, int from, int to) {
            COSINE_STRETCH.divergence(t, x, out, from, to);
        }

        @Override
        public Optional<FlowMap> flowMap() {
            return Optional.of((a, b, x, out, logStretch, from, to) -> {
                for (int i = from; i < to; i++) {
                    out[i] = x[i] * Math.exp(Math.sin(b) - Math.sin(a));
                    logStretch[i] = Math.sin(b) - Math.sin(a);
                }
            });
        }
    };

    private static List<Snapshot> run(Sampler sampler, TimeGrid grid, long seed) {
        return run(sampler, grid, seed, COSINE_STRETCH);
    }

    private static List<Snapshot> run(Sampler sampler, TimeGrid grid, long seed, VelocityField field) {
        SamplingRun run = sampler.start(new SamplingProblem(grid, Gaussian.STANDARD, new Uniform(-1, 2), field, seed));
        List<Snapshot> out = new ArrayList<>();
        run.forEachRemaining(out::add);
        return out;
    }

    private static QuadratureSampler quadrature(Integrator integrator, int steps) {
        return new QuadratureSampler(new QuadratureSampler.Params(256, 16, 8.5, integrator, steps, 1e-12, true, true));
    }

    /** Worst |x(0) − exact| over both clouds at t = 0, relative to |x(τ)|. */
    private static double endError(List<Snapshot> snapshots) {
        Snapshot first = snapshots.get(0);
        Snapshot last = snapshots.get(snapshots.size() - 1);
        double factor = Math.exp(Math.sin(0) - Math.sin(TAU));
        double worst = 0;
        for (int i = 0; i < first.reverse().size(); i++) {
            worst = Math.max(worst, Math.abs(last.reverse().positions()[i] - factor * first.reverse().positions()[i])
                    / (1 + Math.abs(first.reverse().positions()[i])));
            worst = Math.max(worst, Math.abs(last.estimated().positions()[i] - factor * first.estimated().positions()[i])
                    / (1 + Math.abs(first.estimated().positions()[i])));
        }
        return worst;
    }

    @Test
    void snapshotsRunFromTauDownToZeroOnEveryGridTime() {
        TimeGrid grid = TimeGrid.gaussLegendre(TAU, 2, 4);
        List<Snapshot> snapshots = run(quadrature(Integrator.RK4, 50), grid, 0);
        assertEquals(grid.size(), snapshots.size());
        for (int k = 0; k < snapshots.size(); k++) {
            assertEquals(grid.size() - 1 - k, snapshots.get(k).index());
            assertEquals(grid.time(grid.size() - 1 - k), snapshots.get(k).t(), 0);
        }
    }

    /** RK4: error ≈ C h⁴, so halving the step divides it by ≈ 16 (accept 12 to 20). */
    @Test
    void rk4ConvergesAtFourthOrderToTheExactFlow() {
        TimeGrid grid = TimeGrid.gaussLegendre(TAU, 1, 1);
        double coarse = endError(run(quadrature(Integrator.RK4, 20), grid, 0));
        double fine = endError(run(quadrature(Integrator.RK4, 40), grid, 0));
        double ratio = coarse / fine;
        assertTrue(ratio > 12 && ratio < 20, "error ratio " + ratio + " (coarse " + coarse + ", fine " + fine + ")");
        assertTrue(endError(run(quadrature(Integrator.RK4, 400), grid, 0)) < 1e-10);
    }

    @Test
    void dormandPrinceMeetsItsTolerance() {
        assertTrue(endError(run(quadrature(Integrator.DORMAND_PRINCE, 1), TimeGrid.gaussLegendre(TAU, 1, 3), 0)) < 1e-10);
    }

    /**
     * A field with a closed-form flow is moved by it, not integrated: one step (of 5 requested)
     * lands on the exact solution to rounding, densities included; with {@code exact-flow: false}
     * the same field goes through RK4 and shows RK4's error.
     */
    @Test
    void anExactFlowMapReplacesTheIntegratorUnlessSwitchedOff() {
        TimeGrid grid = TimeGrid.gaussLegendre(TAU, 1, 2);
        QuadratureSampler exact = new QuadratureSampler(new QuadratureSampler.Params(256, 16, 8.5, Integrator.RK4, 5, 1e-12,
                true, true));
        QuadratureSampler integrated = new QuadratureSampler(new QuadratureSampler.Params(256, 16, 8.5, Integrator.RK4, 5,
                1e-12, true, false));
        List<Snapshot> s = run(exact, grid, 0, COSINE_STRETCH_WITH_FLOW);
        assertTrue(endError(s) < 1e-15, "exact flow: " + endError(s));
        Snapshot first = s.get(0);
        Snapshot last = s.get(s.size() - 1);
        for (int i = 0; i < first.reverse().size(); i += 17) {
            assertEquals(first.estimated().logDensities()[i] + Math.sin(TAU), last.estimated().logDensities()[i], 1e-14);
        }
        double rk4 = endError(run(integrated, grid, 0, COSINE_STRETCH_WITH_FLOW));
        assertTrue(rk4 > 1e-6, "5 RK4 steps over τ = 2 leave an error of order h⁴: " + rk4);

        SamplingRun run = exact.start(new SamplingProblem(grid, Gaussian.STANDARD, Gaussian.STANDARD,
                COSINE_STRETCH_WITH_FLOW, 0));
        run.forEachRemaining(snapshot -> { });
        assertEquals("exact", run.diagnostics().get("flow"));
        assertEquals("rk4", quadrature(Integrator.RK4, 5).start(new SamplingProblem(grid, Gaussian.STANDARD,
                Gaussian.STANDARD, COSINE_STRETCH, 0)).diagnostics().get("flow"), "no flow map: integrated");
    }

    /** Densities carried along trajectories: ln p(0) = ln p(τ) − (sin 0 − sin τ) for every particle. */
    @Test
    void logDensitiesFollowTheContinuityEquation() {
        List<Snapshot> s = run(quadrature(Integrator.RK4, 200), TimeGrid.gaussLegendre(TAU, 1, 2), 0);
        Snapshot first = s.get(0);
        Snapshot last = s.get(s.size() - 1);
        for (int i = 0; i < first.reverse().size(); i += 17) {
            assertEquals(first.reverse().logDensities()[i] + Math.sin(TAU), last.reverse().logDensities()[i], 1e-10);
            assertEquals(first.estimated().logDensities()[i] + Math.sin(TAU), last.estimated().logDensities()[i], 1e-10);
        }
        assertEquals(Math.log(Gaussian.STANDARD.density(first.reverse().positions()[5])), first.reverse().logDensities()[5], 1e-14);
    }

    /** Both clouds sit on the same normal-score nodes, share the weights, and start sorted. */
    @Test
    void quadratureCloudsAreQuantileAligned() {
        Snapshot start = run(quadrature(Integrator.RK4, 10), TimeGrid.gaussLegendre(TAU, 1, 1), 0).get(0);
        double[] x = start.reverse().positions();
        double[] y = start.estimated().positions();
        assertArrayEquals(start.reverse().weights(), start.estimated().weights(), 0);
        assertEquals(1, Arrays.stream(start.reverse().weights()).sum(), 1e-14);
        for (int i = 0; i < x.length; i++) {
            assertEquals(-1 + 3 * Gaussian.STANDARD.cdf(x[i]), y[i], 1e-12, "node " + i);
            assertTrue(i == 0 || x[i] > x[i - 1] && y[i] >= y[i - 1]);
        }
    }

    @Test
    void quadratureSamplerReportsNodesAndCrossings() {
        SamplingRun run = quadrature(Integrator.RK4, 10).start(new SamplingProblem(TimeGrid.gaussLegendre(TAU, 1, 1),
                Gaussian.STANDARD, Gaussian.of(0, 0.8), COSINE_STRETCH, 0));
        run.forEachRemaining(s -> { });
        assertEquals(1, run.diagnostics().get("crossings"), "N(0,1) and N(0,0.8²) cross once, at the median");
        assertTrue((Integer) run.diagnostics().get("nodes") >= 256);
    }

    private static ParticleSampler particles(int n, int batches) {
        return new ParticleSampler(new ParticleSampler.Params(n, batches, Integrator.RK4, 20, 1e-9, false, true));
    }

    @Test
    void particlesAreReproducibleForASeedAndDifferAcrossSeeds() {
        TimeGrid grid = TimeGrid.gaussLegendre(TAU, 1, 2);
        List<Snapshot> a = run(particles(2000, 4), grid, 99);
        List<Snapshot> b = run(particles(2000, 4), grid, 99);
        List<Snapshot> c = run(particles(2000, 4), grid, 100);
        Snapshot lastA = a.get(a.size() - 1);
        assertArrayEquals(lastA.estimated().positions(), b.get(b.size() - 1).estimated().positions(), 0);
        assertFalse(Arrays.equals(lastA.estimated().positions(), c.get(c.size() - 1).estimated().positions()));
    }

    @Test
    void particlesAreSortedBalancedAcrossBatchesAndDrawnFromTheStarts() {
        int n = 40_000;
        Snapshot start = run(particles(n, 8), TimeGrid.gaussLegendre(TAU, 1, 1), 5).get(0);
        double[] x = start.reverse().positions();
        int[] counts = new int[8];
        double mean = 0;
        for (int i = 0; i < n; i++) {
            assertTrue(i == 0 || x[i] >= x[i - 1]);
            counts[start.reverse().batches()[i]]++;
            mean += x[i] / n;
        }
        for (int c : counts) {
            assertEquals(n / 8, c);
        }
        assertEquals(0, mean, 5 / Math.sqrt(n), "sample mean of N(0,1) within 5 standard errors");
        assertEquals(1.0 / n, start.reverse().weights()[0], 0);
        assertEquals(8, start.estimated().batchCount());
    }
}
