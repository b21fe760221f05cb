package org.thermodiff.pipeline;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.util.concurrent.TimeUnit;
import org.thermodiff.spi.PluginFamily;
import org.thermodiff.spi.PluginModule;

/**
 * Guice wiring of the engine: one Vert.x instance sized by {@code threads}, the plugin families'
 * map binders (so that a family without plugins is an empty map, not an error), the registry and
 * the pipeline.
 */
public final class PipelineModule extends AbstractModule {

    private final int threads;

    /** @param threads worker threads for numerical work (runs proceed in parallel up to this) */
    public PipelineModule(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        this.threads = threads;
    }

    @Override
    protected void configure() {
        for (PluginFamily<?> family : PluginFamily.ALL) {
            PluginModule.registrations(binder(), family);
        }
    }

    @Provides
    @Singleton
    Vertx vertx() {
        VertxOptions options = new VertxOptions()
                .setWorkerPoolSize(threads)
                .setEventLoopPoolSize(2)
                // A worker task integrates one time segment of one run: seconds at most, even for
                // million-particle clouds. Warn only if one is truly stuck.
                .setMaxWorkerExecuteTime(60)
                .setMaxWorkerExecuteTimeUnit(TimeUnit.MINUTES);
        return Vertx.vertx(options);
    }
}
