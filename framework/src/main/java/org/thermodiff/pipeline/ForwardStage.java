package org.thermodiff.pipeline;

import com.google.inject.Inject;
import io.vertx.core.Future;
import org.thermodiff.plugin.PluginRegistry;
import org.thermodiff.spi.Schedule;

/** Stage 2: the forward process {@code P_t} of the run's schedule on its data. */
final class ForwardStage extends Stage {

    @Inject
    ForwardStage(PluginRegistry registry) {
        super("forward", registry);
    }

    @Override
    public Future<?> start() {
        return vertx.eventBus().<Messages.SourcesReady>consumer(Addresses.FORWARD, m -> {
            var in = m.body();
            var spec = in.spec();
            relay(spec, in.trace(), () -> {
                Schedule schedule = instantiate(spec.schedule());
                return schedule.forward(in.sources().data(), in.sources().prior(), spec.tau());
            }, (forward, trace) -> new Messages.ForwardReady(spec, in.sources(), forward, trace), Addresses.ESTIMATOR);
        }).completion();
    }
}
