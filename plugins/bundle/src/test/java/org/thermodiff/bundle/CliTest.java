package org.thermodiff.bundle;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.thermodiff.cli.ExitCode;

/** The command line end to end: exit statuses, what it prints and what it writes. */
class CliTest {

    @TempDir
    Path dir;

    @Test
    void runOfValidExperimentExitsZeroAndWritesResultsCsvTableAndSeries() {
        Path file = Experiments.write(dir, "cli-ok", """
                perturbation: { name: gaussian-mean, type: gaussian, mean: 1.0, stddev: 1.0 }
                matrix:
                  schedule: [cosine, ot]
                report: [table, json, csv]
                """);
        Path out = dir.resolve("out");

        Cli.Result r = Cli.run(file, out, "--threads", "2");

        assertEquals(ExitCode.OK, r.exitCode(), r::describe);
        Path exp = out.resolve("cli-ok");
        assertAll(
                () -> assertTrue(Files.isRegularFile(exp.resolve("results.json")), "results.json"),
                () -> assertTrue(Files.isRegularFile(exp.resolve("results.csv")), "results.csv"),
                () -> assertTrue(Files.isRegularFile(exp.resolve("table.txt")), "table.txt"),
                () -> assertTrue(Files.isRegularFile(exp.resolve("series/cosine.csv")), "cosine series"),
                () -> assertTrue(Files.isRegularFile(exp.resolve("series/ot.csv")), "ot series"));
        assertEquals(2, Experiments.files(exp.resolve("series")).size(), "one series per run");
        JsonObject results = Experiments.results(exp);
        assertEquals("cli-ok", results.getString("experiment"));
        assertEquals(2, results.getJsonArray("runs").size());
        assertTrue(Experiments.runs(results).allMatch(run -> "ok".equals(run.getString("status"))), results::encodePrettily);
        List<String> csv = Experiments.read(exp.resolve("results.csv")).lines().toList();
        assertEquals(3, csv.size(), "header + one row per run: " + csv);
        assertTrue(csv.get(0).startsWith("schedule,status,"), csv.get(0));
        // The table reporter prints to standard output exactly what it saves in table.txt.
        String table = Experiments.read(exp.resolve("table.txt"));
        assertTrue(table.startsWith("cli-ok: 2 runs, 0 failed, 0 with violated bounds"), table);
        assertTrue(r.out().contains(table), r::describe);
        assertTrue(r.err().contains("results in " + exp), "stderr names the output directory\n" + r.describe());
    }

    @Test
    void mainInAFreshJvmExitsWithTheStatusAndLogsEveryRunToStandardError() throws Exception {
        // A separate JVM runs Main.main as the launcher does: System.exit, the real standard error,
        // and (with a tiny young generation) garbage collections while the engine starts.
        Path file = Experiments.write(dir, "cli-process", """
                perturbation: { name: gaussian-mean, type: gaussian, mean: 1.0, stddev: 1.0 }
                matrix:
                  schedule: [cosine, e2e-exploding]
                report: [json]
                """);
        Path out = dir.resolve("out");
        Path stdout = dir.resolve("stdout.txt");
        Path stderr = dir.resolve("stderr.txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-XX:+UseSerialGC", "-Xmn2m", "-cp", System.getProperty("java.class.path"),
                "org.thermodiff.cli.Main", "run", file.toString(), "--out", out.toString(), "--threads", "2")
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the command did not finish in 2 minutes");
        }

