package org.thermodiff.experiment;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.thermodiff.spi.MultivariateDistribution;
import org.thermodiff.spi.Metric;
import org.thermodiff.spi.Sampler;
import org.thermodiff.spi.Schedule;
import org.thermodiff.spi.VelocityEstimator;

/**
 * One fully resolved run of an experiment: a point of its matrix, or a run its {@code include:} adds.
 *
 * @param experiment   experiment name
 * @param index        position among the experiment's runs, from 0
 * @param labels       value of every matrix axis, in axis order
 * @param tau          duration {@code τ}
 * @param seed         this run's seed (derived from the experiment seed and the labels)
 * @param data         the data {@code q}
 * @param prior        the prior
 * @param perturbation the perturbed start {@code P̃†_0}
 * @param schedule     the noise schedule
 * @param estimator    the velocity estimator
 * @param sampler      the sampler
 * @param metrics      the metrics
 * @param time         the output times
 */
public record RunSpec(String experiment, int index, Map<String, String> labels, double tau, long seed,
                      PluginSpec<MultivariateDistribution> data, PluginSpec<MultivariateDistribution> prior,
                      PluginSpec<MultivariateDistribution> perturbation, PluginSpec<Schedule> schedule,
                      PluginSpec<VelocityEstimator> estimator, PluginSpec<Sampler> sampler,
                      List<PluginSpec<Metric>> metrics, TimeRule time) {

    public RunSpec {
        labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
        metrics = List.copyOf(metrics);
        Objects.requireNonNull(time, "time");
    }

    /** {@code fig4#3 (schedule=cond-ot, perturbation=gaussian-mean)}: how logs and errors name the run. */
    public String id() {
        String l = labels.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
        return experiment + "#" + index + (l.isEmpty() ? "" : " (" + l + ")");
    }

    /** This run under another experiment name and index (a worker runs it as an experiment of its own). */
    public RunSpec as(String experiment, int index) {
        return new RunSpec(experiment, index, labels, tau, seed, data, prior, perturbation, schedule, estimator, sampler,
                metrics, time);
    }
}
