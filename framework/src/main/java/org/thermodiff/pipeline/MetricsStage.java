package org.thermodiff.pipeline;

import com.google.inject.Inject;
import io.vertx.core.Future;
import io.vertx.core.eventbus.Message;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.thermodiff.experiment.ParameterBinder;
import org.thermodiff.experiment.PluginSpec;
import org.thermodiff.experiment.RunSpec;
import org.thermodiff.plugin.PluginRegistry;
import org.thermodiff.spi.Metric;
import org.thermodiff.spi.PluginFamily;
import org.thermodiff.spi.metrics.MetricAccumulator;
import org.thermodiff.spi.metrics.MetricResult;
import org.thermodiff.spi.metrics.RunContext;

/**
 * Stage 5: feeds each run's snapshots to its metrics and sends the results on.
 *
 * <p>Per-run state lives in a map touched only on this verticle's event loop; the accumulators
 * themselves run in worker tasks, one at a time per run (the sampler waits for each reply). If a
 * metric fails, this stage reports the run and answers the sampler with {@link #ALREADY_REPORTED}.
 */
final class MetricsStage extends Stage {

    /** A run whose snapshots are arriving. */
    private static final class RunState {
        final RunSpec spec;
        final Trace trace;
        final List<MetricAccumulator> accumulators;
        long nanos;

        RunState(RunSpec spec, Trace trace, List<MetricAccumulator> accumulators, long nanos) {
            this.spec = spec;
            this.trace = trace;
            this.accumulators = accumulators;
            this.nanos = nanos;
        }
    }

    private final Map<String, RunState> runs = new HashMap<>();

    @Inject
    MetricsStage(PluginRegistry registry) {
        super("metrics", registry);
    }

    @Override
    public Future<?> start() {
        return vertx.eventBus().consumer(Addresses.METRICS, this::dispatch).completion();
    }

    private void dispatch(Message<Object> m) {
        Object body = m.body();
        if (body instanceof Messages.SamplingStarted s) {
            started(m, s);
        } else if (body instanceof Messages.SnapshotReady s) {
            snapshot(m, s);
        } else if (body instanceof Messages.SamplingFinished s) {
            finished(m, s);
        } else if (body instanceof Messages.SamplingAborted s) {
            runs.remove(s.run());
        } else {
            m.fail(0, "metrics stage cannot handle " + body.getClass().getSimpleName());
        }
    }

    private void started(Message<Object> m, Messages.SamplingStarted s) {
        RunSpec spec = s.spec();
        blocking(() -> {
            long t0 = System.nanoTime();
            RunContext context = new RunContext(spec.labels(), s.grid(), s.sources().data(), s.sources().prior(),
                    s.reverseStart(), s.sources().perturbation(), s.forward(), s.field(), distances());
            List<MetricAccumulator> accumulators = new ArrayList<>();
            for (PluginSpec<Metric> metric : spec.metrics()) {
                accumulators.add(instantiate(metric).open(context));
            }
            return new RunState(spec, s.trace(), accumulators, System.nanoTime() - t0);
        }).onSuccess(state -> {
            runs.put(Messages.key(spec), state);
            m.reply(Boolean.TRUE);
        }).onFailure(e -> {
            reportFailure(spec, e, s.trace());
            replyReported(m, e);
        });
    }

    private void snapshot(Message<Object> m, Messages.SnapshotReady s) {
        RunState state = runs.get(s.run());
        if (state == null) {
            m.fail(ALREADY_REPORTED, "run " + s.run() + " is not being measured");
            return;
        }
        blocking(() -> {
            long t0 = System.nanoTime();
            for (MetricAccumulator a : state.accumulators) {
                a.accept(s.snapshot());
            }
            return System.nanoTime() - t0;
        }).onSuccess(nanos -> {
            state.nanos += nanos;
            m.reply(Boolean.TRUE);
        }).onFailure(e -> {
            runs.remove(s.run());
            reportFailure(state.spec, e, state.trace);
            replyReported(m, e);
        });
    }

    private void finished(Message<Object> m, Messages.SamplingFinished s) {
        RunState state = runs.remove(s.run());
        if (state == null) {
            m.fail(ALREADY_REPORTED, "run " + s.run() + " is not being measured");
            return;
        }
        Trace sampled = state.trace.with("sampler", s.samplerMillis());
        blocking(() -> {
            long t0 = System.nanoTime();
            List<MetricResult> results = new ArrayList<>();
            for (MetricAccumulator a : state.accumulators) {
                results.add(a.finish());
            }
            long ms = TimeUnit.NANOSECONDS.toMillis(state.nanos + System.nanoTime() - t0);
            return new Messages.RunCompleted(state.spec, results, s.diagnostics(), sampled.with(name(), ms));
        }).onSuccess(done -> {
            vertx.eventBus().send(Addresses.REPORTER, done);
            m.reply(Boolean.TRUE);
        }).onFailure(e -> {
            reportFailure(state.spec, e, sampled);
            replyReported(m, e);
        });
    }
}
