package org.thermodiff.plugins.metrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.thermodiff.spi.Metric;
import org.thermodiff.spi.metrics.MetricAccumulator;
import org.thermodiff.spi.metrics.MetricResult;
import org.thermodiff.spi.metrics.RunContext;
import org.thermodiff.spi.metrics.Series;
import org.thermodiff.spi.process.TrainingLog;

/**
 * How the estimated field {@code ν̂} was learned, from its {@link TrainingLog}: values
 * {@code training_steps} (the last logged optimiser step), {@code training_final_loss} (the last
 * logged loss), {@code training_seconds} (wall time of the training, of the original one when the
 * model was reused), {@code training_parameters} and {@code model_reused}; and the loss curve as the
 * table {@value #TABLE} with columns {@code step} and {@code loss}.
 *
 * <p>A field that was not trained (the {@code analytic} estimator) has no log, and the metric then
 * reports nothing, so it may be listed in any experiment. A log without points gives no final loss
 * and no table.
 */
final class TrainingMetric implements Metric {

    /** Name of the loss-curve table. */
    static final String TABLE = "training_loss";

    @Override
    public MetricAccumulator open(RunContext context) {
        Optional<TrainingLog> log = context.estimate().training();
        // The training happened before sampling; the clouds add nothing.
        return MetricAccumulator.withoutSnapshots(
                () -> log.map(TrainingMetric::result).orElseGet(() -> new MetricResult(Map.of(), Series.empty(), List.of())));
    }

    /** The values and loss table of a log. */
    static MetricResult result(TrainingLog log) {
        int[] steps = log.steps();
        double[] loss = log.loss();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("training_steps", steps.length == 0 ? 0.0 : (double) steps[steps.length - 1]);
        if (loss.length > 0) {
            values.put("training_final_loss", log.finalLoss());
        }
        values.put("training_seconds", log.seconds());
        values.put("training_parameters", (double) log.parameters());
        values.put("model_reused", log.reused());
        Map<String, Series> tables = new LinkedHashMap<>();
        if (steps.length > 0) {
            double[] step = new double[steps.length];
            for (int i = 0; i < steps.length; i++) {
                step[i] = steps[i];
            }
            tables.put(TABLE, Series.withKey("step", step).column("loss", loss).build());
        }
        return new MetricResult(values, Series.empty(), List.of(), tables);
    }
}
