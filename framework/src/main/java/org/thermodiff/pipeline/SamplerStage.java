package org.thermodiff.pipeline;

import com.google.inject.Inject;
import io.vertx.core.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.thermodiff.experiment.RunSpec;
import org.thermodiff.plugin.PluginRegistry;
import org.thermodiff.spi.MultivariateDistribution;
import org.thermodiff.spi.Sampler;
import org.thermodiff.spi.sampling.PointSamplingProblem;
import org.thermodiff.spi.sampling.PointSamplingRun;
import org.thermodiff.spi.sampling.TimeGrid;

/**
 * Stage 4: pushes the reverse and estimated clouds through {@code ν̂}, streaming one
 * {@link Messages.SnapshotReady} per output time to the metrics stage.
 *
 * <p>Each time segment is integrated in its own worker task, and the next one starts only when the
 * metrics stage has acknowledged the previous snapshot: at most one snapshot per run is in flight,
 * so memory stays bounded however large the clouds, while other runs use the remaining workers.
 */
final class SamplerStage extends Stage {

    @Inject
    SamplerStage(PluginRegistry registry) {
        super("sampler", registry);
    }

    /** A run being sampled; {@code total} output times, {@code sent} of them measured so far. */
    private record Session(RunSpec spec, String key, PointSamplingRun run, Trace trace, AtomicLong nanos, int total,
                           java.util.concurrent.atomic.AtomicInteger sent) {
    }

    /** A sampler started on a run, and what the metrics stage must know before its snapshots. */
    private record Prepared(PointSamplingRun run, Messages.SamplingStarted started) {
    }

    @Override
    public Future<?> start() {
        return vertx.eventBus().<Messages.FieldReady>consumer(Addresses.SAMPLER, m -> {
            var in = m.body();
            var spec = in.spec();
            AtomicLong nanos = new AtomicLong();
            blocking(() -> {
                long t0 = System.nanoTime();
                TimeGrid grid = spec.time().grid(spec.tau());
                MultivariateDistribution reverseStart = in.forward().marginalLaw(spec.tau());
                Sampler sampler = instantiate(spec.sampler());
                PointSamplingRun run = sampler.start(new PointSamplingProblem(grid, reverseStart,
                        in.sources().perturbation(), in.field(), spec.seed()));
                nanos.addAndGet(System.nanoTime() - t0);
                return new Prepared(run, new Messages.SamplingStarted(spec, in.sources(), in.forward(), in.field(), reverseStart, grid,
                        in.trace()));
            }).compose(prepared -> vertx.eventBus().request(Addresses.METRICS, prepared.started(), PATIENT).map(prepared.run()))
                    .onSuccess(run -> pump(new Session(spec, Messages.key(spec), run, in.trace(), nanos,
                            spec.time().grid(spec.tau()).size(), new java.util.concurrent.atomic.AtomicInteger())))
                    .onFailure(e -> reportFailure(spec, e, in.trace()));
        }).completion();
    }

    /** Sends the next snapshot, or the end of sampling. */
    private void pump(Session s) {
        if (!s.run().hasNext()) {
            long ms = TimeUnit.NANOSECONDS.toMillis(s.nanos().get());
            vertx.eventBus().request(Addresses.METRICS, new Messages.SamplingFinished(s.key(), s.run().diagnostics(), ms), PATIENT)
                    .onFailure(e -> reportFailure(s.spec(), e, s.trace().with(name(), ms)));
            return;
        }
        blocking(() -> {
            long t0 = System.nanoTime();
            var snapshot = s.run().next();
            s.nanos().addAndGet(System.nanoTime() - t0);
            return new Messages.SnapshotReady(s.key(), snapshot);
        }).compose(snapshot -> vertx.eventBus().request(Addresses.METRICS, snapshot, PATIENT))
                .onSuccess(ack -> {
                    vertx.eventBus().publish(Addresses.EVENTS, new Messages.Progress(s.spec().experiment(), s.spec().index(),
                            s.sent().incrementAndGet(), s.total()));
                    pump(s);
                })
                .onFailure(e -> {
                    vertx.eventBus().send(Addresses.METRICS, new Messages.SamplingAborted(s.key()));
                    reportFailure(s.spec(), e, s.trace());
                });
    }
}
