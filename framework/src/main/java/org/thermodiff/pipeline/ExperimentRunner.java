package org.thermodiff.pipeline;

import com.google.inject.Inject;
import io.vertx.core.eventbus.MessageConsumer;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.thermodiff.experiment.ExperimentPlan;
import org.thermodiff.experiment.RunSpec;

/**
 * Drives experiments through the pipeline from an ordinary thread: announces the experiment to the
 * reporter (which restores stored runs when resuming and answers with the rest), feeds those runs to
 * the source stage with at most {@code parallel} in flight (each settled run lets the next one in),
 * and waits for the reports.
 */
public final class ExperimentRunner {

    private final Pipeline pipeline;

    @Inject
    ExperimentRunner(Pipeline pipeline) {
        this.pipeline = pipeline;
    }

    /** Runs computed by this JVM's pipeline, at most {@code parallel} at once. */
    public RunDispatcher local(int parallel) {
        var bus = pipeline.deploy().vertx().eventBus();
        int capacity = Math.max(1, parallel);
        return new RunDispatcher() {
            @Override
            public int capacity() {
                return capacity;
            }

            @Override
            public void dispatch(RunSpec run) {
                bus.send(Addresses.SOURCE, new Messages.RunRequest(run));
            }
        };
    }

    /**
     * Runs every run of {@code plan} in this JVM; blocks until the reporters have written
     * {@code <outRoot>/<name>/}.
     *
     * @param parallel most runs in flight at once
     * @see #run(ExperimentPlan, Path, RunDispatcher, boolean, Map, Consumer)
     */
    public Messages.ExperimentFinished run(ExperimentPlan plan, Path outRoot, int parallel, boolean resume,
                                           Map<String, Object> provenance, Consumer<Object> listener)
            throws InterruptedException {
        return run(plan, outRoot, local(parallel), resume, provenance, listener);
    }

    /**
     * Runs every run of {@code plan} through {@code dispatcher}; blocks until the reporters have
     * written {@code <outRoot>/<name>/}.
     *
     * @param plan       the experiment
     * @param outRoot    the output root
     * @param dispatcher what computes the runs
     * @param resume     take runs whose results are stored for the same configuration from the store
     * @param provenance facts to record with the results
     * @param listener   sees this experiment's {@link Messages.Progress} and {@link Messages.RunSettled}
     *                   events, on an event loop (so it must be quick)
     * @return the report and any reporter errors
     */
    public Messages.ExperimentFinished run(ExperimentPlan plan, Path outRoot, RunDispatcher dispatcher, boolean resume,
                                           Map<String, Object> provenance, Consumer<Object> listener)
            throws InterruptedException {
        var bus = pipeline.deploy().vertx().eventBus();
        CompletableFuture<Messages.ExperimentFinished> done = new CompletableFuture<>();
        Deque<RunSpec> pending = new ArrayDeque<>();
        Set<Integer> dispatched = ConcurrentHashMap.newKeySet();
        Runnable dispatchNext = () -> {
            RunSpec next;
            synchronized (pending) {
                next = pending.poll();
            }
            if (next != null) {
                dispatched.add(next.index());
                dispatcher.dispatch(next);
            }
        };
        MessageConsumer<Object> events = bus.consumer(Addresses.EVENTS, m -> {
            if (m.body() instanceof Messages.Progress p && p.experiment().equals(plan.name())) {
                listener.accept(p);
            } else if (m.body() instanceof Messages.RunSettled s && s.experiment().equals(plan.name())) {
                listener.accept(s);
                if (dispatched.remove(s.index())) { // a restored run frees no slot
                    dispatchNext.run();
                }
            } else if (m.body() instanceof Messages.ExperimentFinished f && f.report().name().equals(plan.name())) {
                done.complete(f);
            }
        });
        try {
            await(events.completion().toCompletionStage().toCompletableFuture(), plan.name());
            Path directory = outRoot.resolve(plan.name());
            Messages.RunsToDo todo = (Messages.RunsToDo) await(bus.request(Addresses.REPORTER,
                    new Messages.ExperimentStarted(plan, directory, provenance, resume)).toCompletionStage()
                    .toCompletableFuture(), plan.name()).body();
            synchronized (pending) {
                pending.addAll(todo.runs());
            }
            // Hand the first runs over from an event loop, as every later one is (dispatchers may rely on it).
            int first = (int) Math.min(dispatcher.capacity(), todo.runs().size());
            pipeline.vertx().runOnContext(v -> {
                for (int i = 0; i < first; i++) {
                    dispatchNext.run();
                }
            });
            return await(done, plan.name());
        } finally {
            events.unregister();
        }
    }

    private static <T> T await(CompletableFuture<T> future, String experiment) throws InterruptedException {
        try {
            return future.get(7, TimeUnit.DAYS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("pipeline error in experiment " + experiment + ": " + e.getCause().getMessage(),
                    e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("experiment " + experiment + " did not finish within a week", e);
        }
    }
}
