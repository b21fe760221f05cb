package org.thermodiff.pipeline;

import com.google.inject.Inject;
import io.vertx.core.Future;
import org.thermodiff.plugin.PluginRegistry;
import org.thermodiff.spi.VelocityEstimator;
import org.thermodiff.spi.process.EstimationProblem;

/** Stage 3: the estimated velocity field {@code ν̂} that will drive the generative process. */
final class EstimatorStage extends Stage {

    @Inject
    EstimatorStage(PluginRegistry registry) {
        super("estimator", registry);
    }

    @Override
    public Future<?> start() {
        return vertx.eventBus().<Messages.ForwardReady>consumer(Addresses.ESTIMATOR, m -> {
            var in = m.body();
            var spec = in.spec();
            relay(spec, in.trace(), () -> {
                VelocityEstimator estimator = instantiate(spec.estimator());
                return estimator.estimate(new EstimationProblem(in.forward(), in.sources().data(), in.sources().prior(),
                        spec.seed(), distances()));
            }, (field, trace) -> new Messages.FieldReady(spec, in.sources(), in.forward(), field, trace), Addresses.SAMPLER);
        }).completion();
    }
}
