package org.thermodiff.plugins.metrics;

import org.thermodiff.spi.NoParameters;
import org.thermodiff.spi.PluginFactory;
import org.thermodiff.spi.PluginFamily;
import org.thermodiff.spi.PluginModule;

/**
 * Metrics of the paper's speed-accuracy relations, the density profiles and samples of its figures,
 * and the error and training of a learned velocity field.
 */
public final class MetricPlugins extends PluginModule {

    @Override
    protected void configure() {
        register(PluginFamily.METRIC, "speed-accuracy", PluginFactory.of(
                "D0, W1(t), ∂tW1, v_loss², v2², T·Ṡ, η, c1, c2, dissipation and the checks η ≤ c1 ≤ c2, v_loss² ≤ T·Ṡ (Eqs. 77–82, 91)",
                SpeedAccuracyMetric.Params.class, SpeedAccuracyMetric::new));
        register(PluginFamily.METRIC, "densities", PluginFactory.of(
                "density profiles of the forward P_t and estimated P̃_t at chosen times (Fig. 4(a), Fig. 5)",
                DensityProfiles.Params.class, DensityProfiles::new));
        register(PluginFamily.METRIC, "samples", PluginFactory.of(
                "samples of the reverse and estimated clouds (first two coordinates) at chosen times, for scatter plots (Fig. 3)",
                SampleSnapshots.Params.class, SampleSnapshots::new));
        register(PluginFamily.METRIC, "field-error", PluginFactory.of(
                "estimation error of the estimated field against the exact forward velocity, E_{P_t}|ν̂_t − ν_t|² per time "
                        + "and its integral over t, absolute and relative to E_{P_t}|ν_t|² (Monte Carlo over the exact P_t)",
                FieldErrorMetric.Params.class, FieldErrorMetric::new));
        register(PluginFamily.METRIC, "training", PluginFactory.of(
                "how a learned field was trained: steps, final loss, seconds, parameters, model reuse and the loss curve "
                        + "(table training_loss); nothing for fields that were not trained",
                NoParameters.class, p -> new TrainingMetric()));
    }
}
