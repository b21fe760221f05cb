package org.thermodiff.plugins.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.OptionalDouble;
import org.apache.commons.math3.analysis.integration.IterativeLegendreGaussIntegrator;
import org.junit.jupiter.api.Test;
import org.thermodiff.distribution.Gaussian;
import org.thermodiff.experiment.ParameterBinder;
import org.thermodiff.math.NormalScoreRule;
import org.thermodiff.plugin.PluginRegistry;
import org.thermodiff.spi.Distance;
import org.thermodiff.spi.Distribution;
import org.thermodiff.spi.PluginFamily;
import org.thermodiff.spi.metrics.BoundCheck;
import org.thermodiff.spi.metrics.MetricAccumulator;
import org.thermodiff.spi.metrics.MetricResult;
import org.thermodiff.spi.metrics.RunContext;
import org.thermodiff.spi.process.ForwardProcess;
import org.thermodiff.spi.process.VelocityField;
import org.thermodiff.spi.sampling.Cloud;
import org.thermodiff.spi.sampling.Snapshot;
import org.thermodiff.spi.sampling.TimeGrid;

/**
 * A case solvable by hand: data q = N(0, s²), cond-OT schedule, prior N(0, 1), perturbed start
 * N(μ, 1). Then P_t = N(0, S_t²) with S_t² = (1 − t)²s² + t², every flow map is x ↦ S_t x, so
 * P̃_t = N(S_t μ, S_t²), W1(t) = S_t μ, ∂_tW1 = Ṡ_t μ, v2² = T·Ṡ = Ṡ², D0 = e^{μ²} − 1,
 * c2 = ∫Ṡ² dt, c1 = μ² c2/D0 and η = μ²(1 − s)²/D0. The snapshots are built from these formulas,
 * so the test exercises only the metric.
 */
class SpeedAccuracyMetricTest {

    static final double S = 0.5;
    static final double MU = 0.7;

    private static double scale(double t) {
        return Math.sqrt((1 - t) * (1 - t) * S * S + t * t);
    }

    private static double scaleRate(double t) {
        return (t - (1 - t) * S * S) / scale(t);
    }

    /** The real w1, w2 and chi2 plugins, discovered on the test class path. */
    private static final PluginRegistry REGISTRY = org.thermodiff.Thermodiff
            .injector(SpeedAccuracyMetricTest.class.getClassLoader(), 1).getInstance(PluginRegistry.class);

    private static Distance distance(String name) {
        PluginRegistry registry = REGISTRY;
        return registry.create(PluginFamily.DISTANCE, name,
                ParameterBinder.defaults(registry.get(PluginFamily.DISTANCE, name).factory().parameters()));
    }

    private static RunContext context(TimeGrid grid) {
        ForwardProcess unused = new ForwardProcess() {
            @Override
            public double tau() {
                return 1;
            }

            @Override
            public Distribution marginal(double t) {
                return Gaussian.of(0, scale(t));
            }

            @Override
            public VelocityField velocity() {
                // The context holds the field as the run's estimate; the metric never evaluates it.
                return (t, x, v, from, to) -> {
                    throw new UnsupportedOperationException("not needed by the metric");
                };
            }

            @Override
            public OptionalDouble temperature(double t) {
                return OptionalDouble.empty();
            }

            @Override
            public String describe() {
                return "closed-form Gaussian";
            }
        };
        return new RunContext(Map.of(), grid, Gaussian.of(0, S), Gaussian.STANDARD, Gaussian.STANDARD, Gaussian.of(MU, 1),
                unused, SpeedAccuracyMetricTest::distance);
    }

    private static MetricResult measure(TimeGrid grid, boolean frozen) {
        return measure(grid, frozen, new SpeedAccuracyMetric.Params("w1", "chi2", "w2", 1e-8));
    }

