package org.thermodiff.pipeline;

import com.google.inject.Inject;
import io.vertx.core.Future;
import org.thermodiff.plugin.PluginRegistry;

/** Stage 1: makes the data {@code q}, the prior and the perturbed start {@code P̃†_0} of a run. */
final class SourceStage extends Stage {

    @Inject
    SourceStage(PluginRegistry registry) {
        super("source", registry);
    }

    @Override
    public Future<?> start() {
        return vertx.eventBus().<Messages.RunRequest>consumer(Addresses.SOURCE, m -> {
            var spec = m.body().spec();
            relay(spec, Trace.empty(),
                    () -> Messages.Sources.of(instantiate(spec.data()), instantiate(spec.prior()), instantiate(spec.perturbation())),
                    (sources, trace) -> new Messages.SourcesReady(spec, sources, trace), Addresses.FORWARD);
        }).completion();
    }
}
