package org.thermodiff.plugins.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.thermodiff.distribution.Gaussian;
import org.thermodiff.plugins.schedules.CondOtSchedule;
import org.thermodiff.spi.metrics.MetricAccumulator;
import org.thermodiff.spi.metrics.MetricResult;
import org.thermodiff.spi.metrics.RunContext;
import org.thermodiff.spi.metrics.Series;
import org.thermodiff.spi.process.ForwardProcess;
import org.thermodiff.spi.process.TrainingLog;
import org.thermodiff.spi.process.VelocityField;
import org.thermodiff.spi.sampling.Cloud;
import org.thermodiff.spi.sampling.Snapshot;
import org.thermodiff.spi.sampling.TimeGrid;

class TrainingMetricTest {

    private static final ForwardProcess FORWARD = new CondOtSchedule().forward(Gaussian.of(0, 0.5), Gaussian.STANDARD, 1);
    private static final TimeGrid GRID = TimeGrid.gaussLegendre(1, 1, 4);

    /** A learned field as the learned estimators return it: the exact one, with a log. */
    private record Trained(VelocityField base, TrainingLog log) implements VelocityField {
        @Override
        public void velocity(double t, double[] x, double[] v, int from, int to) {
            base.velocity(t, x, v, from, to);
        }

        @Override
        public Optional<TrainingLog> training() {
            return Optional.of(log);
        }
    }

    private static MetricResult measure(VelocityField estimate) {
        RunContext context = new RunContext(Map.of("estimator", "flow-matching"), GRID, Gaussian.of(0, 0.5),
                Gaussian.STANDARD, Gaussian.STANDARD, Gaussian.of(1, 1), FORWARD, estimate, name -> null);
        MetricAccumulator acc = new TrainingMetric().open(context);
        for (int k = 0; k < GRID.size(); k++) {
            double[] x = {-1, 0, 1};
            double[] w = {0.25, 0.5, 0.25};
            acc.accept(new Snapshot(k, GRID.time(k), Cloud.of(x, w, new double[3]), Cloud.of(x, w, new double[3])));
        }
        return acc.finish();
    }

    @Test
    void aTrainedFieldReportsItsLogAndLossCurve() {
        TrainingLog log = new TrainingLog("flow-matching", "abc123", true, "/cache/abc123.pt", 4417, 12.5,
                new int[] {100, 200, 300}, new double[] {0.9, 0.5, 0.42});
        MetricResult r = measure(new Trained(FORWARD.velocity(), log));

        assertEquals(List.of("training_steps", "training_final_loss", "training_seconds", "training_parameters",
                "model_reused"), List.copyOf(r.values().keySet()));
        assertEquals(300.0, r.values().get("training_steps"));
        assertEquals(0.42, r.values().get("training_final_loss"));
        assertEquals(12.5, r.values().get("training_seconds"));
        assertEquals(4417.0, r.values().get("training_parameters"));
        assertEquals(Boolean.TRUE, r.values().get("model_reused"));
        assertEquals(0, r.series().rows());
        assertEquals(List.of(TrainingMetric.TABLE), List.copyOf(r.tables().keySet()));
        Series loss = r.tables().get(TrainingMetric.TABLE);
        assertEquals(List.of("step", "loss"), loss.names());
        assertArrayEquals(new double[] {100, 200, 300}, loss.column("step"));
        assertArrayEquals(new double[] {0.9, 0.5, 0.42}, loss.column("loss"));
    }

    @Test
    void aLogWithoutPointsHasNoFinalLossAndNoTable() {
        TrainingLog log = new TrainingLog("ot-cfm", "k", false, "m", 10, 0.5, new int[0], new double[0]);
        MetricResult r = measure(new Trained(FORWARD.velocity(), log));

        assertEquals(0.0, r.values().get("training_steps"));
        assertFalse(r.values().containsKey("training_final_loss"), "no NaN in results.json");
        assertEquals(Boolean.FALSE, r.values().get("model_reused"));
        assertTrue(r.tables().isEmpty());
    }

    @Test
    void anUntrainedFieldReportsNothing() {
        MetricResult r = measure(FORWARD.velocity());

        assertTrue(r.values().isEmpty());
        assertEquals(0, r.series().rows());
        assertTrue(r.tables().isEmpty());
        assertTrue(r.checks().isEmpty());
    }
}
