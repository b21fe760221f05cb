package org.thermodiff.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thermodiff.cli.ExitCode;
import org.thermodiff.cluster.ClusterSettings;
import org.thermodiff.report.RunStore;

/**
 * {@code thermodiff run --cluster} with three {@code thermodiff worker --cluster} JVMs on loopback
 * (issue 7): a worker killed with SIGKILL in the middle of a run has its run re-dispatched, and the
 * sweep's results are those of a local run with the same seeds.
 */
class ClusterTest {

    /** 24 runs of a fraction of a second to a second each: 4 schedules × 3 perturbations × 2 seeds. */
    private static final String MATRIX = """
              schedule: [cosine, cond-ot, ve, linear-vp]
              perturbation:
                - { name: mean, type: gaussian, mean: 1.0, stddev: 1.0 }
                - { name: narrow, type: gaussian, mean: 0, stddev: 0.8 }
                - { name: uniform, type: uniform, low: -1.7320508075688772, high: 1.7320508075688772 }
              seed: [1, 2]
            """;
    private static final int RUNS = 24;

    @TempDir
    Path dir;

    private final List<ChildJvm> children = new ArrayList<>();

    @AfterEach
    void stopChildren() throws InterruptedException {
        for (ChildJvm c : children) {
            c.kill();
        }
    }

    @Test
    void workerKilledMidRun_itsRunIsRedispatched_andResultsEqualALocalRun() throws Exception {
        Path file = Experiments.writeRaw(dir, "clustered.yaml", Experiments.sweep("clustered", 300, MATRIX));
        String[] cluster = {"--cluster", "--cluster-name", "test-" + UUID.randomUUID(), "--cluster-port",
                Integer.toString(ClusterSettings.freePort())};
        List<ChildJvm> workers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            workers.add(start("worker" + i, concat(new String[] {"worker", "--slots", "1", "--threads", "1"}, cluster)));
        }
        Path out = dir.resolve("out");
        ChildJvm coordinator = start("coordinator", concat(new String[] {"run", file.toString(), "--out", out.toString(),
                "--progress", "plain"}, cluster));

        // Kill a worker just after it takes a run, once the sweep is well under way: a worker logs "running X" when
        // it takes X, and a run takes about 0.3 s, so a kill within a poll (10 ms) of that line lands before X's
        // result can be on its way (a result already sent before the kill would still be accepted, rightly).
        Path runs = out.resolve("clustered").resolve(RunStore.DIRECTORY);
        Map<ChildJvm, String> seen = new HashMap<>();
        ChildJvm victim = null;
        String killedRun = null;
        long deadline = System.nanoTime() + 180_000_000_000L;
        while (victim == null && System.nanoTime() < deadline && coordinator.process().isAlive()) {
            for (ChildJvm w : workers) {
                String last = lastLine(w.errText());
                String before = seen.put(w, last);
                if (victim == null && count(runs) >= 3 && before != null && !last.equals(before) && last.contains("running ")) {
                    w.kill();
                    victim = w;
                    killedRun = last.replaceAll(".*running ", "");
                }
            }
            Thread.sleep(10);
        }
        assertTrue(victim != null, "no worker was caught taking a run:\n" + coordinator.errText());
        int storedAtKill = count(runs);
        String victimLog = victim.errText();

        Cli.Result result = coordinator.await(5);

        assertEquals(ExitCode.OK, result.exitCode(), result::describe);
        assertTrue(storedAtKill < RUNS, "the kill must land mid-sweep");
        String held = killedRun;
        String victimTail = victimLog.lines().skip(Math.max(0, victimLog.lines().count() - 5)).collect(
                java.util.stream.Collectors.joining("\n"));
        assertTrue(result.err().contains("left the cluster; run " + held + " goes to another worker"),
                () -> "the killed worker held " + held + "; its log:\n" + victimTail + "\ncoordinator: " + result.describe());
        assertEquals(RUNS, count(runs));
        assertFalse(Cli.hasStackTrace(result.err()), result::describe);
        Cli.Result local = Cli.run(file, dir.resolve("local"), "--quiet");
        assertEquals(ExitCode.OK, local.exitCode(), local::describe);
        ResumeTest.assertSameResults(Experiments.results(dir.resolve("local/clustered")),
                Experiments.results(out.resolve("clustered")));
    }

    private ChildJvm start(String name, String... args) {
        ChildJvm child = ChildJvm.start(dir, name, Map.of(), Map.of(), args);
        children.add(child);
        return child;
    }

    private static String[] concat(String[] a, String[] b) {
        return Stream.concat(Stream.of(a), Stream.of(b)).toArray(String[]::new);
    }

    private static String lastLine(String text) {
        List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }

    private static int count(Path runs) {
        if (!Files.isDirectory(runs)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(runs)) {
            return (int) files.filter(f -> f.getFileName().toString().endsWith(".json")).count();
        } catch (IOException e) {
            return 0;
        }
    }
}
