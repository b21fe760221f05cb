package org.thermodiff.pipeline;

import com.google.inject.Inject;
import com.google.inject.Injector;
import com.google.inject.Singleton;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.EventBus;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The six stage verticles, created through Guice and deployed on one Vert.x instance, with a local
 * codec registered for every message type.
 */
@Singleton
public final class Pipeline implements AutoCloseable {

    /** The stages in the order data flows through them. */
    static final List<Class<? extends Stage>> STAGES = List.of(SourceStage.class, ForwardStage.class, EstimatorStage.class,
            SamplerStage.class, MetricsStage.class, ReporterStage.class);

    private static final List<Class<?>> MESSAGES = List.of(Messages.RunRequest.class, Messages.SourcesReady.class,
            Messages.ForwardReady.class, Messages.FieldReady.class, Messages.SamplingStarted.class,
            Messages.SnapshotReady.class, Messages.SamplingFinished.class, Messages.SamplingAborted.class,
            Messages.RunCompleted.class, Messages.RunFailed.class, Messages.RunReported.class,
            Messages.ExperimentStarted.class, Messages.RunsToDo.class, Messages.RunSettled.class, Messages.Progress.class, Messages.ExperimentFinished.class);

    private final Vertx vertx;
    private final Injector injector;
    private boolean deployed;

    @Inject
    Pipeline(Vertx vertx, Injector injector) {
        this.vertx = vertx;
        this.injector = injector;
    }

    /** The Vert.x instance the stages run on. */
    public Vertx vertx() {
        return vertx;
    }

    /** Registers the codecs and deploys the stages (once); blocks until they are up. */
    public synchronized Pipeline deploy() {
        if (deployed) {
            return this;
        }
        EventBus bus = vertx.eventBus();
        for (Class<?> type : MESSAGES) {
            register(bus, type);
        }
        List<Future<String>> deployments = new ArrayList<>();
        for (Class<? extends Stage> stage : STAGES) {
            VerticleBase verticle = injector.getInstance(stage);
            deployments.add(vertx.deployVerticle(verticle));
        }
        try {
            Future.all(deployments).toCompletionStage().toCompletableFuture().get(1, TimeUnit.MINUTES);
        } catch (Exception e) {
            throw new IllegalStateException("cannot deploy the pipeline: " + e.getMessage(), e);
        }
        deployed = true;
        return this;
    }

    private static <T> void register(EventBus bus, Class<T> type) {
        bus.registerDefaultCodec(type, new LocalCodec<>(type));
    }

    @Override
    public void close() {
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            // Shutting down anyway: nothing left to save.
        }
    }
}