        String err = Experiments.read(stderr);
        assertEquals(ExitCode.RUN_FAILED, process.exitValue(), err);
        assertTrue(err.contains("[thermodiff] cli-process: run 1/2"), "progress of run 1:\n" + err);
        assertTrue(err.contains("[thermodiff] cli-process: run 2/2"), "progress of run 2:\n" + err);
        assertTrue(err.contains("FAILED in forward: " + E2eTestPlugins.EXPLODING_MESSAGE), err);
        assertTrue(err.contains("results in " + out.resolve("cli-process")), err);
        assertFalse(Cli.hasStackTrace(err), err);
        assertEquals(2, Experiments.results(out.resolve("cli-process")).getJsonArray("runs").size());
    }

    @Test
    void unknownPluginIsBadInputNamingFileLineColumnAndKnownPluginsWithoutStackTrace() {
        Path file = Experiments.write(dir, "cli-unknown", """
                perturbation: { type: gaussian, mean: 1.0, stddev: 1.0 }
                schedule: cosinus
                """);
        // line 1 name, lines 2-7 the small set-up, line 8 perturbation, line 9 "schedule: cosinus"
        Path out = dir.resolve("out");

        Cli.Result r = Cli.run(file, out);

        assertEquals(ExitCode.BAD_INPUT, r.exitCode(), r::describe);
        assertTrue(r.err().contains(file + ":9:11"), "file:line:column of the bad value\n" + r.describe());
        assertTrue(r.err().contains("cosinus"), r::describe);
        String knownLine = r.err().lines().filter(l -> l.contains("cosinus")).findFirst().orElseThrow();
        for (String known : List.of("cosine", "cond-ot", "linear-vp", "ot", "ve")) {
            assertTrue(knownLine.contains(known), "lists known schedule " + known + ": " + knownLine);
        }
        assertFalse(Cli.hasStackTraceOrExceptionName(r.err() + r.out()), r::describe);
        assertFalse(Files.exists(out), "nothing is run or written on bad input");
    }

    /** Two schedules × three horizons τ: a numeric axis for the figure of metrics against an axis. */
    private static final String TAU_SWEEP = """
            perturbation: { type: gaussian, mean: 1.0, stddev: 1.0 }
            matrix:
              schedule: [cosine, cond-ot]
              tau: [0.5, 1, 2]
            """;

    @Test
    void aFigureAxisThatIsNotNumericIsBadInputNamingTheNumericAxesBeforeAnythingRuns() {
        Path file = Experiments.write(dir, "cli-axis", TAU_SWEEP + "report:\n  - json\n  - { type: plots, axis: schedule }\n");
        // line 1 name, lines 2-7 the small set-up, 8 perturbation, 9-11 matrix, 12 report, 13 json, 14 plots
        Path out = dir.resolve("out");

        Cli.Result r = Cli.run(file, out);

        assertEquals(ExitCode.BAD_INPUT, r.exitCode(), r::describe);
        String problem = r.err().lines().filter(l -> l.contains("report[1].axis")).findFirst()
                .orElseThrow(() -> new AssertionError("the option is named\n" + r.describe()));
        assertTrue(problem.startsWith("error: " + file + ":14:26: "), problem);
        assertTrue(problem.contains("not numbers (cosine, cond-ot)") && problem.contains("Allowed: tau"), problem);
        assertFalse(Files.exists(out), "nothing is run on bad input");
    }

    @Test
    void plotsDrawTheMetricsAgainstTheNumericAxisAndAMetricNoRunReportsFailsOnlyTheReporter() {
        Path file = Experiments.write(dir, "cli-vs", """
                perturbation: { type: gaussian, mean: 1.0, stddev: 1.0 }
                schedule: cosine
                matrix:
                  tau: [0.5, 1, 2]
                report: [json, plots, { type: report, name: typo, metrics: "eta, etta" }]
                """);
        Path out = dir.resolve("out");

        Cli.Result r = Cli.run(file, out);

        assertEquals(ExitCode.RUN_FAILED, r.exitCode(), r::describe);
        assertTrue(r.err().contains("error: reporter 'report' failed: metrics: no completed run reports 'etta'"), r::describe);
        Path exp = out.resolve("cli-vs");
        assertTrue(Files.isRegularFile(exp.resolve("figures/vs-tau.png")) && Files.isRegularFile(exp.resolve("figures/vs-tau.svg")),
                "plots draws η, c1, c2 and the dissipation against τ\n" + r.describe());
        assertTrue(Experiments.read(exp.resolve("results.json")).contains("\"tau\" : \"2\""), "the runs are written");
        assertTrue(Experiments.read(exp.resolve("report.html")).contains("no figure against a matrix axis"),
                "the report with the mistake is still written, saying it");
        assertFalse(Cli.hasStackTraceOrExceptionName(r.err()), r::describe);
    }

    /** fig4's first two perturbations under cosine and cond-OT, less one combination, plus one run under OT. */
    private static final String INCLUDE_EXCLUDE = """
            matrix:
              schedule: [cosine, cond-ot]
              perturbation:
                - { name: gaussian-mean, type: gaussian, mean: 1.0, stddev: 1.0 }
                - { name: gaussian-variance, type: gaussian, mean: 0.0, stddev: 0.8 }
              exclude: [{ schedule: cosine, perturbation: gaussian-variance }]
              include: [{ schedule: ot, perturbation: gaussian-variance, sampler.nodes: 512 }]
            report: [json, csv]
            """;

    @Test
    void matrixExcludeAndIncludeRunEndToEndInOrderWithTheIncludedSettings() {
        Path file = Experiments.write(dir, "cli-include", INCLUDE_EXCLUDE);
        Path out = dir.resolve("out");

        Cli.Result r = Cli.run(file, out, "--threads", "2");

        assertEquals(ExitCode.OK, r.exitCode(), r::describe);
        JsonObject results = Experiments.results(out.resolve("cli-include"));
        List<String> labels = Experiments.runs(results).map(run -> run.getJsonObject("labels").getString("schedule") + "/"
                + run.getJsonObject("labels").getString("perturbation")).toList();
        assertEquals(List.of("cosine/gaussian-mean", "cond-ot/gaussian-mean", "cond-ot/gaussian-variance", "ot/gaussian-variance"),
                labels);
        assertTrue(Experiments.runs(results).allMatch(run -> "ok".equals(run.getString("status"))), results::encodePrettily);
        List<Integer> nodes = Experiments.runs(results)
                .map(run -> run.getJsonObject("configuration").getJsonObject("sampler").getInteger("nodes")).toList();
        assertEquals(List.of(256, 256, 256, 512), nodes, "only the included run sets sampler.nodes");
        assertEquals(5, Experiments.read(out.resolve("cli-include").resolve("results.csv")).lines().count(), "header + 4 runs");

        Cli.Result validated = Cli.execute("validate", file.toString());
        assertEquals(ExitCode.OK, validated.exitCode(), validated::describe);
        assertTrue(validated.out().contains("4 runs (schedule × perturbation)"), validated::describe);
    }

    @Test
    void misspeltExcludeValueIsBadInputAtItsLineAndColumnListingTheAxisValues() {
        // line 1 name, lines 2-7 the small set-up, line 8 "matrix:", line 13 the exclude row
        Path file = Experiments.write(dir, "cli-exclude", INCLUDE_EXCLUDE.replace("{ schedule: cosine, perturbation", "{ schedule: cosin, perturbation"));
        Path out = dir.resolve("out");

        Cli.Result r = Cli.run(file, out);

        assertEquals(ExitCode.BAD_INPUT, r.exitCode(), r::describe);
        assertTrue(r.err().contains(file + ":13:25: matrix.exclude[0].schedule: 'cosin' is not a value of the axis 'schedule'. "
                + "Did you mean 'cosine'? Its values: cosine, cond-ot"), r::describe);
        assertFalse(Files.exists(out), "nothing is run or written on bad input");
    }

    @Test
    void malformedYamlIsBadInputWithLocationAndNoStackTrace() {
        Path file = Experiments.writeRaw(dir, "broken.yaml", """
                name: broken
                data: { type: gaussian, mean: [1, 2
                schedule: cosine
                """);

        Cli.Result r = Cli.run(file, dir.resolve("out"));

        assertEquals(ExitCode.BAD_INPUT, r.exitCode(), r::describe);
        // The unclosed "[1, 2" is detected on line 3, where the next key starts.
        assertTrue(r.err().lines().anyMatch(l -> l.startsWith("error: " + file + ":3:") && l.contains("malformed YAML")),
                "names file, line and column\n" + r.describe());
        assertFalse(Cli.hasStackTraceOrExceptionName(r.err()), r::describe);
        assertFalse(Files.exists(dir.resolve("out")), "nothing is run or written on bad input");
    }

    @Test
    void missingFileIsBadInput() {
        Path missing = dir.resolve("no-such-experiment.yaml");

        Cli.Result r = Cli.run(missing, dir.resolve("out"));

        assertEquals(ExitCode.BAD_INPUT, r.exitCode(), r::describe);
        assertTrue(r.err().contains("error: " + missing + ":1:1: file not found"), r::describe);
        assertFalse(Cli.hasStackTraceOrExceptionName(r.err()), r::describe);
    }

    static Stream<Arguments> badOptions() {
        return Stream.of(
                Arguments.of(List.of("--threads", "abc"), "abc"),
                Arguments.of(List.of("--seed", "twelve"), "twelve"),
                Arguments.of(List.of("--parallel", "0"), "--parallel must be at least 1, got 0"),
                Arguments.of(List.of("--cluster", "--cluster-name", "two words"), "cluster name 'two words' must be"),
                Arguments.of(List.of("--cluster", "--cluster-port", "70000"), "cluster port must be between 1 and"),
                Arguments.of(List.of("--cluster", "--members", "a b"), "cluster member 'a b' must be host or host:port"),
                Arguments.of(List.of("--no-such-option"), "--no-such-option"));
    }

    @ParameterizedTest(name = "run {0}")
    @MethodSource("badOptions")
    void badOptionIsBadInputNamingTheOption(List<String> options, String culprit) {
        Path file = Experiments.write(dir, "cli-options", "perturbation: { type: gaussian, mean: 1.0, stddev: 1.0 }\n"
                + "schedule: cosine\n");
        List<String> args = new ArrayList<>(List.of("run", file.toString(), "--out", dir.resolve("out").toString()));
        args.addAll(options);

        Cli.Result r = Cli.execute(args.toArray(String[]::new));

        assertEquals(ExitCode.BAD_INPUT, r.exitCode(), r::describe);
        assertTrue(r.err().contains(culprit), "names the bad option or value\n" + r.describe());
        assertFalse(Files.exists(dir.resolve("out")), "nothing is run on a bad option");
    }

    @Test
    void unknownCommandIsBadInput() {
        Cli.Result r = Cli.execute("frobnicate");

        assertEquals(ExitCode.BAD_INPUT, r.exitCode(), r::describe);
        assertTrue(r.err().contains("frobnicate"), r::describe);
    }

    @Test
    void runtimeFailureExitsOneAndTheOtherRunsOfTheSweepAreStillWritten() {
        Path file = Experiments.write(dir, "cli-fails", """
                perturbation: { name: gaussian-mean, type: gaussian, mean: 1.0, stddev: 1.0 }
                matrix:
                  schedule: [cosine, ot]
                  sampler:
                    - { name: quadrature, type: quadrature-1d, nodes: 256, steps: 50 }
                    - { name: broken, type: e2e-failing, after: 3 }
                report: [table, json, csv]
                """);
        Path out = dir.resolve("out");

        Cli.Result r = Cli.run(file, out, "--threads", "2");

        assertEquals(ExitCode.RUN_FAILED, r.exitCode(), r::describe);
        Path exp = out.resolve("cli-fails");
        JsonObject results = Experiments.results(exp);
        assertEquals(4, results.getJsonArray("runs").size(), results::encodePrettily);
        assertEquals(2, results.getInteger("failed"), results::encodePrettily);
        Experiments.runs(results).forEach(run -> {
            String sampler = run.getJsonObject("labels").getString("sampler");
            if (sampler.equals("broken")) {
                assertEquals("failed", run.getString("status"), run::encodePrettily);
                assertEquals("sampler", run.getJsonObject("error").getString("stage"), run::encodePrettily);
                assertTrue(run.getJsonObject("error").getString("message").contains(E2eTestPlugins.FAILING_SAMPLER_MESSAGE + " 3"),
                        run::encodePrettily);
            } else {
                assertEquals("ok", run.getString("status"), run::encodePrettily);
                assertTrue(run.getJsonObject("metrics").getDouble("eta") > 0, run::encodePrettily);
                assertTrue(Files.isRegularFile(exp.resolve(run.getString("series"))), run::encodePrettily);
            }
        });
        assertTrue(Files.isRegularFile(exp.resolve("results.csv")) && Files.isRegularFile(exp.resolve("table.txt")));
        assertTrue(r.err().contains("FAILED in sampler"), "the failure is logged\n" + r.describe());
        assertFalse(Cli.hasStackTrace(r.err()), "no stack trace without --verbose\n" + r.describe());
    }

    @Test
    void violatedBoundExitsThreeWithFailOnViolationAndZeroWithout() {
        Path file = Experiments.write(dir, "cli-violated", """
                perturbation: { type: gaussian, mean: 1.0, stddev: 1.0 }
                schedule: ot
                metrics: [speed-accuracy, e2e-always-violated]
                report: [table, json]
                """);

        Cli.Result strict = Cli.run(file, dir.resolve("strict"), "--fail-on-violation");
        Cli.Result lenient = Cli.run(file, dir.resolve("lenient"));

        assertEquals(ExitCode.VIOLATION, strict.exitCode(), strict::describe);
        assertEquals(ExitCode.OK, lenient.exitCode(), lenient::describe);
        for (Path out : List.of(dir.resolve("strict"), dir.resolve("lenient"))) {
            Path exp = out.resolve("cli-violated");
            JsonObject results = Experiments.results(exp);
            assertEquals(1, results.getInteger("violations"), results::encodePrettily);
            JsonObject run = results.getJsonArray("runs").getJsonObject(0);
            assertEquals("ok", run.getString("status"));
            assertTrue(run.getJsonArray("checks").stream().map(JsonObject.class::cast)
                    .anyMatch(c -> c.getString("name").equals("x<=y") && !c.getBoolean("holds")), run::encodePrettily);
            assertEquals(Boolean.FALSE, run.getJsonObject("metrics").getBoolean("bounds_hold"),
                    "bounds_hold in results.json agrees with the run's checks\n" + run.encodePrettily());
            assertTrue(Experiments.read(exp.resolve("table.txt")).contains("VIOLATED"));
        }
    }

    @Test
    void validatePrintsOneOkLinePerFileAndExitsZero() {
        Path a = Experiments.write(dir, "valid-a", """
                perturbation: { type: gaussian, mean: 1.0, stddev: 1.0 }
                matrix:
                  schedule: [cosine, cond-ot, ot]
                """);
        Path b = Experiments.write(dir, "valid-b", "perturbation: { type: uniform, low: -1, high: 1 }\nschedule: ot\n");

        Cli.Result r = Cli.execute("validate", a.toString(), b.toString());

        assertEquals(ExitCode.OK, r.exitCode(), r::describe);
        List<String> lines = r.out().lines().toList();
        assertEquals(2, lines.size(), r::describe);
        assertEquals(a + ": ok, experiment 'valid-a', 3 runs (schedule)", lines.get(0));
        assertEquals(b + ": ok, experiment 'valid-b', 1 run (no matrix)", lines.get(1));
        assertFalse(Files.exists(Path.of("out", "valid-a")), "validate runs nothing (the default --out is ./out)");
    }

    @Test
    void validateOfABadFileExitsTwoNamingItsProblem() {
        Path good = Experiments.write(dir, "valid-good", "perturbation: { type: gaussian, mean: 1.0 }\nschedule: ot\n");
        Path bad = Experiments.writeRaw(dir, "valid-bad.yaml", """
                name: valid-bad
                perturbation: { type: gaussian, mean: 1.0 }
                schedule: ot
                sampler: { type: quadrature-1d, nodez: 256 }
                """);

        Cli.Result r = Cli.execute("validate", good.toString(), bad.toString());

        assertEquals(ExitCode.BAD_INPUT, r.exitCode(), r::describe);
        String problem = r.err().lines().filter(l -> l.contains("nodez")).findFirst()
                .orElseThrow(() -> new AssertionError("the unknown key is reported\n" + r.describe()));
        assertTrue(problem.startsWith("error: " + bad + ":4:"), problem);
        assertTrue(problem.contains("nodes"), "suggests the valid key: " + problem);
        assertFalse(r.err().contains(good.toString()), "the good file is not blamed\n" + r.describe());
        assertFalse(Cli.hasStackTraceOrExceptionName(r.err()), r::describe);
    }

    @Test
    void pluginsListsEveryFamilyAndBuiltInPluginWithParametersAndDefaults() {
        Cli.Result r = Cli.execute("plugins");

        assertEquals(ExitCode.OK, r.exitCode(), r::describe);
        Map<String, List<String>> sections = sections(r.out());
        assertEquals(List.of("data", "schedule", "estimator", "sampler", "distance", "metric", "reporter"),
                List.copyOf(sections.keySet()), r::describe);
        Map<String, List<String>> builtIns = Map.of(
                "data", List.of("gaussian", "gaussian-mixture", "uniform"),
                "schedule", List.of("cosine", "cond-ot", "linear-vp", "ve", "ot", "rotating"),
                "estimator", List.of("analytic"),
                "sampler", List.of("quadrature-1d", "particles"),
                "distance", List.of("w1", "w2", "chi2"),
                "metric", List.of("speed-accuracy", "densities", "samples", "field-error", "training"),
                "reporter", List.of("table", "json", "csv", "plots", "report"));
        builtIns.forEach((family, names) -> {
            for (String name : names) {
                assertTrue(sections.get(family).stream().anyMatch(l -> l.startsWith("  " + name + ": ")),
                        family + " lists " + name + "\n" + r.out());
            }
        });
        String plugins = r.out();
        assertAll(
                () -> assertTrue(parameterLine(plugins, "quadrature-1d", "nodes").contains("(default 1024)"), plugins),
                () -> assertTrue(parameterLine(plugins, "particles", "particles").contains("(default 100000)"), plugins),
                () -> assertTrue(parameterLine(plugins, "ve", "sigma-min").contains("(default 0.01)"), plugins),
                () -> assertTrue(parameterLine(plugins, "gaussian", "stddev").contains("(default 1)"), plugins),
                () -> assertTrue(parameterLine(plugins, "gaussian-mixture", "weights").contains("(required)"), plugins),
                () -> assertTrue(parameterLine(plugins, "speed-accuracy", "transport").contains("(default w1)"), plugins));
    }

    /** The listing's lines by family (section headers are "family — title"). */
    private static Map<String, List<String>> sections(String listing) {
        Map<String, List<String>> sections = new LinkedHashMap<>();
        List<String> current = null;
        for (String line : listing.lines().toList()) {
            if (!line.isEmpty() && !line.startsWith(" ")) {
                current = new ArrayList<>();
                sections.put(line.substring(0, line.indexOf(" — ")), current);
            } else if (current != null && !line.isEmpty()) {
                current.add(line);
            }
        }
        return sections;
    }

    /** The line describing parameter {@code key} of plugin {@code plugin}. */
    private static String parameterLine(String listing, String plugin, String key) {
        List<String> lines = listing.lines().toList();
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("  " + plugin + ": ")) {
                start = i;
                break;
            }
        }
        assertTrue(start >= 0, "no plugin " + plugin);
        for (int i = start + 1; i < lines.size() && lines.get(i).startsWith("      "); i++) {
            if (lines.get(i).startsWith("      " + key + ": ")) {
                return lines.get(i);
            }
        }
        throw new AssertionError("plugin " + plugin + " lists no parameter " + key);
    }

    @Test
    void workerWithoutClusterOrWithZeroSlotsIsBadInput() {
        Cli.Result noCluster = Cli.execute("worker");
        Cli.Result noSlots = Cli.execute("worker", "--cluster", "--slots", "0");

        assertEquals(ExitCode.BAD_INPUT, noCluster.exitCode(), noCluster::describe);
        assertTrue(noCluster.err().contains("a worker serves a cluster: give --cluster"), noCluster::describe);
        assertEquals(ExitCode.BAD_INPUT, noSlots.exitCode(), noSlots::describe);
        assertTrue(noSlots.err().contains("--slots must be at least 1, got 0"), noSlots::describe);
    }
}