    private static MetricResult measure(TimeGrid grid, boolean frozen, SpeedAccuracyMetric.Params params) {
        NormalScoreRule rule = NormalScoreRule.of(1024, 16, 8.5);
        double[] z = rule.nodes();
        double[] w = rule.weights();
        SpeedAccuracyMetric metric = new SpeedAccuracyMetric(params);
        MetricAccumulator acc = metric.open(context(grid));
        for (int k = grid.size() - 1; k >= 0; k--) {
            double t = grid.time(k);
            double[] x = new double[z.length];
            double[] y = new double[z.length];
            double[] vx = new double[z.length];
            double[] vy = new double[z.length];
            for (int i = 0; i < z.length; i++) {
                x[i] = scale(t) * z[i];
                y[i] = scale(t) * (z[i] + MU);
                vx[i] = frozen ? 0 : scaleRate(t) / scale(t) * x[i];
                vy[i] = frozen ? 0 : scaleRate(t) / scale(t) * y[i];
            }
            acc.accept(new Snapshot(k, t, Cloud.of(x, w, vx), Cloud.of(y, w, vy)));
        }
        return acc.finish();
    }

    /** c2 = ∫Ṡ² dt by an adaptive integrator, independent of the metric's Gauss–Legendre grid. */
    private static double c2Exact() {
        return new IterativeLegendreGaussIntegrator(16, 1e-15, 1e-15).integrate(10_000, t -> scaleRate(t) * scaleRate(t), 0, 1);
    }

    @Test
    void everyQuantityMatchesTheClosedForm() {
        MetricResult r = measure(TimeGrid.gaussLegendre(1, 4, 16), false);
        double d0 = Math.exp(MU * MU) - 1;
        double c2 = c2Exact();
        // Tolerances: quadrature in z reproduces E[Z²] = 1 to 1e-14 and GL in t is exact to 1e-13
        // for these analytic integrands; χ² by quadrature to 1e-13.
        assertEquals(d0, (Double) r.values().get("D0"), 1e-12);
        assertEquals(S * MU, (Double) r.values().get("W1_generated"), 1e-13);
        assertEquals(MU, (Double) r.values().get("W1_initial"), 1e-13);
        assertEquals(MU * MU * (1 - S) * (1 - S) / d0, (Double) r.values().get("eta"), 1e-12);
        assertEquals(MU * MU * c2 / d0, (Double) r.values().get("c1"), 1e-11);
        assertEquals(c2, (Double) r.values().get("c2"), 1e-11);
        assertEquals(c2, (Double) r.values().get("dissipation"), 1e-11);
        assertEquals((1 - S) * (1 - S), (Double) r.values().get("c2_lower_bound"), 1e-12);
        assertEquals(Boolean.TRUE, r.values().get("bounds_hold"));
        for (int k = 0; k < r.series().rows(); k++) {
            double t = r.series().get(k, "t");
            assertEquals(scale(t) * MU, r.series().get(k, "W1"), 1e-12);
            assertEquals(scaleRate(t) * MU, r.series().get(k, "dW1dt"), 1e-12);
            assertEquals(scaleRate(t) * scaleRate(t), r.series().get(k, "v2sq"), 1e-12);
        }
        assertEquals(java.util.List.of("t", "W1", "dW1dt", "vloss2", "v2sq", "TSdot"), r.series().names());
    }

