package org.thermodiff.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The n-D code path end to end: the n-D data plugin, the multi-threaded n-D particle sampler and the
 * metrics on point clouds.
 */
class NdPathTest {

    @TempDir
    Path dir;

    /**
     * With d = 1 the n-D path reproduces the spine's exact 1-D results (oracle values of
     * {@code fig4_reference.csv}) within its Monte-Carlo error bars: the paper's mixture given as
     * {@code gaussian-mixture-nd} with dimension 1, sampled by {@code particles-nd}. 4 standard
     * errors: a false alarm rate of 6e-5 per number.
     */
    @Test
    void inOneDimensionTheNdPathReproducesTheExactResultsWithinItsErrorBars() {
        Map<String, JsonObject> m = Experiments.metricsByLabels(Experiments.runYaml("""
                name: nd-path-1d
                data: { type: gaussian-mixture-nd, dimension: 1, weights: [0.5, 0.5], means: [0.5916079783099616, -0.5916079783099616], stddevs: [0.3, 0.3] }
                perturbation: { type: gaussian, mean: 1.0, stddev: 1.0 }
                sampler: { type: particles-nd, particles: 40000, batches: 10, steps: 100 }
                time: { type: gauss-legendre, panels: 2, order: 16 }
                seed: 7
                matrix:
                  schedule: [cosine, cond-ot]
                report: [json]
                """, dir));
        // η, c1, c2 from src/test/resources/oracle/fig4_reference.csv (gaussian-mean rows).
        double[][] exact = {{0.0898121386835, 0.108888625504, 0.202544481824},     // cosine
                {0.0898121386835, 0.225089910061, 0.437970466621}};                // cond-ot
        String[] schedules = {"cosine", "cond-ot"};
        for (int s = 0; s < 2; s++) {
            JsonObject r = m.get(schedules[s]);
            assertTrue(r.getBoolean("bounds_hold"), r.encodePrettily());
            String[] keys = {"eta", "c1", "c2"};
            for (int k = 0; k < 3; k++) {
                double stderr = r.getDouble(keys[k] + "_stderr");
                assertTrue(stderr > 0 && stderr < 0.1 * exact[s][k], keys[k] + " stderr " + stderr);
                assertEquals(exact[s][k], r.getDouble(keys[k]), 4 * stderr, schedules[s] + " " + keys[k]);
            }
        }
    }

    /**
     * The Swiss roll (2-D) through the whole pipeline: η ≤ c1 ≤ c2 holds for each schedule, with
     * error bars from the batches, and the scatter tables of Fig. 3 are written.
     */
    @Test
    void swissRollBoundsHoldWithErrorBars() {
        Path out = dir.resolve("out");
        JsonObject results = Experiments.runYaml("""
                name: swiss
                data: { type: swiss-roll }
                perturbation: { type: gaussian, mean: 0.3, stddev: 1 }
                sampler: { type: particles-nd, particles: 400, batches: 4, steps: 40 }
                time: { type: gauss-legendre, panels: 1, order: 8, marks: 3 }
                metrics: [speed-accuracy, samples]
                matrix:
                  schedule: [cosine, cond-ot]
                report: [json]
                """, dir);
        Map<String, JsonObject> m = Experiments.metricsByLabels(results);
        for (JsonObject r : m.values()) {
            assertTrue(r.getBoolean("bounds_hold"), r.encodePrettily());
            assertTrue(r.getDouble("eta") <= r.getDouble("c1") && r.getDouble("c1") <= r.getDouble("c2"), r.encodePrettily());
            assertTrue(r.getDouble("eta_stderr") > 0 && r.getDouble("c2_stderr") > 0, r.encodePrettily());
        }
        JsonObject run = results.getJsonArray("runs").getJsonObject(0);
        assertEquals(4, run.getJsonObject("tables").size(), run.encodePrettily());
    }

