package org.thermodiff.cluster;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.thermodiff.experiment.ExperimentPlan;
import org.thermodiff.experiment.RunSpec;
import org.thermodiff.pipeline.Addresses;
import org.thermodiff.pipeline.Messages;
import org.thermodiff.pipeline.RunDispatcher;
import org.thermodiff.report.RunReportJson;
import org.thermodiff.report.RunStore;
import org.thermodiff.spi.report.RunReport;

/**
 * Hands the runs of a sweep to the workers of a cluster and passes their outcomes to this JVM's
 * reporter. Workers pull: an idle worker asks {@link Wire#NEXT}, gets a run (or "idle"), computes it
 * and sends the result to this coordinator's own address. The coordinator remembers which worker
 * holds which run; when a worker leaves the cluster (killed, crashed, disconnected — Hazelcast
 * notices within seconds) its runs go back to the front of the queue and idle workers are woken.
 * A result that arrives for a run no longer held by its sender (re-dispatched meanwhile) is dropped.
 *
 * <p>All state lives on this verticle's event loop; decoding results, which may be megabytes of
 * JSON, runs on a worker thread.
 */
public final class Coordinator extends VerticleBase {

    private static final Logger LOG = Logger.getLogger(Coordinator.class.getName());
    /** How often membership is checked for departed workers. */
    private static final long WATCH_MILLIS = 500;
    /** How often a coordinator with queued runs and no worker says so. */
    private static final long LONELY_MILLIS = TimeUnit.SECONDS.toMillis(30);

    /** A run of a sweep. */
    private record Job(Sweep sweep, RunSpec spec) {
        String id() {
            return sweep.id + "#" + spec.index();
        }
    }

    /** A run held by a worker. */
    private record Held(Job job, String worker, long since) {
    }

    /** One experiment dispatched to the cluster. */
    private static final class Sweep {
        final String id = UUID.randomUUID().toString();
        final ExperimentPlan plan;
        final OptionalLong seed;

        Sweep(ExperimentPlan plan, OptionalLong seed) {
            this.plan = plan;
            this.seed = seed;
        }
    }

    private final ClusterNode node;
    private final EventBus pipelineBus;
    private final String resultsAddress = "thermodiff.cluster.results." + UUID.randomUUID();
    private final Deque<Job> queue = new ArrayDeque<>();
    private final Map<String, Held> held = new HashMap<>();
    private final Map<String, String> workerNames = new HashMap<>();
    private final Stats stats = new Stats();
    private Context context;
    private long lonelySince = -1;

    /**
     * @param node        this JVM's cluster membership (the coordinator is deployed on its Vert.x)
     * @param pipelineBus the event bus of this JVM's pipeline, where outcomes go
     */
    public Coordinator(ClusterNode node, EventBus pipelineBus) {
        this.node = node;
        this.pipelineBus = pipelineBus;
    }

    /** Deploys a coordinator on {@code node}; blocks until it listens. */
    public static Coordinator start(ClusterNode node, EventBus pipelineBus) {
        Coordinator c = new Coordinator(node, pipelineBus);
        try {
            node.vertx().deployVerticle(c).toCompletionStage().toCompletableFuture().get(1, TimeUnit.MINUTES);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the cluster coordinator: " + e.getMessage(), e);
        }
        return c;
    }

    @Override
    public Future<?> start() {
        context = vertx.getOrCreateContext();
        EventBus bus = vertx.eventBus();
        vertx.setPeriodic(WATCH_MILLIS, id -> watchMembers());
        return Future.all(bus.consumer(Wire.NEXT, this::next).completion(),
                bus.consumer(resultsAddress, this::result).completion());
    }

    /**
     * The dispatcher of one experiment: its runs queue here until workers take them.
     *
     * @param seed the seed override the plan was loaded with, which workers must apply too
     */
    public RunDispatcher dispatcher(ExperimentPlan plan, OptionalLong seed) {
        Sweep sweep = new Sweep(plan, seed);
        return new RunDispatcher() {
            @Override
            public int capacity() {
                return Integer.MAX_VALUE; // workers pull as fast as they can
            }

            @Override
            public void dispatch(RunSpec run) {
                context.runOnContext(v -> {
                    queue.addLast(new Job(sweep, run));
                    wakeSoon();
                });
            }
        };
    }