    /**
     * speed: tur in 1-D, where every field is a gradient: ν = (Ṡ/S) x = ∇(Ṡ x²/(2S)) lies in the
     * degree-2 span, so v2sq = Ṡ² and c2 = ∫Ṡ² dt as in kinetic mode, to the same 1e-11/1e-12 as
     * above (the basis adds only rounding of a 2×2 solve). Degree 1 (constant gradients) sees only
     * E[ν] = (Ṡ/S) E[x] = 0 on the symmetric quadrature cloud, so c2_basis_1 ≈ 0 (|E x| ≤ 1e-15, squared).
     * Observables: v_x1 = |E ν| = 0; r2 = x² has ∇r = 2x, so v_r2 = |E[2xν]|/sqrt(E[4x²]) = |Ṡ| S²/S = |Ṡ|,
     * the optimal observable here (v_r2 = v2).
     */
    @Test
    void turSpeedInOneDimensionEqualsTheKineticSpeed() {
        SpeedAccuracyMetric.Params params = new SpeedAccuracyMetric.Params("w1", "chi2", "w2", 1e-8,
                SpeedAccuracyMetric.Speed.TUR, org.thermodiff.thermo.TurSpeed.BasisKind.POLYNOMIAL, 3, "x1, r2");
        MetricResult r = measure(TimeGrid.gaussLegendre(1, 4, 16), false, params);
        MetricResult kinetic = measure(TimeGrid.gaussLegendre(1, 4, 16), false);
        double c2 = c2Exact();
        assertEquals(c2, (Double) r.values().get("c2"), 1e-11);
        assertEquals((Double) kinetic.values().get("c2"), (Double) r.values().get("c2"), 1e-12);
        assertEquals(c2, (Double) r.values().get("dissipation"), 1e-11);
        assertEquals(0, (Double) r.values().get("c2_basis_1"), 1e-20);
        assertEquals(c2, (Double) r.values().get("c2_basis_2"), 1e-11);
        assertEquals(c2, (Double) r.values().get("c2_basis_3"), 1e-11);
        assertEquals(3.0, (Double) r.values().get("basis_functions"));
        // The field lies in the span, so the cross-fit recovers it on each half (c2_heldout = c2) and there is
        // nothing to truncate: degree 3 < 5 gives no rate, so the truncation is the gap to the dissipation, 0
        // up to the same rounding; the stated error is then rounding only.
        assertEquals(c2, (Double) r.values().get("c2_heldout"), 1e-11);
        assertEquals(0, (Double) r.values().get("c2_truncation"), 1e-11);
        assertEquals(0, (Double) r.values().get("c2_error"), 2e-11);
        assertEquals(Boolean.TRUE, r.values().get("bounds_hold"));
        // Transport cross-check: the clouds are scaled copies, W2(P_k, P_k+1) = |S_k+1 − S_k|, so Σ W2²/Δt is
        // the Cauchy–Schwarz lower bound of ∫Ṡ² dt on the 66-point grid; its deficit is O(Δt²) relative
        // (about (Δt S̈/Ṡ)²/12 < 1e-4 here), so 1e-3 checks it converges to c2 while staying below it.
        double path = (Double) r.values().get("c2_w2_path");
        assertTrue(path <= c2 * (1 + 1e-12), path + " > " + c2);
        assertEquals(c2, path, 1e-3 * c2);
        assertEquals(java.util.List.of("t", "W1", "dW1dt", "vloss2", "v2sq", "TSdot", "v_x1", "v_r2"), r.series().names());
        for (int k = 0; k < r.series().rows(); k++) {
            double t = r.series().get(k, "t");
            double rate2 = scaleRate(t) * scaleRate(t);
            assertEquals(rate2, r.series().get(k, "v2sq"), 1e-12);
            assertEquals(rate2, r.series().get(k, "TSdot"), 1e-12);
            assertEquals(0, r.series().get(k, "v_x1"), 1e-13);
            assertEquals(Math.abs(scaleRate(t)), r.series().get(k, "v_r2"), 1e-12);
        }
        java.util.List<String> names = r.checks().stream().map(BoundCheck::name).toList();
        assertTrue(names.containsAll(java.util.List.of("v_x1<=v2", "v_r2<=v2", "v2<=sqrt(TSdot)", "c2<=dissipation")), names.toString());
    }

    /**
     * basis: mixed in 1-D: the monomials x, x² lead the basis and already contain the potential of
     * ν = (Ṡ/S) x, so every nested size (0, 1, 2, 4, 8 bumps) gives c2 = ∫Ṡ² dt to the 1e-11 of the
     * polynomial case, and the stated error is rounding (the last level adds nothing: truncation 0).
     */
    @Test
    void mixedTurSpeedInOneDimensionEqualsTheKineticSpeed() {
        SpeedAccuracyMetric.Params params = new SpeedAccuracyMetric.Params("w1", "chi2", "w2", 1e-8,
                SpeedAccuracyMetric.Speed.TUR, org.thermodiff.thermo.TurSpeed.BasisKind.MIXED, 8, "");
        MetricResult r = measure(TimeGrid.gaussLegendre(1, 4, 16), false, params);
        double c2 = c2Exact();
        for (String key : java.util.List.of("c2", "c2_basis_0", "c2_basis_1", "c2_basis_2", "c2_basis_4", "c2_basis_8",
                "c2_heldout", "dissipation")) {
            assertEquals(c2, (Double) r.values().get(key), 1e-11, key);
        }
        assertEquals(10.0, (Double) r.values().get("basis_functions"));
        assertEquals(0, (Double) r.values().get("c2_error"), 2e-11);
        assertEquals(Boolean.TRUE, r.values().get("bounds_hold"));
    }