    /**
     * The reverse SDE (Eq. 9) through the pipeline, for schedules whose temperature is infinite at
     * t = τ (m_τ = 0): the reverse cloud at t = 0 is distributed as the data, eight Gaussians with
     * covariance (r²/2 + s²) I = 4.125 I. 1000 kept points give a sample variance within about
     * 7% (two standard errors of a variance for this mixture's kurtosis); the Euler–Maruyama bias at
     * 200 steps is of order 1%: 15% is a loose, failing-when-broken bound.
     */
    @Test
    void theReverseSdeSamplesTheDataForSchedulesWithInfiniteTemperatureAtTau() {
        JsonObject results = Experiments.runYaml("""
                name: sde
                data: { type: eight-gaussians }
                perturbation: { type: gaussian, mean: 0.3, stddev: 1 }
                sampler: { type: particles-nd, particles: 2000, batches: 2, steps: 200, integrator: sde-euler-maruyama }
                time: { type: gauss-legendre, panels: 1, order: 4 }
                metrics: [{ type: samples, times: [0], points: 1000 }]
                matrix:
                  schedule: [cosine, cond-ot]
                report: [json]
                """, dir);
        for (Object o : results.getJsonArray("runs")) {
            JsonObject run = (JsonObject) o;
            java.util.List<String> lines = Experiments.read(dir.resolve("out").resolve("sde").resolve(
                    run.getJsonObject("tables").getString("samples_t0.0000"))).lines().toList();
            int x1 = java.util.Arrays.asList(lines.get(0).split(",")).indexOf("reverse_x1");
            double sum = 0;
            double sumSq = 0;
            for (String line : lines.subList(1, lines.size())) {
                double v = Double.parseDouble(line.split(",")[x1]);
                assertTrue(Double.isFinite(v), line);
                sum += v;
                sumSq += v * v;
            }
            int n = lines.size() - 1;
            double variance = sumSq / n - (sum / n) * (sum / n);
            assertEquals(4.125, variance, 0.15 * 4.125, run.encode());
        }
    }

    /**
     * Dimension mistakes are bad input, found before anything runs: a 1-D-only sampler with 2-D data,
     * the exact-field estimator with a schedule that has no closed-form velocity in 2-D (ot), and a
     * 1-D perturbation that is not a gaussian (which would be lifted isotropically), each named at
     * its key; exit status 2.
     */
    @Test
    void dimensionMistakesAreBadInputNamingThePlugin() {
        Path file = Experiments.writeRaw(dir, "mistakes.yaml", """
                name: mistakes
                data: { type: moons }
                schedule: ot
                perturbation: { type: uniform, low: -1, high: 1 }
                report: [json]
                """);
        Cli.Result r = Cli.execute("validate", file.toString());
        assertEquals(org.thermodiff.cli.ExitCode.BAD_INPUT, r.exitCode(), r::describe);
        assertTrue(r.err().contains("sampler 'quadrature-1d' works on the real line only, but the data are 2-dimensional"),
                r::describe);
        assertTrue(r.err().contains("estimator 'analytic' returns the schedule's exact velocity, but schedule 'ot' has none"),
                r::describe);
        assertTrue(r.err().contains("perturbation 'uniform' is 1-dimensional but the data are 2-dimensional"), r::describe);
    }

    /** A schedule that needs a plane (the rotation of the non-conservative force) refuses 1-D data when checked. */
    @Test
    void rotationOnTheLineIsBadInput() {
        Path file = Experiments.writeRaw(dir, "line.yaml", """
                name: line
                data: { type: gaussian, mean: 0, stddev: 1 }
                schedule: { type: rotating, g: 1 }
                perturbation: { type: gaussian, mean: 1, stddev: 1 }
                report: [json]
                """);
        Cli.Result r = Cli.execute("validate", file.toString());
        assertEquals(org.thermodiff.cli.ExitCode.BAD_INPUT, r.exitCode(), r::describe);
        assertTrue(r.err().contains("line.yaml:3:") && r.err().contains("schedule 'rotating' needs data in at least 2 dimensions"),
                r::describe);
    }
}
