package org.thermodiff.cli;

import com.google.inject.Injector;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.thermodiff.cluster.ClusterNode;
import org.thermodiff.cluster.ClusterSettings;
import org.thermodiff.cluster.Worker;
import org.thermodiff.experiment.ExperimentLoader;
import org.thermodiff.pipeline.ExperimentRunner;
import org.thermodiff.pipeline.Pipeline;
import org.thermodiff.plugin.PluginRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code thermodiff worker --cluster}: joins a cluster and computes runs for its coordinators until stopped. */
@Command(name = "worker", description = "Join a cluster and compute the runs that `thermodiff run --cluster` dispatches, "
        + "until stopped (Ctrl-C).")
final class WorkerCommand implements Callable<Integer> {

    private static final Logger LOG = Logger.getLogger(WorkerCommand.class.getName());

    @Mixin
    ClusterOptions cluster;

    @Option(names = "--slots", paramLabel = "N", description = "runs computed at once (default: --threads)")
    Integer slots;

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!cluster.enabled) {
            throw new ParameterException(spec.commandLine(), "a worker serves a cluster: give --cluster");
        }
        if (slots != null && slots < 1) {
            throw new ParameterException(spec.commandLine(), "--slots must be at least 1, got " + slots);
        }
        ClusterSettings settings = cluster.settings();
        int n = slots == null ? common.threads : slots;
        Path scratch = Files.createTempDirectory("thermodiff-worker-");
        try (Engine.Session engine = Engine.start(common);
             Pipeline pipeline = engine.injector().getInstance(Pipeline.class);
             ClusterNode node = ClusterNode.join(settings)) {
            Injector injector = engine.injector();
            String name = host() + "/" + ProcessHandle.current().pid();
            Worker worker = new Worker(node, new ExperimentLoader(injector.getInstance(PluginRegistry.class)),
                    injector.getInstance(ExperimentRunner.class), scratch, name);
            LOG.info("worker " + name + " joined the " + settings.describe() + "; " + n + (n == 1 ? " slot" : " slots"));
            worker.serve(n);
            return ExitCode.OK;
        } finally {
            deleteQuietly(scratch);
        }
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    /** Removes the scratch directory of the runs (their results went to the coordinator). */
    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            LOG.fine("cannot remove " + dir + ": " + e.getMessage());
        }
    }
}
