package org.thermodiff.bundle;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/** Small, fast experiment files for the end-to-end tests, and readers of what runs write. */
final class Experiments {

    /**
     * The paper's data, prior and {@code gaussian-mean} perturbation with a coarse sampler and time
     * grid (runs take a fraction of a second); {@code extra} adds or sets further top-level keys.
     */
    static final String SMALL = """
            tau: 1.0
            data: { type: gaussian-mixture, weights: [0.5, 0.5], means: [0.5916079783099616, -0.5916079783099616], stddevs: [0.3, 0.3] }
            prior: { type: gaussian, mean: 0, stddev: 1 }
            estimator: analytic
            sampler: { type: quadrature-1d, nodes: 256, steps: 50 }
            time: { type: gauss-legendre, panels: 1, order: 16 }
            """;

    /** Output times of {@link #SMALL}'s grid: one panel of 16 Gauss–Legendre nodes, both ends, and τ/3, 2τ/3 (marks). */
    static final int SMALL_TIMES = 20;

    private Experiments() {
    }

    /**
     * A sweep of the paper's data with a fine sampler ({@code steps} RK4 steps over 2001 nodes: runs
     * of a fraction of a second each at 300 steps, long enough to be interrupted), json only.
     *
     * @param matrix the {@code matrix:} block, indented by two spaces
     */
    static String sweep(String name, int steps, String matrix) {
        return "name: " + name + "\n" + SMALL.replace("sampler: { type: quadrature-1d, nodes: 256, steps: 50 }",
                "sampler: { type: quadrature-1d, nodes: 2001, steps: " + steps + " }") + "report: [json]\nmatrix:\n" + matrix;
    }

    /** Writes {@code <dir>/<name>.yaml}: {@code name}, {@link #SMALL} and {@code extra}. */
    static Path write(Path dir, String name, String extra) {
        return writeRaw(dir, name + ".yaml", "name: " + name + "\n" + SMALL + extra);
    }

    /** Writes {@code text} verbatim to {@code <dir>/<file>}. */
    static Path writeRaw(Path dir, String file, String text) {
        try {
            return Files.writeString(dir.resolve(file), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a UTF-8 file. */
    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses {@code <dir>/results.json}. */
    static JsonObject results(Path experimentDir) {
        return new JsonObject(read(experimentDir.resolve("results.json")));
    }

    /** The runs of a results.json, as objects. */
    static Stream<JsonObject> runs(JsonObject results) {
        JsonArray runs = results.getJsonArray("runs");
        return runs.stream().map(JsonObject.class::cast);
    }

    /** The run of a results.json whose label {@code axis} is {@code value}. */
    static JsonObject run(JsonObject results, String axis, String value) {
        return runs(results).filter(r -> value.equals(r.getJsonObject("labels").getString(axis))).findFirst()
                .orElseThrow(() -> new AssertionError("no run with " + axis + " = " + value + " in " + results.encodePrettily()));
    }

    /**
     * Runs {@code yaml} (a whole experiment, written to {@code dir/experiment.yaml}) through the
     * command line into {@code dir/out}, requires success, and returns its results.json.
     */
    static JsonObject runYaml(String yaml, Path dir) {
        Path file = writeRaw(dir, "experiment.yaml", yaml);
        Path out = dir.resolve("out");
        Cli.Result result = Cli.run(file, out, "--quiet");
        if (result.exitCode() != 0) {
            throw new AssertionError("thermodiff run " + file + " failed:\n" + result.describe());
        }
        try (Stream<Path> dirs = Files.list(out)) {
            return results(dirs.filter(d -> Files.exists(d.resolve("results.json"))).findFirst()
                    .orElseThrow(() -> new AssertionError("no results.json under " + out)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The metrics of each run, keyed by its label values joined with '/' (e.g. {@code cosine/gaussian-mean}). */
    static Map<String, JsonObject> metricsByLabels(JsonObject results) {
        Map<String, JsonObject> out = new HashMap<>();
        runs(results).forEach(run -> out.put(String.join("/",
                run.getJsonObject("labels").stream().map(e -> String.valueOf(e.getValue())).toList()),
                run.getJsonObject("metrics")));
        return out;
    }

    /** Every regular file under {@code dir}. */
    static java.util.List<Path> files(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
