package org.thermodiff.cli;

import com.google.inject.Injector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.thermodiff.cluster.ClusterNode;
import org.thermodiff.cluster.ClusterSettings;
import org.thermodiff.cluster.Coordinator;
import org.thermodiff.experiment.ExperimentPlan;
import org.thermodiff.pipeline.ExperimentRunner;
import org.thermodiff.pipeline.Pipeline;
import org.thermodiff.spi.report.ExperimentReport;

/**
 * Part 6 of {@code thermodiff bench}: the sweep of {@code --cluster-sweep} (48 runs) computed in this
 * JVM one run at a time (the baseline: no cluster, no messages), then by a cluster of 1, 2 and 3
 * worker JVMs ({@code --slots 1 --threads 1} each) with this JVM as coordinator. Per configuration:
 * the median wall time of the sweep over the repetitions, runs per second, the ratio to the
 * baseline, and the median coordination overhead per run — the time from handing a run to a
 * worker to receiving its result, less the worker's own time computing it (messages, JSON, loading
 * the experiment on the worker). The workers stay up across repetitions; the first repetition also
 * warms their JIT.
 */
final class ClusterBench {

    private ClusterBench() {
    }

    static void run(Injector injector, Path sweep, int repeat, int maxWorkers) throws Exception {
        ExperimentPlan plan = Engine.load(injector, List.of(sweep), OptionalLong.empty()).get(0);
        System.out.printf(Locale.ROOT, "%n[6] cluster: %s (%d runs), this JVM as coordinator, worker JVMs with 1 slot "
                + "and 1 thread each%n", sweep, plan.runs().size());
        Path out = Files.createTempDirectory("thermodiff-bench");
        try (Pipeline pipeline = injector.getInstance(Pipeline.class)) {
            ExperimentRunner runner = injector.getInstance(ExperimentRunner.class);
            double[] local = new double[repeat];
            for (int i = 0; i < repeat; i++) {
                local[i] = seconds(runner, plan, out, runner.local(1));
            }
            double baseline = BenchCommand.median(local);
            System.out.printf(Locale.ROOT, "    %-22s %9s %10s %9s %22s%n", "", "median", "runs/s", "speed-up",
                    "overhead/run (median)");
            System.out.printf(Locale.ROOT, "    %-22s %7.2f s %10.1f %8.2fx %22s%n", "this JVM, 1 at a time", baseline,
                    plan.runs().size() / baseline, 1.0, "-");
            ClusterSettings settings = ClusterSettings.loopback("bench-" + UUID.randomUUID(), ClusterSettings.freePort(), List.of());
            List<Process> workers = new ArrayList<>();
            try (ClusterNode node = ClusterNode.join(settings)) {
                Coordinator coordinator = Coordinator.start(node, pipeline.deploy().vertx().eventBus());
                for (int k = 1; k <= maxWorkers; k++) {
                    workers.add(startWorker(settings));
                    awaitMembers(node, k + 1, workers);
                    double[] wall = new double[repeat];
                    int before = coordinator.stats().count();
                    for (int i = 0; i < repeat; i++) {
                        wall[i] = seconds(runner, plan, out, coordinator.dispatcher(plan, OptionalLong.empty()));
                    }
                    long[] overhead = coordinator.stats().overheadMillis();
                    double[] mine = Arrays.stream(overhead, before, overhead.length).asDoubleStream().toArray();
                    double median = BenchCommand.median(wall);
                    System.out.printf(Locale.ROOT, "    %-22s %7.2f s %10.1f %8.2fx %19.0f ms%n",
                            k + (k == 1 ? " worker JVM" : " worker JVMs"), median, plan.runs().size() / median,
                            baseline / median, BenchCommand.median(mine));
                }
            } finally {
                for (Process w : workers) {
                    w.destroy();
                    w.waitFor(30, TimeUnit.SECONDS);
                }
            }
            System.out.printf(Locale.ROOT, "    %d processors: more worker JVMs than processors only share them%n",
                    Runtime.getRuntime().availableProcessors());
        }
    }

    private static double seconds(ExperimentRunner runner, ExperimentPlan plan, Path out,
                                  org.thermodiff.pipeline.RunDispatcher dispatcher) throws InterruptedException {
        long t0 = System.nanoTime();
        ExperimentReport report = runner.run(plan, out, dispatcher, false, Map.of(), event -> { }).report();
        if (report.failures() > 0) {
            throw new IllegalStateException(report.failures() + " runs of the cluster benchmark failed");
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    /** {@code thermodiff worker --cluster …} in a JVM of its own, as a user would start it. */
    private static Process startWorker(ClusterSettings settings) throws IOException {
        List<String> command = BenchCommand.childCommand(List.of("worker", "--cluster", "--cluster-name", settings.name(),
                "--cluster-port", Integer.toString(settings.port()), "--slots", "1", "--threads", "1", "--quiet"));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static void awaitMembers(ClusterNode node, int members, List<Process> workers) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (node.nodes().size() < members) {
            if (System.nanoTime() > deadline || workers.stream().anyMatch(p -> !p.isAlive())) {
                throw new IllegalStateException("the benchmark's worker JVMs did not join the cluster");
            }
            Thread.sleep(50);
        }
    }
}
