package org.thermodiff.bundle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thermodiff.report.RunStore;

/**
 * Durability of sweeps (issue 7): every run's results are stored the moment it completes, so a
 * sweep killed with SIGKILL loses only the runs in flight, and running it again computes only the
 * runs that are missing — with results identical to an uninterrupted sweep.
 */
class ResumeTest {

    /** Eight runs of about half a second each, one at a time: a kill lands in the middle. */
    private static final String MATRIX = """
              schedule: [cosine, cond-ot, ve, linear-vp]
              perturbation:
                - { name: mean, type: gaussian, mean: 1.0, stddev: 1.0 }
                - { name: narrow, type: gaussian, mean: 0, stddev: 0.8 }
            """;
    private static final int RUNS = 8;

    @TempDir
    Path dir;

    @Test
    void killedSweep_rerun_computesOnlyTheMissingRuns_andMatchesAnUninterruptedSweep() throws Exception {
        Path file = Experiments.writeRaw(dir, "sweep.yaml", Experiments.sweep("sweep", 300, MATRIX));
        Path out = dir.resolve("out");
        Path runs = out.resolve("sweep").resolve(RunStore.DIRECTORY);

        ChildJvm child = ChildJvm.start(dir, "sweep", Map.of(), Map.of(), "run", file.toString(), "--out", out.toString(),
                "--threads", "1", "--progress", "plain");
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (stored(runs).size() < 2 && child.process().isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        child.kill();
        Map<Path, byte[]> survived = stored(runs);
        assertTrue(survived.size() >= 2 && survived.size() < RUNS,
                "the kill must land mid-sweep; stored runs: " + survived.size() + "\n" + child.errText());
        assertFalse(Files.exists(out.resolve("sweep/results.json")), "an interrupted sweep writes no results.json");

        Cli.Result resumed = Cli.run(file, out, "--threads", "1", "--progress", "plain");

        assertEquals(0, resumed.exitCode(), resumed::describe);
        int restored = survived.size();
        assertTrue(resumed.err().contains(restored + " of " + RUNS + " runs restored"), resumed::describe);
        assertEquals(restored, count(resumed.err(), "done, η = .*\\(restored\\)"), resumed::describe);
        assertEquals(RUNS - restored, count(resumed.err(), "done, η = [^(]*$"), resumed::describe);
        Map<Path, byte[]> after = stored(runs);
        assertEquals(RUNS, after.size());
        survived.forEach((path, bytes) -> assertArrayEquals(bytes, after.get(path), path + " was recomputed"));

        Cli.Result fresh = Cli.run(file, dir.resolve("fresh"), "--quiet");
        assertEquals(0, fresh.exitCode(), fresh::describe);
        assertSameResults(Experiments.results(dir.resolve("fresh/sweep")), Experiments.results(out.resolve("sweep")));
    }

    @Test
    void force_recomputesEveryRun_andNoResumeToo() {
        Path file = Experiments.writeRaw(dir, "sweep.yaml", Experiments.sweep("sweep", 20, MATRIX));
        Path out = dir.resolve("out");
        assertEquals(0, Cli.run(file, out, "--quiet").exitCode());

        Cli.Result again = Cli.run(file, out, "--progress", "plain");
        Cli.Result forced = Cli.run(file, out, "--progress", "plain", "--force");
        Cli.Result noResume = Cli.run(file, out, "--progress", "plain", "--no-resume");

        assertEquals(RUNS, count(again.err(), "\\(restored\\)"), again::describe);
        assertEquals(0, count(forced.err(), "\\(restored\\)"), forced::describe);
        assertEquals(0, count(noResume.err(), "\\(restored\\)"), noResume::describe);
    }

    @Test
    void changedParameter_isAnotherConfiguration_andIsComputed() {
        Path file = Experiments.writeRaw(dir, "sweep.yaml", Experiments.sweep("sweep", 20, MATRIX));
        Path out = dir.resolve("out");
        assertEquals(0, Cli.run(file, out, "--quiet").exitCode());
        Experiments.writeRaw(dir, "sweep.yaml", Experiments.sweep("sweep", 21, MATRIX));

        Cli.Result changed = Cli.run(file, out, "--progress", "plain");

        assertEquals(0, count(changed.err(), "\\(restored\\)"), changed::describe);
        assertEquals(2 * RUNS, stored(out.resolve("sweep").resolve(RunStore.DIRECTORY)).size());
    }

    @Test
    void corruptRunFile_isRecomputed_withAWarning() throws IOException {
        Path file = Experiments.writeRaw(dir, "sweep.yaml", Experiments.sweep("sweep", 20, MATRIX));
        Path out = dir.resolve("out");
        assertEquals(0, Cli.run(file, out, "--quiet").exitCode());
        Path victim = stored(out.resolve("sweep").resolve(RunStore.DIRECTORY)).keySet().iterator().next();
        Files.writeString(victim, "{\"format\": 1, \"index\": ");

        Cli.Result r = Cli.run(file, out, "--progress", "plain");

        assertEquals(0, r.exitCode(), r::describe);
        assertEquals(RUNS - 1, count(r.err(), "\\(restored\\)"), r::describe);
        assertTrue(r.err().contains(victim.getFileName() + ": not JSON"), r::describe);
        assertFalse(Cli.hasStackTrace(r.err()), r::describe);
    }

    /** Same labels, seeds, metrics, checks and series in the same order: everything but timings and provenance. */
    static void assertSameResults(JsonObject expected, JsonObject actual) {
        var e = Experiments.runs(expected).toList();
        var a = Experiments.runs(actual).toList();
        assertEquals(e.size(), a.size());
        for (int i = 0; i < e.size(); i++) {
            for (String key : new String[] {"index", "labels", "status", "seed", "metrics", "checks", "configuration"}) {
                assertEquals(e.get(i).getValue(key), a.get(i).getValue(key), "run " + i + ": " + key);
            }
        }
    }

    /** The stored run files and their bytes. */
    private static Map<Path, byte[]> stored(Path runs) {
        Map<Path, byte[]> out = new TreeMap<>();
        if (!Files.isDirectory(runs)) {
            return out;
        }
        try (Stream<Path> files = Files.list(runs)) {
            for (Path f : files.filter(f -> f.getFileName().toString().endsWith(".json")).toList()) {
                out.put(f, Files.readAllBytes(f));
            }
        } catch (IOException e) {
            // A file renamed into place while we listed: the next poll sees it.
        }
        return out;
    }

    private static long count(String text, String regex) {
        java.util.regex.Pattern p = java.util.regex.Pattern.compile(regex);
        return text.lines().filter(l -> p.matcher(l).find()).count();
    }
}
