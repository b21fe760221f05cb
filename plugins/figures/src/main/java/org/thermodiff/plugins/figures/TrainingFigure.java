package org.thermodiff.plugins.figures;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.internal.chartpart.Chart;
import org.thermodiff.spi.metrics.Series;
import org.thermodiff.spi.report.RunReport;

/**
 * The training loss of learned velocity fields {@code ν̂} (score matching, Eq. 18; flow matching,
 * Eq. 15; OT-CFM), one figure per experiment: a panel per group of the {@link Layout} (the runs that
 * share the values of the axes other than the schedule) and in it a line per run, in its schedule's
 * colour, of the loss against the optimiser step on a logarithmic loss axis. The curves are the
 * {@value #TABLE} tables of the metric {@code training}; runs whose field was not trained have none
 * and are left out silently, and the figure is drawn only when some run has one.
 */
final class TrainingFigure {

    /** Name of the loss-curve table written by the {@code training} metric (columns {@code step}, {@code loss}). */
    static final String TABLE = "training_loss";
    /** Height of a row of panels. */
    static final int ROW_HEIGHT = 320;
    /** At most this many panels share a row. */
    static final int COLUMNS = 3;

    private TrainingFigure() {
    }

    /**
     * A run's loss curve, reduced to the points a logarithmic axis can show.
     *
     * @param step    optimiser steps, ascending
     * @param loss    loss at each step, positive and finite
     * @param dropped how many logged points were left out for being non-positive or not finite
     */
    record LossCurve(double[] step, double[] loss, int dropped) {

        /** The curve of a run: empty if it has no table, a malformed one, or no positive loss. */
        static Optional<LossCurve> of(RunReport run) {
            Series table = run.tables().get(TABLE);
            if (table == null || !table.names().containsAll(List.of("step", "loss"))) {
                return Optional.empty();
            }
            double[] step = table.column("step");
            double[] loss = table.column("loss");
            int kept = 0;
            for (int i = 0; i < step.length; i++) {
                if (Double.isFinite(step[i]) && loss[i] > 0 && Double.isFinite(loss[i])) {
                    step[kept] = step[i];
                    loss[kept++] = loss[i];
                }
            }
            if (kept == 0) {
                return Optional.empty();
            }
            return Optional.of(new LossCurve(Arrays.copyOf(step, kept), Arrays.copyOf(loss, kept),
                    step.length - kept));
        }
    }

    /**
     * The figure of the experiment laid out as {@code layout}, or empty when no run has a loss
     * curve; points a logarithmic axis cannot show go to {@code notes}, one note per run.
     */
    static Optional<Figure> of(Layout layout, Consumer<String> notes) {
        List<Chart<?, ?>> panels = new ArrayList<>();
        Map<String, Integer> rows = new LinkedHashMap<>();
        Set<String> estimators = new LinkedHashSet<>();
        for (Layout.Group group : layout.groups()) {
            XYChart chart = Style.xy(group.title().isEmpty() ? "training" : group.title(), "optimiser step", "training loss");
            Map<Layout.Cell, LossCurve> curves = new LinkedHashMap<>();
            double lo = Double.POSITIVE_INFINITY;
            double hi = 0;
            for (Layout.Cell cell : group.cells()) {
                Optional<LossCurve> curve = LossCurve.of(cell.run());
                if (curve.isPresent()) {
                    curves.put(cell, curve.get());
                    lo = Math.min(lo, Arrays.stream(curve.get().loss()).min().orElseThrow());
                    hi = Math.max(hi, Arrays.stream(curve.get().loss()).max().orElseThrow());
                }
            }
            // A logarithmic axis only where the losses span a decade: within one, XChart's log axis
            // labels one tick or none, and a linear axis reads better.
            boolean logarithmic = hi >= 10 * lo;
            if (logarithmic) {
                Style.logAxis(chart, false, lo, hi);
            }
            boolean any = false;
            for (Map.Entry<Layout.Cell, LossCurve> entry : curves.entrySet()) {
                Layout.Cell cell = entry.getKey();
                LossCurve c = entry.getValue();
                if (c.dropped() > 0) {
                    notes.accept("run " + Layout.describe(cell.run()) + ": " + c.dropped() + " of its logged training losses "
                            + "are not positive and finite, and are left out of the logarithmic loss axis");
                }
                if (logarithmic) {
                    Style.logLine(chart, Layout.describe(cell.run()), c.step(), c.loss(), Style.colour(cell.colour()), Style.SOLID);
                } else {
                    Style.line(chart, Layout.describe(cell.run()), c.step(), c.loss(), Style.colour(cell.colour()), Style.SOLID);
                }
                rows.putIfAbsent(cell.row(), cell.colour());
                estimator(cell.run()).ifPresent(estimators::add);
                any = true;
            }
            if (any) {
                panels.add(chart);
            }
        }
        if (panels.isEmpty()) {
            return Optional.empty();
        }
        List<Figure.Row> figureRows = Figure.Row.balanced(panels, COLUMNS, ROW_HEIGHT);
        List<Figure.LegendEntry> legend = new ArrayList<>();
        rows.forEach((row, colour) -> legend.add(Figure.LegendEntry.swatch(row, Style.colour(colour))));
        return Optional.of(new Figure("training", "Training loss of the learned velocity field", caption(layout, estimators),
                legend, figureRows));
    }

    /** What was trained and how the panels and lines are labelled. */
    private static String caption(Layout layout, Set<String> estimators) {
        String what = estimators.isEmpty() ? "the learned velocity field ν̂"
                : "the velocity field ν̂ learned by " + String.join(", ", estimators);
        String panels = layout.groupAxes().isEmpty() ? "" : "one panel per " + String.join(" × ", layout.groupAxes())
                + " (panel titles), ";
        String lines = layout.rowAxis().isPresent() ? "one line per " + layout.rowAxis().get() + " (legend)"
                : "one line per run, coloured by its schedule (legend)";
        String layoutSentence = panels + lines;
        return "Training loss of " + what + " against the optimiser step (mean over the steps since the previous "
                + "logged point; a logarithmic axis where the losses span a decade), from the table " + TABLE + " of the metric 'training': "
                + layoutSentence + ". A run that reused a cached model (model_reused) shows the curve of its original "
                + "training.";
    }

    /** The estimator a run configured ({@code name} if it has one, else {@code type}), when its configuration says. */
    private static Optional<String> estimator(RunReport run) {
        if (run.configuration().get("estimator") instanceof Map<?, ?> estimator) {
            Object name = estimator.containsKey("name") ? estimator.get("name") : estimator.get("type");
            return Optional.ofNullable(name).map(Object::toString);
        }
        return Optional.empty();
    }
}
