package org.thermodiff.bundle;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Injector;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thermodiff.Thermodiff;
import org.thermodiff.cli.ExitCode;
import org.thermodiff.experiment.ExperimentLoader;
import org.thermodiff.experiment.ExperimentPlan;
import org.thermodiff.pipeline.ExperimentRunner;
import org.thermodiff.pipeline.Messages;
import org.thermodiff.pipeline.Pipeline;
import org.thermodiff.plugin.PluginRegistry;
import org.thermodiff.spi.PluginFamily;
import org.thermodiff.spi.report.RunReport;

/** The event-driven pipeline: failure isolation, event loops, Guice wiring, parallelism, determinism. */
class PipelineTest {

    @TempDir
    Path dir;

    @AfterEach
    void disarmRendezvous() {
        E2eTestPlugins.Rendezvous.disarm();
    }

    @Test
    void aRunFailingInASweepIsReportedWithItsStageWhileTheOtherRunsComplete() {
        Path file = Experiments.write(dir, "sweep-fails", """
                perturbation: { name: gaussian-mean, type: gaussian, mean: 1.0, stddev: 1.0 }
                matrix:
                  schedule: [cosine, e2e-exploding, ot]
                report: [table, json, csv]
                """);
        Path out = dir.resolve("out");

        Cli.Result r = Cli.run(file, out, "--threads", "2");

        assertEquals(ExitCode.RUN_FAILED, r.exitCode(), r::describe);
        Path exp = out.resolve("sweep-fails");
        JsonObject results = Experiments.results(exp);
        assertEquals(3, results.getJsonArray("runs").size(), results::encodePrettily);
        assertEquals(1, results.getInteger("failed"));

        JsonObject failed = Experiments.run(results, "schedule", "e2e-exploding");
        assertEquals("failed", failed.getString("status"), failed::encodePrettily);
        assertEquals(new JsonObject().put("stage", "forward").put("message", E2eTestPlugins.EXPLODING_MESSAGE),
                failed.getJsonObject("error"), failed::encodePrettily);
        assertNull(failed.getValue("metrics"), "a failed run has no metrics");
        assertNull(failed.getValue("series"), "a failed run has no series");

        for (String schedule : List.of("cosine", "ot")) {
            JsonObject ok = Experiments.run(results, "schedule", schedule);
            assertEquals("ok", ok.getString("status"), ok::encodePrettily);
            assertNull(ok.getValue("error"));
            assertTrue(ok.getJsonObject("metrics").getDouble("c2") > 0, ok::encodePrettily);
            assertTrue(Files.isRegularFile(exp.resolve(ok.getString("series"))), ok::encodePrettily);
        }
        String table = Experiments.read(exp.resolve("table.txt"));
        assertTrue(table.startsWith("sweep-fails: 3 runs, 1 failed"), table);
        String failedRow = table.lines().filter(l -> l.startsWith("e2e-exploding")).findFirst().orElseThrow();
        assertTrue(failedRow.contains("FAILED in forward: " + E2eTestPlugins.EXPLODING_MESSAGE), table);
        assertEquals(2, table.lines().filter(l -> l.endsWith("hold")).count(), table);
        String csvRow = Experiments.read(exp.resolve("results.csv")).lines().filter(l -> l.startsWith("e2e-exploding,"))
                .findFirst().orElseThrow();
        assertTrue(csvRow.startsWith("e2e-exploding,failed,") && csvRow.endsWith("forward: "
                + E2eTestPlugins.EXPLODING_MESSAGE), csvRow);
    }

    @Test
    void noEventLoopIsBlockedDuringThePaperExperiment() {
        Fig4Run fig4 = Fig4Run.get();

        assertEquals(ExitCode.OK, fig4.result.exitCode(), fig4.result::describe);
        List<String> blocked = fig4.libraryLogs.stream().filter(t -> t.toLowerCase(Locale.ROOT).contains("blocked")).toList();
        assertEquals(List.of(), blocked, "Vert.x blocked-thread warnings");
        // The same warnings would reach the console through the command line's log handler; make sure
        // that channel works (progress lines are there) and carries none.
        assertTrue(fig4.result.err().contains("fig4: run 12/12"), "progress is logged\n" + fig4.result.describe());
        assertFalse(fig4.result.err().toLowerCase(Locale.ROOT).contains("blocked"), fig4.result::describe);
    }