    /** Per-run coordination statistics, for the benchmark: see {@link Stats}. */
    public Stats stats() {
        return stats;
    }

    private boolean wakePending;

    /** One wake-up per event-loop turn, however many runs were queued in it. */
    private void wakeSoon() {
        if (!wakePending) {
            wakePending = true;
            context.runOnContext(v -> {
                wakePending = false;
                vertx.eventBus().publish(Wire.WAKE, Wire.wake().encode());
            });
        }
    }

    private void next(Message<Object> m) {
        JsonObject request;
        String worker;
        try {
            request = Wire.parse(m.body(), Wire.MAX_ASSIGNMENT_CHARS, "next");
            worker = Wire.field(request, "worker", String.class, false);
        } catch (Wire.Rejected e) {
            LOG.warning("rejected a request for work: " + e.getMessage());
            m.fail(400, e.getMessage());
            return;
        }
        workerNames.putIfAbsent(worker, request.getString("name", worker));
        Job job = queue.pollFirst();
        if (job == null) {
            m.reply(Wire.idle().encode());
            return;
        }
        held.put(job.id(), new Held(job, worker, System.nanoTime()));
        Path file = job.sweep.plan.source().toAbsolutePath(); // workers may run elsewhere
        m.reply(new Wire.Assignment(job.sweep.id, job.spec.index(), RunStore.key(job.spec), String.valueOf(file),
                job.sweep.plan.text(), job.sweep.seed, resultsAddress).json().encode());
        LOG.fine(() -> "run " + job.spec.id() + " to " + workerNames.get(worker));
    }

    private void result(Message<Object> m) {
        long received = System.nanoTime();
        vertx.executeBlocking(() -> {
            Wire.Result r = Wire.Result.of(Wire.parse(m.body(), Wire.MAX_RESULT_CHARS, "result"));
            return new Decoded(r, RunReportJson.decode(r.report()));
        }, false).onComplete(decoded -> {
            if (decoded.failed()) {
                String why = decoded.cause() instanceof Wire.Rejected || decoded.cause() instanceof IllegalArgumentException
                        ? decoded.cause().getMessage() : String.valueOf(decoded.cause());
                LOG.warning("rejected a result: " + why);
                m.fail(400, why);
                return;
            }
            Wire.Result r = decoded.result().result;
            m.reply(Wire.ack().encode());
            String id = r.sweep() + "#" + r.run();
            Held h = held.get(id);
            if (h == null || !h.worker.equals(r.worker()) || !RunStore.key(h.job.spec).equals(r.key())) {
                LOG.fine(() -> "dropping a result for run " + id + " from " + r.worker() + ": not held by it");
                return;
            }
            held.remove(id);
            stats.record(TimeUnit.NANOSECONDS.toMillis(received - h.since), r.millis());
            RunReport report = decoded.result().report;
            pipelineBus.send(Addresses.REPORTER, new Messages.RunReported(h.job.spec,
                    report.withDiagnostic("worker", workerNames.getOrDefault(r.worker(), r.worker()))));
        });
    }

    private record Decoded(Wire.Result result, RunReport report) {
    }

    /** Puts the runs of workers that left back at the front of the queue. */
    private void watchMembers() {
        Set<String> members = new HashSet<>(node.nodes());
        List<Held> orphaned = held.values().stream().filter(h -> !members.contains(h.worker)).toList();
        for (Held h : orphaned) {
            held.remove(h.job.id());
            queue.addFirst(h.job);
            LOG.warning("worker " + workerNames.getOrDefault(h.worker, h.worker) + " left the cluster; run "
                    + h.job.spec.id() + " goes to another worker");
        }
        if (!orphaned.isEmpty()) {
            wakeSoon();
        }
        if (!queue.isEmpty() && held.isEmpty() && members.size() <= 1) {
            long now = System.nanoTime();
            if (lonelySince < 0) {
                lonelySince = now;
            } else if (now - lonelySince > TimeUnit.MILLISECONDS.toNanos(LONELY_MILLIS)) {
                LOG.warning(queue.size() + " runs wait for workers; start some with: thermodiff worker --cluster");
                lonelySince = now;
            }
        } else {
            lonelySince = -1;
        }
    }
}
