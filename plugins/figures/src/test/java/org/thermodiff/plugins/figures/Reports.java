package org.thermodiff.plugins.figures;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.thermodiff.spi.metrics.BoundCheck;
import org.thermodiff.spi.metrics.Series;
import org.thermodiff.spi.report.ExperimentReport;
import org.thermodiff.spi.report.RunReport;

/**
 * Synthetic experiment reports shaped like those of {@code fig4}: Gaussian density tables, smooth
 * speed series and the contract metrics, with values chosen by the tests, not computed.
 */
final class Reports {

    static final List<String> SCHEDULES = List.of("cosine", "cond-ot", "ot");
    static final List<String> PERTURBATIONS = List.of("gaussian-mean", "uniform");
    /** The density tables of the {@code densities} metric at t = 0, τ/3, 2τ/3, τ. */
    static final List<String> DENSITY_TABLES = List.of("density_t0.0000", "density_t0.3333", "density_t0.6667",
            "density_t1.0000");

    private Reports() {
    }

    /** A completed run with the given labels, every contract metric, two checks, a speed series and density tables. */
    static RunReport run(int index, Map<String, String> labels) {
        return new RunReport(index, labels, 42L + index, values(0.09, 0.11, 0.2), speeds(), checks(true),
                Optional.empty(), Map.of("sampler", 5L), Map.of("nodes", 64), densities(), Map.of("schedule",
                Map.of("type", labels.getOrDefault("schedule", "cosine"))));
    }

    /** A run that failed in {@code stage}. */
    static RunReport failed(int index, Map<String, String> labels, String stage, String message) {
        return new RunReport(index, labels, 42L + index, Map.of(), Series.empty(), List.of(),
                Optional.of(new RunReport.RunError(stage, message)), Map.of(), Map.of(), Map.of(), Map.of());
    }

    /** {@code run} with its tables replaced. */
    static RunReport withTables(RunReport r, Map<String, Series> tables) {
        return new RunReport(r.index(), r.labels(), r.seed(), r.values(), r.series(), r.checks(), r.error(), r.timings(),
                r.diagnostics(), tables, r.configuration());
    }

    /** {@code run} with its series replaced. */
    static RunReport withSeries(RunReport r, Series series) {
        return new RunReport(r.index(), r.labels(), r.seed(), r.values(), series, r.checks(), r.error(), r.timings(),
                r.diagnostics(), r.tables(), r.configuration());
    }

    /** {@code run} with its checks replaced. */
    static RunReport withChecks(RunReport r, List<BoundCheck> checks) {
        return new RunReport(r.index(), r.labels(), r.seed(), r.values(), r.series(), checks, r.error(), r.timings(),
                r.diagnostics(), r.tables(), r.configuration());
    }

    /** {@code run} with its metric values replaced. */
    static RunReport withValues(RunReport r, Map<String, Object> values) {
        return new RunReport(r.index(), r.labels(), r.seed(), values, r.series(), r.checks(), r.error(), r.timings(),
                r.diagnostics(), r.tables(), r.configuration());
    }

    /** {@code run} with its configuration replaced. */
    static RunReport withConfiguration(RunReport r, Map<String, Object> configuration) {
        return new RunReport(r.index(), r.labels(), r.seed(), r.values(), r.series(), r.checks(), r.error(), r.timings(),
                r.diagnostics(), r.tables(), configuration);
    }

    /** The labels {@code axis1 → v1, axis2 → v2 …} in order. */
    static Map<String, String> labels(String... axisValue) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < axisValue.length; i += 2) {
            m.put(axisValue[i], axisValue[i + 1]);
        }
        return m;
    }

    /** schedule × perturbation, every run completed, in matrix order (schedule outer, as fig4). */
    static ExperimentReport fig4Like(Path dir) {
        List<RunReport> runs = new ArrayList<>();
        for (String s : SCHEDULES) {
            for (String p : PERTURBATIONS) {
                runs.add(run(runs.size(), labels("schedule", s, "perturbation", p)));
            }
        }
        return experiment(dir, List.of("schedule", "perturbation"), runs);
    }

    /** An experiment over {@code runs} with a small definition and provenance. */
    static ExperimentReport experiment(Path dir, List<String> axes, List<RunReport> runs) {
        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("thermodiff", "0.1.0-test");
        Map<String, Object> git = new LinkedHashMap<>();
        git.put("commit", "abc123");
        git.put("dirty", false);
        provenance.put("git", git);
        provenance.put("seed", 7L);
        return new ExperimentReport("synthetic", "A synthetic experiment.", Path.of("synthetic.yaml"),
                "name: synthetic\nmatrix:\n  schedule: [cosine, cond-ot, ot]\n", dir, axes, runs, provenance, 1234);
    }

    static Map<String, Object> values(double eta, double c1, double c2) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("D0", 1.718281828459045);
        v.put("W1_generated", 0.6071608904725269);
        v.put("W1_initial", 1.0);
        v.put("eta", eta);
        v.put("c1", c1);
        v.put("c2", c2);
        v.put("dissipation", c2);
        v.put("bounds_hold", true);
        return v;
    }

    static List<BoundCheck> checks(boolean hold) {
        return List.of(BoundCheck.of("eta<=c1", "Eq. 82", 0.09, hold ? 0.11 : 0.08, 1e-9),
                BoundCheck.of("c1<=c2", "Eq. 82", 0.11, 0.2, 1e-9));
    }

    /** 41 times on [0, 1], not equally spaced (as the Gauss–Legendre grids are), with v_loss² ≤ v₂² = T·Ṡ. */
    static Series speeds() {
        int n = 41;
        double[] t = new double[n];
        double[] w1 = new double[n];
        double[] d = new double[n];
        double[] vloss2 = new double[n];
        double[] v2sq = new double[n];
        for (int i = 0; i < n; i++) {
            double u = (double) i / (n - 1);
            t[i] = u * u * (3 - 2 * u);
            v2sq[i] = 0.2 + 0.1 * Math.sin(Math.PI * t[i]);
            vloss2[i] = 0.5 * v2sq[i];
            w1[i] = 1 - 0.4 * t[i];
            d[i] = -0.4;
        }
        return Series.withTimes(t).column("W1", w1).column("dW1dt", d).column("vloss2", vloss2).column("v2sq", v2sq)
                .column("TSdot", v2sq.clone()).build();
    }

    /** Density tables at t = 0, τ/3, 2τ/3, τ: forward N(0, 1), estimated N(1, 1), on an equally spaced grid. */
    static Map<String, Series> densities() {
        Map<String, Series> tables = new LinkedHashMap<>();
        for (String name : DENSITY_TABLES) {
            tables.put(name, density(false));
        }
        return tables;
    }

    /**
     * One density table on x ∈ [−4, 5] in steps of 0.05 (so the peaks at 0 and 1 are grid points);
     * {@code histogram} names the estimated column as the histogram fallback does.
     */
    static Series density(boolean histogram) {
        int n = 181;
        double[] x = new double[n];
        double[] p = new double[n];
        double[] q = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = -4 + 9.0 * i / (n - 1);
            p[i] = Math.exp(-x[i] * x[i] / 2) / Math.sqrt(2 * Math.PI);
            q[i] = Math.exp(-(x[i] - 1) * (x[i] - 1) / 2) / Math.sqrt(2 * Math.PI);
        }
        return Series.withKey("x", x).column("forward", p).column(histogram ? "estimated_histogram" : "estimated", q).build();
    }
}
