package org.thermodiff.cli;

import com.google.inject.Injector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import org.thermodiff.experiment.ExperimentPlan;
import org.thermodiff.experiment.ParameterBinder;
import org.thermodiff.experiment.RunLaws;
import org.thermodiff.experiment.RunSpec;
import org.thermodiff.plugin.PluginRegistry;
import org.thermodiff.spi.MultivariateDistribution;
import org.thermodiff.spi.PluginFamily;
import org.thermodiff.spi.VelocityEstimator;
import org.thermodiff.spi.process.EstimationProblem;
import org.thermodiff.spi.process.ForwardProcess;
import org.thermodiff.spi.process.TrainingLog;

/**
 * {@code thermodiff bench}, part 5: learned estimators. Training throughput of a 3×64 MLP at batch
 * 256 on the 2-D Swiss roll, {@value #STEPS} steps per repetition into a fresh model cache (so every
 * repetition trains): {@code ot-cfm} (each step also solves a 256 × 256 exact assignment for its
 * minibatch coupling) against the baseline {@code flow-matching} on the cosine schedule (the same
 * network and batch, independent pairs), both reached by name through the plugin registry. Then one
 * full OT-CFM training run with the configuration of the {@code ot} run of the Swiss-roll experiment
 * (Fig. 3), timed once. Skipped when no learned estimator is registered.
 */
final class LearnedBench {

    static final int STEPS = 300;
    private static final Map<String, Object> NETWORK = Map.of("layers", 3, "width", 64, "batchSize", 256, "steps", STEPS,
            "logEvery", 50);

    private LearnedBench() {
    }

    static void run(Injector injector, Path swissRoll, int repeat) throws IOException, org.thermodiff.yaml.InputException {
        PluginRegistry registry = injector.getInstance(PluginRegistry.class);
        System.out.printf(Locale.ROOT, "%n[5] learned estimators: training a 3x64 MLP, batch 256, %d steps, on the 2-D swiss roll%n",
                STEPS);
        if (!registry.names(PluginFamily.ESTIMATOR).contains("ot-cfm")) {
            System.out.println("    skipped: no learned estimators registered (plugins/learned is not on the class path)");
            return;
        }
        MultivariateDistribution data = registry.createDefault(PluginFamily.DATA, "swiss-roll");
        MultivariateDistribution prior = RunLaws.inDimension(registry.createDefault(PluginFamily.DATA, "gaussian"), 2);
        ForwardProcess ot = registry.createDefault(PluginFamily.SCHEDULE, "ot").forward(data, prior, 1.0);
        ForwardProcess cosine = registry.createDefault(PluginFamily.SCHEDULE, "cosine").forward(data, prior, 1.0);
        train(registry, "ot-cfm", ot, data, prior, 1); // loads the engine and warms the JIT
        double[] otCfm = new double[repeat];
        double[] baseline = new double[repeat];
        for (int r = 0; r < repeat; r++) {
            otCfm[r] = stepsPerSecond(train(registry, "ot-cfm", ot, data, prior, r + 2));
            baseline[r] = stepsPerSecond(train(registry, "flow-matching", cosine, data, prior, r + 2));
        }
        double median = BenchCommand.median(otCfm);
        double base = BenchCommand.median(baseline);
        System.out.printf(Locale.ROOT, "    ot-cfm         median %7.1f steps/s  (min %.1f, max %.1f)%n", median,
                Arrays.stream(otCfm).min().orElseThrow(), Arrays.stream(otCfm).max().orElseThrow());
        System.out.printf(Locale.ROOT, "    baseline       median %7.1f steps/s  (flow-matching, cosine: no minibatch coupling)%n", base);
        System.out.printf(Locale.ROOT, "    ot-cfm / baseline  %.2fx the time per step%n", base / median);
        fullRun(injector, registry, swissRoll);
    }

    /** The {@code ot-cfm} run of {@code experiment}, trained once from scratch. */
    private static void fullRun(Injector injector, PluginRegistry registry, Path experiment)
            throws IOException, org.thermodiff.yaml.InputException {
        ExperimentPlan plan = Engine.load(injector, List.of(experiment), OptionalLong.empty()).get(0);
        RunSpec spec = plan.runs().stream().filter(r -> r.estimator().name().equals("ot-cfm")).findFirst().orElse(null);
        if (spec == null) {
            System.out.println("    full run: " + experiment + " has no ot-cfm run");
            return;
        }
        MultivariateDistribution data = registry.create(PluginFamily.DATA, spec.data().name(), spec.data().parameters());
        MultivariateDistribution prior = RunLaws.inDimension(
                registry.create(PluginFamily.DATA, spec.prior().name(), spec.prior().parameters()), data.dimension());
        ForwardProcess forward = registry.create(PluginFamily.SCHEDULE, spec.schedule().name(), spec.schedule().parameters())
                .forward(data, prior, spec.tau());
        Path cache = Files.createTempDirectory("thermodiff-bench-models");
        VelocityEstimator estimator = registry.create(PluginFamily.ESTIMATOR, "ot-cfm",
                ParameterBinder.with(spec.estimator().parameters(), Map.of("cache", cache.toString())));
        TrainingLog log = estimator.estimate(new EstimationProblem(forward, data, prior, spec.seed(),
                name -> registry.createDefault(PluginFamily.DISTANCE, name))).training().orElseThrow();
        int steps = log.steps()[log.steps().length - 1];
        System.out.printf(Locale.ROOT, "    full OT-CFM training of %s (run %s): %.1f s for %d steps (%.1f steps/s, %,d "
                + "parameters), final loss %.4g%n", experiment, spec.id(), log.seconds(), steps, steps / log.seconds(),
                log.parameters(), log.finalLoss());
    }

    private static TrainingLog train(PluginRegistry registry, String estimator, ForwardProcess forward,
                                     MultivariateDistribution data, MultivariateDistribution prior, long seed) throws IOException {
        Path cache = Files.createTempDirectory("thermodiff-bench-models");
        Map<String, Object> params = new java.util.HashMap<>(NETWORK);
        params.put("cache", cache.toString());
        params.put("seed", seed);
        VelocityEstimator e = registry.createDefault(PluginFamily.ESTIMATOR, estimator, params);
        return e.estimate(new EstimationProblem(forward, data, prior, seed,
                name -> registry.createDefault(PluginFamily.DISTANCE, name))).training().orElseThrow();
    }

    private static double stepsPerSecond(TrainingLog log) {
        return STEPS / log.seconds();
    }
}
