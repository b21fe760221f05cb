package org.thermodiff.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Injector;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thermodiff.Thermodiff;
import org.thermodiff.cluster.ClusterNode;
import org.thermodiff.cluster.ClusterSettings;
import org.thermodiff.cluster.Coordinator;
import org.thermodiff.cluster.Wire;
import org.thermodiff.cluster.Worker;
import org.thermodiff.experiment.ExperimentLoader;
import org.thermodiff.pipeline.ExperimentRunner;
import org.thermodiff.pipeline.Pipeline;
import org.thermodiff.plugin.PluginRegistry;
import org.thermodiff.report.RunReportJson;
import org.thermodiff.report.RunStore;
import org.thermodiff.spi.report.RunReport;

/**
 * What a cluster member does with messages that are not what they must be (issue 7, safety): a
 * worker fed garbage, oversized text, a wrong message type and an experiment naming an unknown plugin
 * logs each, reports the last as a failed run, and goes on to compute the next valid run; a
 * coordinator answers malformed requests with a failure and keeps serving.
 */
class ClusterSafetyTest {

    private static ClusterNode node;
    private static Injector injector;
    private static Pipeline pipeline;
    private static final List<String> warnings = new ArrayList<>();
    private static final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord r) {
            synchronized (warnings) {
                warnings.add(r.getMessage());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @TempDir
    static Path dir;

    @BeforeAll
    static void join() throws IOException {
        node = ClusterNode.join(ClusterSettings.loopback("safety-" + UUID.randomUUID(), ClusterSettings.freePort(), List.of()));
        injector = Thermodiff.injector(ClusterSafetyTest.class.getClassLoader(), 1);
        pipeline = injector.getInstance(Pipeline.class);
        Logger.getLogger("org.thermodiff.cluster").addHandler(capture);
    }

    @AfterAll
    static void leave() {
        Logger.getLogger("org.thermodiff.cluster").removeHandler(capture);
        pipeline.close();
        node.close();
    }

    @Test
    void worker_skipsMalformedAssignments_reportsBadExperiments_andComputesTheNextRun() throws Exception {
        String experiment = Experiments.read(Experiments.write(dir, "safe",
                "schedule: cosine\nperturbation: { type: gaussian, mean: 1.0, stddev: 1.0 }\nreport: [json]\n"));
        Path file = dir.resolve("safe.yaml");
        String key = RunStore.key(new ExperimentLoader(injector.getInstance(PluginRegistry.class))
                .parse(file, experiment, java.util.OptionalLong.empty()).runs().get(0));
        String results = "test.results." + UUID.randomUUID();
        Deque<String> replies = new ConcurrentLinkedDeque<>(List.of(
                "not json at all",
                "x".repeat(5 << 20),
                new JsonObject().put("type", "run").put("sweep", "s").encode(),   // fields missing
                new JsonObject().put("type", "shutdown").encode(),
                assignment("s", 0, key, file, experiment.replace("estimator: analytic", "estimator: no-such-estimator"), results),
                assignment("s", 0, key, file, experiment, results)));
        var next = node.vertx().eventBus().consumer(Wire.NEXT, m -> {
            String reply = replies.poll();
            m.reply(reply == null ? new JsonObject().put("type", "idle").encode() : reply);
        });
        LinkedBlockingQueue<JsonObject> received = new LinkedBlockingQueue<>();
        var sink = node.vertx().eventBus().consumer(results, m -> {
            received.add(new JsonObject((String) m.body()));
            m.reply(new JsonObject().put("type", "ack").encode());
        });
        Worker worker = new Worker(node, new ExperimentLoader(injector.getInstance(PluginRegistry.class)),
                injector.getInstance(ExperimentRunner.class), dir.resolve("scratch"), "test-worker");
        Thread serving = new Thread(() -> {
            try {
                worker.serve(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        serving.start();
        try {
            JsonObject badExperiment = received.poll(2, TimeUnit.MINUTES);
            JsonObject good = received.poll(2, TimeUnit.MINUTES);

            RunReport failed = RunReportJson.decode(badExperiment.getJsonObject("report"));
            assertTrue(failed.error().orElseThrow().message().contains("the worker cannot load the experiment"),
                    failed.error().toString());
            assertTrue(failed.error().orElseThrow().message().contains("no-such-estimator"), failed.error().toString());
            RunReport computed = RunReportJson.decode(good.getJsonObject("report"));
            assertTrue(computed.succeeded(), computed.error().toString());
            assertTrue((Double) computed.values().get("eta") > 0);
            synchronized (warnings) {
                assertTrue(warnings.stream().anyMatch(w -> w.contains("rejected an assignment: not a JSON object")), warnings::toString);
                assertTrue(warnings.stream().anyMatch(w -> w.contains("exceeds the limit")), warnings::toString);
                assertTrue(warnings.stream().anyMatch(w -> w.contains("rejected an assignment: no 'run'")), warnings::toString);
                assertTrue(warnings.stream().anyMatch(w -> w.contains("message type shutdown")), warnings::toString);
            }
        } finally {
            serving.interrupt();
            serving.join(TimeUnit.MINUTES.toMillis(1));
            next.unregister();
            sink.unregister();
        }
    }

    @Test
    void coordinator_failsMalformedRequests_andKeepsServing() throws Exception {
        Coordinator.start(node, pipeline.deploy().vertx().eventBus());
        var bus = node.vertx().eventBus();

        for (Object bad : List.of("{", new JsonObject().put("type", "next").encode(), "y".repeat(5 << 20))) {
            ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                    () -> bus.request(Wire.NEXT, bad).toCompletionStage().toCompletableFuture().get(1, TimeUnit.MINUTES));
            assertEquals(400, ((ReplyException) e.getCause()).failureCode());
        }
        Object reply = bus.request(Wire.NEXT, new JsonObject().put("type", "next").put("worker", "w").put("name", "w").encode())
                .toCompletionStage().toCompletableFuture().get(1, TimeUnit.MINUTES).body();
        assertEquals("idle", new JsonObject((String) reply).getString("type"));
    }

    private static String assignment(String sweep, int run, String key, Path file, String text, String results) {
        return new JsonObject().put("type", "run").put("sweep", sweep).put("run", run).put("key", key)
                .put("file", file.toString()).put("text", text).putNull("seed").put("results", results).encode();
    }
}
