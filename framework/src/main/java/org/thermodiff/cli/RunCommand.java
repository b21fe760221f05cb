package org.thermodiff.cli;

import com.google.inject.Injector;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.logging.Logger;
import org.thermodiff.cluster.ClusterNode;
import org.thermodiff.cluster.ClusterSettings;
import org.thermodiff.cluster.Coordinator;
import org.thermodiff.experiment.ExperimentPlan;
import org.thermodiff.pipeline.ExperimentRunner;
import org.thermodiff.pipeline.Messages;
import org.thermodiff.pipeline.Pipeline;
import org.thermodiff.pipeline.RunDispatcher;
import org.thermodiff.plugin.PluginRegistry;
import org.thermodiff.spi.report.ExperimentReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code thermodiff run FILE...}: validates every file, then runs and reports each experiment. */
@Command(name = "run", description = "Run experiments and write their results under --out.")
final class RunCommand implements Callable<Integer> {

    private static final Logger LOG = Logger.getLogger(RunCommand.class.getName());

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "experiment YAML files")
    List<Path> files;

    @Option(names = "--out", paramLabel = "DIR", description = "output root; results go to DIR/<experiment>/ (default: ${DEFAULT-VALUE})")
    Path out = Path.of("out");

    @Option(names = "--seed", paramLabel = "N", description = "override the experiments' seed")
    Long seed;

    @Option(names = "--fail-on-violation", description = "exit with status 3 if a bound of the paper is violated")
    boolean failOnViolation;

    @Option(names = "--progress", paramLabel = "MODE", description = "auto (a bar on a terminal, plain lines otherwise), "
            + "bar, plain or none (default: auto; --quiet implies none)")
    ProgressDisplay.Mode progress = ProgressDisplay.Mode.AUTO;

    @Option(names = "--parallel", paramLabel = "N", description = "most runs in flight at once (default: --threads)")
    Integer parallel;

    @Option(names = "--resume", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "take runs whose results are stored under DIR/<experiment>/runs/ for the same configuration "
                    + "instead of computing them again (default: on; --no-resume or --force computes every run)")
    boolean resume;

    @Option(names = "--force", description = "recompute every run, replacing stored results")
    boolean force;

    @Mixin
    ClusterOptions cluster;

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (parallel != null && parallel < 1) {
            throw new ParameterException(spec.commandLine(), "--parallel must be at least 1, got " + parallel);
        }
        ClusterSettings settings = cluster.enabled ? cluster.settings() : null;
        try (Engine.Session engine = Engine.start(common)) {
            return run(engine, settings);
        }
    }

    /** Loads every file (all problems at once), then runs and reports the experiments one after another. */
    private int run(Engine.Session engine, ClusterSettings settings) throws Exception {
        Injector injector = engine.injector();
        OptionalLong seedOverride = seed == null ? OptionalLong.empty() : OptionalLong.of(seed);
        List<ExperimentPlan> plans = Engine.load(injector, files, seedOverride);
        boolean failed = false;
        boolean violated = false;
        try (Pipeline pipeline = injector.getInstance(Pipeline.class);
             ClusterNode node = settings == null ? null : ClusterNode.join(settings)) {
            ExperimentRunner runner = injector.getInstance(ExperimentRunner.class);
            Coordinator coordinator = node == null ? null : Coordinator.start(node, pipeline.deploy().vertx().eventBus());
            if (node != null) {
                LOG.info("coordinating runs on the " + settings.describe() + "; workers join with: thermodiff worker --cluster"
                        + (settings.name().equals(ClusterSettings.DEFAULT_NAME) ? "" : " --cluster-name " + settings.name()));
            }
            for (ExperimentPlan plan : plans) {
                RunDispatcher dispatcher = coordinator == null
                        ? runner.local(parallel == null ? common.threads : parallel) : coordinator.dispatcher(plan, seedOverride);
                Messages.ExperimentFinished finished;
                try (ProgressDisplay display = new ProgressDisplay(plan, common.quiet ? ProgressDisplay.Mode.NONE : progress,
                        System.err)) {
                    finished = runner.run(plan, out, dispatcher, resume && !force,
                            Provenance.of(plan, common.threads, injector.getInstance(PluginRegistry.class),
                                    engine.plugins()), display);
                }
                ExperimentReport report = finished.report();
                finished.reporterErrors().forEach(e -> System.err.println("error: " + e));
                failed |= report.failures() > 0 || !finished.reporterErrors().isEmpty();
                violated |= report.violations() > 0;
                System.err.println("[thermodiff] " + plan.name() + ": results in " + report.directory());
            }
        }
        if (failed) {
            return ExitCode.RUN_FAILED;
        }
        return violated && failOnViolation ? ExitCode.VIOLATION : ExitCode.OK;
    }
}
