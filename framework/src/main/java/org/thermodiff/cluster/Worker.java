package org.thermodiff.cluster;

import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import org.thermodiff.experiment.ExperimentLoader;
import org.thermodiff.experiment.ExperimentPlan;
import org.thermodiff.yaml.InputException;
import org.thermodiff.experiment.RunSpec;
import org.thermodiff.pipeline.ExperimentRunner;
import org.thermodiff.report.RunReportJson;
import org.thermodiff.report.RunStore;
import org.thermodiff.spi.metrics.Series;
import org.thermodiff.spi.report.RunReport;

/**
 * Computes runs for the coordinators of a cluster: each of its {@code slots} asks {@link Wire#NEXT}
 * for a run, validates the experiment it names with this JVM's plugins (so only registered plugins
 * are ever instantiated, and bad YAML is an error report, not a crash), runs it through this JVM's
 * pipeline, and sends the report back. With no work it waits for a {@link Wire#WAKE} (or two
 * seconds). A message that is not what it must be is logged and skipped; the worker carries on.
 */
public final class Worker {

    private static final Logger LOG = Logger.getLogger(Worker.class.getName());
    /** Longest wait for work before asking again, should a wake-up be missed. */
    private static final long IDLE_MILLIS = 2000;
    private static final DeliveryOptions RESULT_DELIVERY = new DeliveryOptions().setSendTimeout(TimeUnit.MINUTES.toMillis(2));

    private final ClusterNode node;
    private final ExperimentLoader loader;
    private final ExperimentRunner runner;
    private final Path scratch;
    private final String name;
    private final Semaphore wake = new Semaphore(0);
    private final AtomicLong sequence = new AtomicLong();

    /**
     * @param node    this JVM's cluster membership
     * @param loader  validates experiments against this JVM's plugins
     * @param runner  runs them through this JVM's pipeline
     * @param scratch where the pipeline's per-run files of the runs go (a worker keeps no results)
     * @param name    how logs and results name this worker, e.g. {@code host/pid}
     */
    public Worker(ClusterNode node, ExperimentLoader loader, ExperimentRunner runner, Path scratch, String name) {
        this.node = node;
        this.loader = loader;
        this.runner = runner;
        this.scratch = scratch;
        this.name = name;
    }

    /** Serves with {@code slots} runs at a time until the thread is interrupted. */
    public void serve(int slots) throws InterruptedException {
        MessageConsumer<Object> wakes = node.vertx().eventBus().consumer(Wire.WAKE, m -> wake.release(slots));
        try {
            Thread[] threads = new Thread[slots];
            for (int i = 0; i < slots; i++) {
                threads[i] = new Thread(this::loop, "thermodiff-worker-slot-" + i);
                threads[i].start();
            }
            for (Thread t : threads) {
                t.join();
            }
        } finally {
            wakes.unregister();
        }
    }

    private void loop() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Optional<Wire.Assignment> work = ask();
                if (work.isEmpty()) {
                    wake.tryAcquire(IDLE_MILLIS, TimeUnit.MILLISECONDS);
                    continue;
                }
                Wire.Assignment a = work.get();
                long t0 = System.nanoTime();
                RunReport report = compute(a);
                long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
                send(a, new Wire.Result(a.sweep(), a.run(), a.key(), node.nodeId(), millis, RunReportJson.encode(report)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A run to compute, or empty when there is none (or no coordinator, or a message to reject). */
    private Optional<Wire.Assignment> ask() throws InterruptedException {
        Object reply;
        try {
            reply = node.vertx().eventBus().request(Wire.NEXT, Wire.next(node.nodeId(), name).encode())
                    .toCompletionStage().toCompletableFuture().get().body();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof ReplyException r && r.failureType() == ReplyFailure.NO_HANDLERS)) {
                LOG.warning("asking for work failed: " + e.getCause().getMessage());
            }
            return Optional.empty();
        }
        try {
            JsonObject json = Wire.parse(reply, Wire.MAX_ASSIGNMENT_CHARS, "run", "idle");
            return "idle".equals(json.getString("type")) ? Optional.empty() : Optional.of(Wire.Assignment.of(json));
        } catch (Wire.Rejected e) {
            LOG.warning("rejected an assignment: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** The run's report; a run this worker cannot set up is a failed report saying why. */
    private RunReport compute(Wire.Assignment a) throws InterruptedException {
        RunSpec spec;
        ExperimentPlan plan;
        try {
            plan = loader.parse(Path.of(a.file()), a.text(), a.seed());
        } catch (InputException e) {
            return failed(a, "the worker cannot load the experiment: " + e.getMessage());
        } catch (RuntimeException e) {
            return failed(a, "the worker cannot load the experiment: " + e);
        }
        if (a.run() >= plan.runs().size()) {
            return failed(a, "the experiment has " + plan.runs().size() + " runs, not " + (a.run() + 1));
        }
        spec = plan.runs().get(a.run());
        if (!RunStore.key(spec).equals(a.key())) {
            return failed(a, "the worker resolves run " + a.run() + " to another configuration than the coordinator "
                    + "(different thermodiff or plugin versions?)");
        }
        String alias = plan.name() + "@" + name + "#" + sequence.incrementAndGet();
        ExperimentPlan single = new ExperimentPlan(alias, plan.description(), plan.source(), plan.text(), plan.axes(),
                List.of(spec.as(alias, 0)), List.of(), plan.seed());
        LOG.info("running " + spec.id());
        return runner.run(single, scratch, 1, false, Map.of(), event -> { }).report().runs().get(0);
    }

    private static RunReport failed(Wire.Assignment a, String message) {
        LOG.warning("run " + a.run() + " of sweep " + a.sweep() + ": " + message);
        return new RunReport(a.run(), Map.of(), 0, Map.of(), Series.empty(), List.of(),
                Optional.of(new RunReport.RunError("worker", message)), Map.of(), Map.of(), Map.of(), Map.of());
    }

    private void send(Wire.Assignment a, Wire.Result result) throws InterruptedException {
        try {
            node.vertx().eventBus().request(a.results(), result.json().encode(), RESULT_DELIVERY)
                    .toCompletionStage().toCompletableFuture().get();
            // Logged once acknowledged: from here on the coordinator no longer counts the run as held.
            LOG.info("delivered run " + a.run() + " of sweep " + a.sweep() + (result.report().containsKey("error")
                    ? " (failed: " + result.report().getJsonObject("error").getString("message") + ")" : ""));
        } catch (ExecutionException e) {
            LOG.warning("could not deliver run " + a.run() + " of sweep " + a.sweep() + " to its coordinator: "
                    + e.getCause().getMessage());
        }
    }
}
