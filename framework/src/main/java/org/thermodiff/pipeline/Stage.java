package org.thermodiff.pipeline;

import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.thermodiff.experiment.PluginSpec;
import org.thermodiff.experiment.RunSpec;
import org.thermodiff.plugin.PluginRegistry;
import org.thermodiff.spi.Distance;
import org.thermodiff.spi.PluginFamily;

/**
 * Base of the pipeline's stage verticles. Handlers run on the verticle's event loop and only
 * route messages; every piece of numerical work goes through {@link #blocking} onto the worker
 * pool, so the event loop is never blocked and runs proceed in parallel.
 */
abstract class Stage extends VerticleBase {

    /** Failure code of a reply when the replying stage has already reported the run as failed. */
    static final int ALREADY_REPORTED = 1;

    /** Requests between stages may wait for a whole sampling segment. */
    static final DeliveryOptions PATIENT = new DeliveryOptions().setSendTimeout(TimeUnit.HOURS.toMillis(6));

    private static final Logger LOG = Logger.getLogger(Stage.class.getName());

    protected final PluginRegistry registry;
    private final String name;

    Stage(String name, PluginRegistry registry) {
        this.name = name;
        this.registry = registry;
    }

    /** The stage's name in traces and failure reports. */
    String name() {
        return name;
    }

    /** Runs {@code work} on a worker thread; the future completes back on this verticle's context. */
    <T> Future<T> blocking(Callable<T> work) {
        return vertx.executeBlocking(work, false);
    }

    /** Makes the plugin a run asked for. */
    <T> T instantiate(PluginSpec<T> spec) {
        return registry.create(spec.family(), spec.name(), spec.parameters());
    }

    /** The distance plugins by name, each with its default parameters. */
    Function<String, Distance> distances() {
        return name -> registry.createDefault(PluginFamily.DISTANCE, name);
    }

    /**
     * The common step of the first stages: do {@code work} off the event loop, then send
     * {@code wrap(result, trace + this stage's time)} to {@code next}; on failure, report the run.
     */
    <R> void relay(RunSpec spec, Trace trace, Callable<R> work, BiFunction<R, Trace, Object> wrap, String next) {
        blocking(() -> {
            long t0 = System.nanoTime();
            R result = work.call();
            return wrap.apply(result, trace.with(name, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)));
        }).onSuccess(out -> vertx.eventBus().send(next, out))
                .onFailure(e -> reportFailure(spec, e, trace));
    }

    /** Tells the reporter the run failed in this stage. */
    void reportFailure(RunSpec spec, Throwable error, Trace trace) {
        if (error instanceof ReplyException r && r.failureCode() == ALREADY_REPORTED) {
            return;
        }
        LOG.log(Level.FINE, "run " + spec.id() + " failed in " + name, error);
        vertx.eventBus().send(Addresses.REPORTER, new Messages.RunFailed(spec, name, describe(error), trace));
    }

    /** Replies to {@code message} that the run failed and has been reported. */
    static void replyReported(Message<?> message, Throwable error) {
        message.fail(ALREADY_REPORTED, String.valueOf(error.getMessage()));
    }

    /**
     * A one-line explanation: the message of an argument or state error (a problem with the
     * experiment), else the exception type and message (a bug, logged in full at FINE).
     */
    static String describe(Throwable error) {
        Throwable e = error;
        while ((e instanceof java.util.concurrent.CompletionException || e instanceof java.lang.reflect.InvocationTargetException)
                && e.getCause() != null) {
            e = e.getCause();
        }
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (e instanceof IllegalArgumentException || e instanceof UnsupportedOperationException) {
            return message;
        }
        return e.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
    }
}
