package org.thermodiff.cli;

import com.google.inject.Injector;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.thermodiff.experiment.ExperimentPlan;
import org.thermodiff.pipeline.ExperimentRunner;
import org.thermodiff.pipeline.Pipeline;
import org.thermodiff.plugin.PluginRegistry;
import org.thermodiff.spi.report.ExperimentReport;
import org.thermodiff.spi.report.RunReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code thermodiff bench}: the performance claims of the project, measured.
 *
 * <ol>
 *   <li><b>End to end.</b> {@code thermodiff run <e2e>} in a fresh JVM each time (what a user
 *       waits for, build excluded), against the baseline of {@code thermodiff validate} on the same
 *       file (JVM start, plugin discovery, YAML binding: the fixed cost of any invocation).</li>
 *   <li><b>Samplers.</b> The runs of {@code <samplers>} in one JVM, repeated: per sampler the
 *       median time spent sampling and measuring (from the run's stage timings), η, its distance
 *       to the run labelled {@code reference}, and the Monte-Carlo standard error where there is
 *       one; then the speed and accuracy ratios of the first two non-reference samplers.</li>
 *   <li><b>Transport.</b> Exact W2 between two 2-D clouds ({@link TransportBench}) against
 *       sliced W2 on the same clouds, and its distance to the Bures closed form.</li>
 *   <li><b>n-D sampler.</b> RK4 on 10⁵ particles × 200 steps of a 2-D 64-component mixture
 *       ({@link NdSamplerBench}) against the same run with one component.</li>
 *   <li><b>Learned estimators.</b> Training steps per second of OT-CFM against flow matching, and
 *       one full OT-CFM training of the Swiss roll ({@link LearnedBench}).</li>
 *   <li><b>Cluster.</b> A 48-run sweep in this JVM against 1, 2 and 3 worker JVMs over the clustered
 *       event bus: throughput and coordination overhead per run ({@link ClusterBench}).</li>
 * </ol>
 * Medians over {@code --repeat} repetitions; the first sampler repetition also warms the JIT.
 */
@Command(name = "bench", description = "Measure end-to-end wall time, the samplers, exact W2 in 2-D, the n-D sampler, "
        + "learned-estimator training and sweeps over a cluster of worker JVMs.")
final class BenchCommand implements Callable<Integer> {

    @Option(names = "--e2e", paramLabel = "FILE", description = "experiment timed end to end (default: ${DEFAULT-VALUE})")
    Path e2e = Path.of("experiments/paper/fig4.yaml");

    @Option(names = "--samplers", paramLabel = "FILE",
            description = "experiment comparing samplers, with a run labelled 'reference' (default: ${DEFAULT-VALUE})")
    Path samplers = Path.of("experiments/bench/samplers.yaml");

    @Option(names = "--repeat", paramLabel = "N", description = "repetitions of each measurement (default: ${DEFAULT-VALUE})")
    int repeat = 3;

    @Option(names = "--skip-e2e", description = "skip the end-to-end measurement")
    boolean skipE2e;

    @Option(names = "--skip-samplers", description = "skip the sampler comparison")
    boolean skipSamplers;

    @Option(names = "--target", paramLabel = "SECONDS", description = "end-to-end target (default: ${DEFAULT-VALUE})")
    double target = 10;

    @Option(names = "--skip-transport", description = "skip the exact-W2 measurement")
    boolean skipTransport;

    @Option(names = "--transport-size", paramLabel = "N",
            description = "points per 2-D cloud for exact W2 (default: ${DEFAULT-VALUE})")
    int transportSize = 2000;

    @Option(names = "--transport-target", paramLabel = "SECONDS", description = "exact-W2 target (default: ${DEFAULT-VALUE})")
    double transportTarget = 0.5;

    @Option(names = "--skip-nd-sampler", description = "skip the n-D sampler measurement")
    boolean skipNdSampler;

    @Option(names = "--nd-sampler-target", paramLabel = "SECONDS",
            description = "n-D sampler target: RK4, 10^5 particles x 200 steps, 64 components (default: ${DEFAULT-VALUE})")
    double ndSamplerTarget = 10;

    @Option(names = "--skip-learned", description = "skip the learned-estimator training measurement")
    boolean skipLearned;

    @Option(names = "--learned", paramLabel = "FILE",
            description = "experiment whose ot-cfm run is trained once in full (default: ${DEFAULT-VALUE})")
    Path learned = Path.of("experiments/paper/fig3-swiss-roll.yaml");

    @Option(names = "--skip-cluster", description = "skip the cluster measurement")
    boolean skipCluster;

    @Option(names = "--cluster-sweep", paramLabel = "FILE",
            description = "sweep run locally and by 1..--cluster-workers worker JVMs (default: ${DEFAULT-VALUE})")
    Path clusterSweep = Path.of("experiments/bench/cluster-sweep.yaml");

    @Option(names = "--cluster-workers", paramLabel = "N", description = "most worker JVMs (default: ${DEFAULT-VALUE})")
    int clusterWorkers = 3;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws Exception {
        common.quiet = true;
        System.out.printf(Locale.ROOT, "thermodiff benchmark: %d processors, %s %s, %d repetitions%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.version"), repeat);
        if (!skipE2e) {
            endToEnd();
        }
        int code = skipSamplers ? ExitCode.OK : compareSamplers();
        if (code == ExitCode.OK && !skipTransport) {
            try (Engine.Session engine = Engine.start(common)) {
                TransportBench.run(engine.injector().getInstance(PluginRegistry.class), transportSize, repeat, transportTarget);
            }
        }
        if (code == ExitCode.OK && !skipNdSampler) {
            try (Engine.Session engine = Engine.start(common)) {
                NdSamplerBench.run(engine.injector().getInstance(PluginRegistry.class), repeat, common.threads, ndSamplerTarget);
            }
        }
        if (code == ExitCode.OK && !skipLearned) {
            try (Engine.Session engine = Engine.start(common)) {
                LearnedBench.run(engine.injector(), learned, repeat);
            }
        }
        if (code == ExitCode.OK && !skipCluster) {
            try (Engine.Session engine = Engine.start(common)) {
                ClusterBench.run(engine.injector(), clusterSweep, repeat, clusterWorkers);
            }
        }
        return code;
    }

    private void endToEnd() throws IOException, InterruptedException {
        Path out = Files.createTempDirectory("thermodiff-bench");
        System.out.printf("%n[1] end to end: thermodiff run %s, a fresh JVM each time%n", e2e);
        double[] run = new double[repeat];
        double[] baseline = new double[repeat];
        for (int i = 0; i < repeat; i++) {
            baseline[i] = timeChild(withPlugins("validate", e2e.toString(), "--quiet"));
            run[i] = timeChild(withPlugins("run", e2e.toString(), "--out", out.toString(), "--quiet", "--threads",
                    Integer.toString(common.threads)));
        }
        double median = median(run);
        System.out.printf(Locale.ROOT, "    run       median %6.2f s  (min %.2f, max %.2f)  target <= %.0f s: %s%n", median,
                min(run), max(run), target, median <= target ? "met" : "MISSED");
        System.out.printf(Locale.ROOT, "    baseline  median %6.2f s  (thermodiff validate: JVM start, plugins, YAML)%n",
                median(baseline));
        System.out.printf(Locale.ROOT, "    run / baseline  %.1fx; numerical work about %.2f s%n", median / median(baseline),
                median - median(baseline));
    }

    /** {@code args} followed by this command's {@code --plugins} options, for a child JVM. */
    private List<String> withPlugins(String... args) {
        List<String> out = new ArrayList<>(Arrays.asList(args));
        common.plugins.forEach(dir -> out.addAll(List.of("--plugins", dir.toString())));
        return out;
    }

    /**
     * The command line of {@code thermodiff args...} in a child JVM with this JVM's classes, as a user
     * would start it: {@code java -jar} when this JVM runs the launcher's jar (whose manifest opens what
     * Hazelcast needs), else the class path with this JVM's module-access flags.
     */
    static List<String> childCommand(List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        String classPath = System.getProperty("java.class.path");
        if (classPath.endsWith(".jar") && !classPath.contains(File.pathSeparator)) {
            command.addAll(List.of("-jar", classPath));
        } else {
            ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                    .filter(a -> a.startsWith("--add-opens") || a.startsWith("--add-exports")).forEach(command::add);
            command.addAll(List.of("-cp", classPath, Main.class.getName()));
        }
        command.addAll(args);
        return command;
    }

    /** Wall time of {@code thermodiff args...} in a child JVM ({@link #childCommand}). */
    private static double timeChild(List<String> args) throws IOException, InterruptedException {
        List<String> command = childCommand(args);
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException("benchmark child failed: " + String.join(" ", command));
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    private int compareSamplers() throws Exception {
        try (Engine.Session engine = Engine.start(common)) {
            return compareSamplers(engine.injector());
        }
    }

    private int compareSamplers(Injector injector) throws Exception {
        ExperimentPlan plan = Engine.load(injector, List.of(samplers), OptionalLong.empty()).get(0);
        System.out.printf("%n[2] samplers: %s (%d runs), sampling + metrics time per run%n", samplers, plan.runs().size());
        Map<String, List<Double>> seconds = new LinkedHashMap<>();
        Map<String, RunReport> first = new LinkedHashMap<>();
        Path out = Files.createTempDirectory("thermodiff-bench");
        try (Pipeline pipeline = injector.getInstance(Pipeline.class)) {
            ExperimentRunner runner = injector.getInstance(ExperimentRunner.class);
            for (int i = 0; i < repeat; i++) {
                ExperimentReport report = runner.run(plan, out, 1, false, Map.of(), event -> { }).report();
                for (RunReport run : report.runs()) {
                    if (!run.succeeded()) {
                        System.err.println("error: " + run.labels() + " failed: " + run.error().orElseThrow().message());
                        return ExitCode.RUN_FAILED;
                    }
                    String label = String.join("/", run.labels().values());
                    first.putIfAbsent(label, run);
                    seconds.computeIfAbsent(label, k -> new ArrayList<>())
                            .add((run.timings().getOrDefault("sampler", 0L) + run.timings().getOrDefault("metrics", 0L)) / 1e3);
                }
            }
        }
        RunReport reference = first.get("reference");
        if (reference == null) {
            System.err.println("error: " + samplers + " has no run labelled 'reference'");
            return ExitCode.BAD_INPUT;
        }
        double etaRef = (Double) reference.values().get("eta");
        System.out.printf(Locale.ROOT, "    %-16s %12s  %-20s %12s %12s%n", "sampler", "median time", "eta", "|eta - ref|", "stderr");
        List<double[]> compared = new ArrayList<>();
        for (var e : first.entrySet()) {
            double eta = (Double) e.getValue().values().get("eta");
            Object stderr = e.getValue().values().get("eta_stderr");
            double time = median(toArray(seconds.get(e.getKey())));
            double error = Math.abs(eta - etaRef);
            System.out.printf(Locale.ROOT, "    %-16s %10.3f s  %-20s %12.2e %12s%n", e.getKey(), time, Double.toString(eta),
                    error, stderr instanceof Double d ? String.format(Locale.ROOT, "%.2e", d) : "-");
            if (e.getValue() != reference) {
                compared.add(new double[] {time, error, stderr instanceof Double d ? d : Double.NaN});
            }
        }
        if (compared.size() >= 2) {
            double[] a = compared.get(0);
            double[] b = compared.get(1);
            System.out.printf(Locale.ROOT, "    %s is %.0fx faster and %.1ex more accurate than %s",
                    new ArrayList<>(first.keySet()).get(1), b[0] / a[0], b[1] / Math.max(a[1], 1e-16),
                    new ArrayList<>(first.keySet()).get(2));
            if (!Double.isNaN(b[2])) {
                System.out.printf(Locale.ROOT, "; the latter's error is %.2f of its standard error", b[1] / b[2]);
            }
            System.out.println();
        }
        System.out.printf(Locale.ROOT, "    reference: %s, eta = %s%n", "quadrature at high resolution", Double.toString(etaRef));
        return ExitCode.OK;
    }

    private static double[] toArray(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
    }

    private static double min(double[] v) {
        return Arrays.stream(v).min().orElse(Double.NaN);
    }

    private static double max(double[] v) {
        return Arrays.stream(v).max().orElse(Double.NaN);
    }
}
