package org.thermodiff.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.thermodiff.cli.Main;

/** Runs experiments through the command line, as a user would, and reads their results.json. */
final class Experiments {

    private Experiments() {
    }

    /** Runs {@code file} into {@code out} (quietly) and returns the parsed results.json. */
    static JsonObject run(Path file, Path out, String... extra) throws IOException {
        String[] args = new String[4 + extra.length];
        args[0] = "run";
        args[1] = file.toString();
        args[2] = "--out=" + out;
        args[3] = "--quiet";
        System.arraycopy(extra, 0, args, 4, extra.length);
        assertEquals(0, Main.execute(args), "thermodiff run " + file);
        return new JsonObject(Files.readString(resultsOf(file, out)));
    }

    /** Writes {@code yaml} to {@code dir/name.yaml} and runs it. */
    static JsonObject run(String yaml, Path dir) throws IOException {
        Path file = dir.resolve("experiment.yaml");
        Files.writeString(file, yaml);
        return run(file, dir.resolve("out"));
    }

    /** The results.json written last under {@code out} (the experiment just run). */
    private static Path resultsOf(Path file, Path out) throws IOException {
        try (var dirs = Files.list(out)) {
            return dirs.map(d -> d.resolve("results.json")).filter(Files::exists)
                    .max((a, b) -> Long.compare(a.toFile().lastModified(), b.toFile().lastModified()))
                    .orElseThrow(() -> new IOException("no results.json under " + out + " after running " + file));
        }
    }

    /** The metrics of each run, keyed by its labels joined with '/' (e.g. {@code cosine/gaussian-mean}). */
    static Map<String, JsonObject> metricsByLabels(JsonObject results) {
        Map<String, JsonObject> out = new HashMap<>();
        JsonArray runs = results.getJsonArray("runs");
        for (int i = 0; i < runs.size(); i++) {
            JsonObject run = runs.getJsonObject(i);
            String key = String.join("/", run.getJsonObject("labels").stream().map(e -> String.valueOf(e.getValue())).toList());
            out.put(key, run.getJsonObject("metrics"));
        }
        return out;
    }
}