    /** A misspelt observable is refused when the parameters are made, with the allowed forms. */
    @Test
    void unknownObservableIsRefused() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new SpeedAccuracyMetric.Params("w1", "chi2", "w2", 1e-8, SpeedAccuracyMetric.Speed.TUR,
                        org.thermodiff.thermo.TurSpeed.BasisKind.RADIAL, 8, "x1,|x|"));
        assertTrue(e.getMessage().startsWith("unknown observable '|x|'; allowed forms: x<j>"), e.getMessage());
    }

    /** Clouds that change W1 without moving (zero velocities): η > c1 = 0, and the check says so. */
    @Test
    void aViolatedBoundIsReported() {
        MetricResult r = measure(TimeGrid.gaussLegendre(1, 1, 8), true);
        BoundCheck etaC1 = r.checks().stream().filter(c -> c.name().equals("eta<=c1")).findFirst().orElseThrow();
        assertFalse(etaC1.holds());
        assertTrue(etaC1.margin() < 0);
        assertEquals(Boolean.FALSE, r.values().get("bounds_hold"));
    }

    @Test
    void standardErrorOfBatchMeans() {
        // sd of {1, 2, 3, 4} is √(5/3); divided by √4.
        assertEquals(Math.sqrt(5.0 / 3) / 2, SpeedAccuracyMetric.standardError(new double[] {1, 2, 3, 4}), 1e-15);
    }

    /**
     * The trace bound used above {@value SpeedAccuracyMetric#GELBRICH_MAX_DIMENSION} dimensions never
     * exceeds Gelbrich's (random Gaussians in d = 1…6, random SPD covariances {@code M Mᵀ + 0.1 I});
     * slack 1e-12 relative for the rounding of the two eigen-decompositions inside Gelbrich's.
     */
    @Test
    void traceBoundIsBelowGelbrich() {
        org.apache.commons.rng.UniformRandomProvider rng =
                org.apache.commons.rng.simple.RandomSource.XO_RO_SHI_RO_128_PP.create(23L);
        for (int d = 1; d <= 6; d++) {
            for (int trial = 0; trial < 50; trial++) {
                double[] ma = new double[d];
                double[] mb = new double[d];
                double[][] a = randomSpd(rng, d);
                double[][] b = randomSpd(rng, d);
                double ta = 0;
                double tb = 0;
                for (int i = 0; i < d; i++) {
                    ma[i] = rng.nextDouble() - 0.5;
                    mb[i] = rng.nextDouble() - 0.5;
                    ta += a[i][i];
                    tb += b[i][i];
                }
                double gelbrich = org.thermodiff.math.BuresWasserstein.squared(ma, a, mb, b);
                double bound = SpeedAccuracyMetric.w2SquaredTraceBound(ma, ta, mb, tb);
                assertTrue(bound >= 0 && bound <= gelbrich * (1 + 1e-12),
                        "d = " + d + ": trace bound " + bound + " > Gelbrich " + gelbrich);
            }
        }
    }

    /**
     * Closed forms: for Σ_ν = c² Σ_μ the Gaussian W2² is |Δm|² + (1 − c)² tr Σ_μ, which the trace
     * bound attains; equal means and traces give 0.
     */
    @Test
    void traceBoundClosedForms() {
        double[] ma = {1, 2};
        double[] mb = {0, 0.5};
        // tr Σ_μ = 3, c = 2: |Δm|² = 1 + 2.25, (1 − 2)² · 3 = 3.
        assertEquals(3.25 + 3, SpeedAccuracyMetric.w2SquaredTraceBound(ma, 3, mb, 12), 1e-14);
        assertEquals(0, SpeedAccuracyMetric.w2SquaredTraceBound(new double[2], 1, new double[2], 1));
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> SpeedAccuracyMetric.w2SquaredTraceBound(ma, -1, mb, 1));
        assertEquals("covariance traces must be >= 0, got -1.0 and 1.0", e.getMessage());
    }

    private static double[][] randomSpd(org.apache.commons.rng.UniformRandomProvider rng, int d) {
        double[][] m = new double[d][d];
        for (double[] row : m) {
            for (int j = 0; j < d; j++) {
                row[j] = rng.nextDouble() * 2 - 1;
            }
        }
        double[][] s = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                for (int k = 0; k < d; k++) {
                    s[i][j] += m[i][k] * m[j][k];
                }
            }
            s[i][i] += 0.1;
        }
        return s;
    }
}
