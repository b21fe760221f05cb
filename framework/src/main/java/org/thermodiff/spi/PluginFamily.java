package org.thermodiff.spi;

import java.util.List;

/**
 * A kind of plugin: what it produces and the key under which experiments name it.
 *
 * @param key   singular name used in messages and listings, e.g. {@code schedule}
 * @param title one-line description of the family
 * @param type  what the family's factories create
 * @param <T>   the product type
 */
public record PluginFamily<T>(String key, String title, Class<T> type) {

    /** Distributions in {@code R^d}: the data {@code q}, the prior and the perturbed starts {@code P̃†_0}. */
    public static final PluginFamily<MultivariateDistribution> DATA =
            new PluginFamily<>("data", "distributions for data, prior and perturbations", MultivariateDistribution.class);
    /** Noise schedules / forward processes. */
    public static final PluginFamily<Schedule> SCHEDULE =
            new PluginFamily<>("schedule", "noise schedules (forward processes)", Schedule.class);
    /** Velocity estimators. */
    public static final PluginFamily<VelocityEstimator> ESTIMATOR =
            new PluginFamily<>("estimator", "velocity estimators", VelocityEstimator.class);
    /** Samplers of the reverse and estimated processes. */
    public static final PluginFamily<Sampler> SAMPLER =
            new PluginFamily<>("sampler", "samplers of the reverse and estimated processes", Sampler.class);
    /** Distances and divergences. */
    public static final PluginFamily<Distance> DISTANCE =
            new PluginFamily<>("distance", "distances and divergences", Distance.class);
    /** Metrics computed from the snapshot stream. */
    public static final PluginFamily<Metric> METRIC =
            new PluginFamily<>("metric", "metrics computed from the snapshot stream", Metric.class);
    /** Reporters of finished experiments. */
    public static final PluginFamily<Reporter> REPORTER =
            new PluginFamily<>("reporter", "reporters of finished experiments", Reporter.class);

    /** Every family, in pipeline order. */
    public static final List<PluginFamily<?>> ALL =
            List.of(DATA, SCHEDULE, ESTIMATOR, SAMPLER, DISTANCE, METRIC, REPORTER);

    @Override
    public String toString() {
        return key;
    }
}