    @Test
    void aBlockedEventLoopWouldBeCaughtByTheLogCapture() throws Exception {
        // Control for the test above: the capture does see Vert.x's blocked-thread warnings. The event
        // loop is kept busy until the checker has complained (or 20 s have passed).
        Vertx vertx = Vertx.vertx(new VertxOptions()
                .setBlockedThreadCheckInterval(20).setBlockedThreadCheckIntervalUnit(TimeUnit.MILLISECONDS)
                .setMaxEventLoopExecuteTime(50).setMaxEventLoopExecuteTimeUnit(TimeUnit.MILLISECONDS));
        try (LibraryLogs logs = LibraryLogs.capture()) {
            CompletableFuture<Boolean> warned = new CompletableFuture<>();
            vertx.runOnContext(v -> {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (logs.blockedThreadWarnings().isEmpty() && System.nanoTime() < deadline) {
                    Thread.onSpinWait();
                }
                warned.complete(!logs.blockedThreadWarnings().isEmpty());
            });
            assertTrue(warned.get(1, TimeUnit.MINUTES), () -> "no blocked-thread warning captured: " + logs.lines());
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void guiceWiresEveryPluginFamilyAndDeploysTheSixStageVerticles() throws Exception {
        Injector injector = Thermodiff.injector(getClass().getClassLoader(), 2);

        PluginRegistry registry = injector.getInstance(PluginRegistry.class);
        assertEquals(Set.of("gaussian", "gaussian-mixture", "uniform", "gaussian-nd", "gaussian-mixture-nd", "swiss-roll", "moons",
                "eight-gaussians", "checkerboard", "points-file", "random-atoms", "e2e-rendezvous"), registry.names(PluginFamily.DATA));
        assertEquals(Set.of("cosine", "cond-ot", "linear-vp", "ve", "ot", "rotating", "e2e-exploding"), registry.names(PluginFamily.SCHEDULE));
        assertEquals(Set.of("analytic", "score-matching", "flow-matching", "ot-cfm"), registry.names(PluginFamily.ESTIMATOR));
        assertEquals(Set.of("quadrature-1d", "particles", "particles-nd", "e2e-failing"), registry.names(PluginFamily.SAMPLER));
        assertEquals(Set.of("w1", "w2", "chi2", "kl", "sliced-w2", "sinkhorn"), registry.names(PluginFamily.DISTANCE));
        assertEquals(Set.of("speed-accuracy", "densities", "samples", "field-error", "training", "e2e-always-violated"),
                registry.names(PluginFamily.METRIC));
        assertEquals(Set.of("table", "json", "csv", "plots", "report"), registry.names(PluginFamily.REPORTER));
        assertEquals("org.thermodiff.plugins.samplers.SamplerPlugins",
                registry.get(PluginFamily.SAMPLER, "quadrature-1d").origin(), "registered by its plugin module");

        try (Pipeline pipeline = injector.getInstance(Pipeline.class)) {
            assertTrue(pipeline.vertx().deploymentIDs().isEmpty(), "nothing deployed before deploy()");
            pipeline.deploy();
            assertEquals(6, pipeline.vertx().deploymentIDs().size(), "one verticle per stage");
            pipeline.deploy();
            assertEquals(6, pipeline.vertx().deploymentIDs().size(), "deploy() is idempotent");
            assertTrue(injector.getInstance(Pipeline.class) == pipeline, "the pipeline is a singleton");
        }
    }

    @Test
    void experimentRunnerDrivesEveryRunThroughAllStages() throws Exception {
        Path file = Experiments.write(dir, "runner", """
                perturbation: { name: gaussian-mean, type: gaussian, mean: 1.0, stddev: 1.0 }
                matrix:
                  schedule: [cond-ot, ot]
                report: [json]
                """);
        Injector injector = Thermodiff.injector(getClass().getClassLoader(), 2);
        ExperimentPlan plan = new ExperimentLoader(injector.getInstance(PluginRegistry.class)).load(file, OptionalLong.empty());

        Messages.ExperimentFinished finished;
        try (Pipeline pipeline = injector.getInstance(Pipeline.class)) {
            finished = injector.getInstance(ExperimentRunner.class).run(plan, dir.resolve("out"), 2, false, Map.of("by", "test"),
                    event -> { });
        }

        assertEquals(List.of(), finished.reporterErrors());
        assertEquals("runner", finished.report().name());
        assertEquals(dir.resolve("out").resolve("runner"), finished.report().directory());
        List<RunReport> runs = finished.report().runs();
        assertEquals(List.of(0, 1), runs.stream().map(RunReport::index).toList(), "reported in matrix order");
        for (RunReport run : runs) {
            assertTrue(run.succeeded(), () -> "run " + run.labels() + " failed: " + run.error());
            assertEquals(Set.of("source", "forward", "estimator", "sampler", "metrics"), run.timings().keySet(),
                    "every stage handled the run " + run.labels());
            assertEquals(Experiments.SMALL_TIMES, run.series().rows(), "one series row per output time");
        }
        assertTrue(Files.isRegularFile(dir.resolve("out/runner/results.json")));
        assertEquals("test", Experiments.results(dir.resolve("out/runner")).getJsonObject("provenance").getString("by"));
    }

    @Test
    void runsOfASweepProceedInParallelWithTwoThreads() {
        // Each run's perturbed start is an e2e-rendezvous distribution: creating it (in the source
        // stage, on a worker thread) waits until both runs are creating theirs. Only if the two runs
        // are in flight and on worker threads at the same time can both arrive; run one after the
        // other, the first would give up after its patience and record false.
        Path file = Experiments.write(dir, "parallel", """
                schedule: ot
                matrix:
                  perturbation:
                    - { name: left, type: e2e-rendezvous, mean: -1.0, stddev: 1.0 }
                    - { name: right, type: e2e-rendezvous, mean: 1.0, stddev: 1.0 }
                report: [json]
                """);
        E2eTestPlugins.Rendezvous.expect(2);

        Cli.Result r = Cli.run(file, dir.resolve("out"), "--threads", "2");

        assertEquals(ExitCode.OK, r.exitCode(), r::describe);
        assertEquals(List.of(true, true), E2eTestPlugins.Rendezvous.arrivals(), "both runs met while in flight together");
        assertEquals(2L, Experiments.runs(Experiments.results(dir.resolve("out/parallel")))
                .filter(run -> "ok".equals(run.getString("status"))).count());
    }

    @Test
    void resultsAreIdenticalWhateverTheThreadCount() {
        Path file = Experiments.write(dir, "threads", """
                perturbation: { name: gaussian-mean, type: gaussian, mean: 1.0, stddev: 1.0 }
                matrix:
                  schedule: [cosine, cond-ot]
                  sampler:
                    - { type: quadrature-1d, nodes: 256, steps: 50 }
                    - { type: particles, particles: 20000, batches: 4, steps: 50 }
                report: [json]
                """);

        Cli.Result one = Cli.run(file, dir.resolve("one"), "--threads", "1");
        Cli.Result two = Cli.run(file, dir.resolve("two"), "--threads", "2");
        Cli.Result reseeded = Cli.run(file, dir.resolve("reseeded"), "--threads", "2", "--seed", "7");

        for (Cli.Result r : List.of(one, two, reseeded)) {
            assertEquals(ExitCode.OK, r.exitCode(), r::describe);
        }
        JsonObject a = Experiments.results(dir.resolve("one/threads"));
        JsonObject b = Experiments.results(dir.resolve("two/threads"));
        JsonObject c = Experiments.results(dir.resolve("reseeded/threads"));
        assertEquals(1, a.getJsonObject("provenance").getInteger("threads"));
        assertEquals(2, b.getJsonObject("provenance").getInteger("threads"));
        assertEquals(4, a.getJsonArray("runs").size());
        for (int i = 0; i < 4; i++) {
            JsonObject runA = a.getJsonArray("runs").getJsonObject(i);
            JsonObject runB = b.getJsonArray("runs").getJsonObject(i);
            assertEquals(runA.getJsonObject("labels"), runB.getJsonObject("labels"));
            assertEquals(runA.getLong("seed"), runB.getLong("seed"));
            assertEquals(runA.getJsonObject("metrics"), runB.getJsonObject("metrics"),
                    "metrics of " + runA.getJsonObject("labels") + " with 1 and 2 threads");
            assertEquals(runA.getJsonArray("checks"), runB.getJsonArray("checks"));
            assertArrayEquals(bytes(dir.resolve("one/threads").resolve(runA.getString("series"))),
                    bytes(dir.resolve("two/threads").resolve(runB.getString("series"))), "series " + runA.getString("series"));
        }
        // The comparison is not vacuous: the particle runs are random (another seed changes them),
        // carry batch error bars, and differ from the deterministic quadrature runs.
        Map<String, JsonObject> byLabels = Experiments.runs(a).collect(Collectors.toMap(PipelineTest::key, r -> r));
        Map<String, JsonObject> byLabelsReseeded = Experiments.runs(c).collect(Collectors.toMap(PipelineTest::key, r -> r));
        for (String schedule : List.of("cosine", "cond-ot")) {
            JsonObject particles = byLabels.get(schedule + "/particles").getJsonObject("metrics");
            JsonObject quadrature = byLabels.get(schedule + "/quadrature-1d").getJsonObject("metrics");
            assertAll(schedule,
                    () -> assertTrue(particles.containsKey("eta_stderr"), particles::encodePrettily),
                    () -> assertNotEquals(quadrature.getDouble("eta"), particles.getDouble("eta")),
                    () -> assertEquals(quadrature.getDouble("eta"), particles.getDouble("eta"), 0.02, "same η up to sampling error"),
                    () -> assertNotEquals(particles.getDouble("eta"),
                            byLabelsReseeded.get(schedule + "/particles").getJsonObject("metrics").getDouble("eta"),
                            "another seed, other particles"),
                    () -> assertEquals(quadrature, byLabelsReseeded.get(schedule + "/quadrature-1d").getJsonObject("metrics"),
                            "quadrature is deterministic"));
        }
    }

    private static String key(JsonObject run) {
        JsonObject labels = run.getJsonObject("labels");
        return labels.getString("schedule") + "/" + labels.getString("sampler");
    }

    private static byte[] bytes(Path file) {
        return Experiments.read(file).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
