package org.thermodiff.plugins.figures;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.internal.chartpart.Chart;
import org.thermodiff.spi.report.ExperimentReport;
import org.thermodiff.spi.report.MatrixReferences;
import org.thermodiff.spi.report.RunReport;

/**
 * Metrics against a numeric matrix axis (the strength {@code g} of a non-conservative force, the
 * dimension {@code d} of Eq. 92 …), one figure per experiment: a panel per metric and in it a line
 * per combination of the other axes' values, through one dot per run, with ± one standard error
 * ({@code <key>_stderr}, which particle samplers report over their independent batches) as error
 * bars where the run reports it. Which axis and metrics is {@link FigureOptions}; an axis is
 * logarithmic where its values are positive and span {@value #LOG_SPAN}× (two decades, so that at
 * least two powers of ten are labelled; {@link TrainingFigure} takes one decade for the many points
 * of a loss curve), or where the options say so.
 */
final class AxisFigure {

    /** Height of a row of panels. */
    static final int ROW_HEIGHT = 360;
    /** At most this many panels share a row (the four default metrics: two rows of two). */
    static final int COLUMNS = 3;
    /** Ratio of the largest to the smallest value above which an automatic axis is logarithmic. */
    static final double LOG_SPAN = 100;
    /** Suffix of a metric's standard error among a run's values ({@code eta_stderr}). */
    static final String STDERR = "_stderr";
    /** Prefix of the figure's file name, before the axis. */
    static final String PREFIX = "vs-";

    /**
     * What a known metric key stands for.
     *
     * @param symbol     short, for the figure title ({@code η})
     * @param definition with its equation, for panel titles and the caption
     */
    record Known(String symbol, String definition) {
    }

    /** The metrics {@code speed-accuracy} reports that have symbols in the paper. */
    static final Map<String, Known> KNOWN = Map.of(
            "eta", new Known("η", "η = (ΔW₁)²/(τD₀) (Eq. 82)"),
            "c1", new Known("c₁", "c₁ = ∫v_loss² dt (Eq. 82)"),
            "c2", new Known("c₂", "c₂ = ∫v₂² dt (Eq. 82)"),
            "dissipation", new Known("∫T·Ṡ dt", "∫T·Ṡ dt = ∫E|ν|² dt (Eq. 36)"),
            "D0", new Known("D₀", "D₀ = χ²(P̃†₀, P†₀) (Eq. 78)"),
            "c2_conditional", new Known("∫E|ṁy + σ̇ε|² dt", "∫E|ṁy + σ̇ε|² dt = ∫(ṁ²E|y|² + σ̇²d) dt (Eq. 92)"),
            "c2_conditional_gap", new Known("1 − ∫E|ν|²dt / c2_conditional", "1 − ∫E|ν|²dt / c2_conditional (Eq. 92)"));

    private AxisFigure() {
    }

    /** The symbol of a metric key, or the key. */
    static String symbol(String key) {
        return KNOWN.containsKey(key) ? KNOWN.get(key).symbol() : key;
    }

    /** The definition of a metric key, or the key. */
    static String definition(String key) {
        return KNOWN.containsKey(key) ? KNOWN.get(key).definition() : key;
    }

    /**
     * One point of a line: a run's axis value, its metric value and standard error (0 when it
     * reports none).
     */
    record Point(double x, double y, double error) {
    }

    /**
     * The figure of {@code report} as {@code options} ask, or empty when there is no axis to plot
     * against (none named and none numeric, or {@value FigureOptions#NONE}), no completed run, or
     * none of the default metrics; runs left out of a panel go to {@code notes}.
     *
     * @throws IllegalArgumentException naming the option, if the axis does not exist or is not
     *                                  numeric, or a metric asked for is reported by no completed run
     */
    static Optional<Figure> of(ExperimentReport report, FigureOptions options, Consumer<String> notes) {
        Map<String, List<String>> axes = FigureOptions.axisLabels(report.axes(),
                report.runs().stream().map(RunReport::labels).toList());
        List<MatrixReferences.Problem> problems = options.check(axes);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(problems.stream().map(p -> p.key() + ": " + p.message())
                    .collect(Collectors.joining("; ")));
        }
        Optional<String> resolved = options.resolve(axes);
        List<RunReport> runs = report.runs().stream().filter(RunReport::succeeded).toList();
        if (resolved.isEmpty() || runs.isEmpty()) {
            return Optional.empty();            // failed runs are noted by the Layout
        }
        String axis = resolved.get();
        List<String> metrics = metrics(options, runs);
        if (metrics.isEmpty()) {
            notes.accept("no run reports any of " + String.join(", ", FigureOptions.DEFAULT_METRICS) + ": no figure against "
                    + axis + " (name the metrics to plot with the reporter option 'metrics')");
            return Optional.empty();
        }
        List<String> others = report.axes().stream().filter(a -> !a.equals(axis)).toList();
        Map<List<String>, List<RunReport>> lines = new LinkedHashMap<>();
        for (RunReport run : runs) {
            lines.computeIfAbsent(others.stream().map(a -> run.labels().getOrDefault(a, "")).toList(), k -> new ArrayList<>())
                    .add(run);
        }
        double[] xs = runs.stream().mapToDouble(r -> x(r, axis)).toArray();
        boolean logX = logarithmic(options.xScale(), xs, xs);
        List<Panel> panels = new ArrayList<>();
        for (String metric : metrics) {
            panel(metric, axis, List.copyOf(lines.values()), options, notes).ifPresent(panels::add);
        }
        if (panels.isEmpty()) {
            return Optional.empty();
        }
        if (logX) {
            panels.forEach(p -> Style.logAxis(p.chart(), true, Arrays.stream(xs).min().orElseThrow(),
                    Arrays.stream(xs).max().orElseThrow()));
        }
        List<Figure.LegendEntry> legend = new ArrayList<>();
        if (!others.isEmpty()) {
            int index = 0;
            for (List<String> key : lines.keySet()) {
                legend.add(Figure.LegendEntry.line(String.join(", ", key), Style.colour(index++), Style.SOLID));
            }
        }
        List<String> drawn = panels.stream().map(Panel::metric).toList();
        // One panel: its title is the figure's.
        String title = (drawn.size() == 1 ? definition(drawn.get(0))
                : drawn.stream().map(AxisFigure::symbol).collect(Collectors.joining(", "))) + " against " + axis;
        if (panels.size() == 1) {
            panels.get(0).chart().getStyler().setChartTitleVisible(false);
        }
        return Optional.of(new Figure(PREFIX + axis.replaceAll("[^A-Za-z0-9._-]+", "_"), title,
                caption(axis, axes.get(axis).size(), panels, others, options, logX), legend,
                Figure.Row.balanced(panels.stream().<Chart<?, ?>>map(Panel::chart).toList(), COLUMNS, ROW_HEIGHT)));
    }

    /**
     * One metric's panel.
     *
     * @param metric its key
     * @param chart  the lines of its values against the axis
     * @param logY   whether its y axis is logarithmic
     * @param errors whether some point has an error bar
     */
    private record Panel(String metric, XYChart chart, boolean logY, boolean errors) {
    }

    /**
     * The panel of {@code metric}: a line per group of runs in {@code lines} (in the colour of its
     * position), or empty when no run has a value to draw; runs left out go to {@code notes}.
     */
    private static Optional<Panel> panel(String metric, String axis, List<List<RunReport>> lines, FigureOptions options,
                                         Consumer<String> notes) {
        List<List<Point>> points = new ArrayList<>();
        for (List<RunReport> line : lines) {
            points.add(points(line, axis, metric, notes));
        }
        double[] ys = points.stream().flatMap(List::stream).mapToDouble(Point::y).toArray();
        double[] lows = points.stream().flatMap(List::stream).mapToDouble(p -> p.y() - p.error()).toArray();
        boolean logY = logarithmic(options.yScale(), ys, lows);
        if (logY) {
            points = positive(points, metric, options.yScale() == FigureOptions.Scale.LOG, notes);
        }
        XYChart chart = Style.xy(definition(metric), axis, metric);
        boolean errors = false;
        for (int i = 0; i < points.size(); i++) {
            List<Point> line = points.get(i);
            if (!line.isEmpty()) {
                boolean bars = line.stream().anyMatch(p -> p.error() > 0);
                errors |= bars;
                Style.dots(chart, "line " + i, line.stream().mapToDouble(Point::x).toArray(),
                        line.stream().mapToDouble(Point::y).toArray(),
                        bars ? line.stream().mapToDouble(Point::error).toArray() : null, Style.colour(i));
            }
        }
        if (chart.getSeriesMap().isEmpty()) {
            return Optional.empty();
        }
        if (logY) {
            List<Point> all = points.stream().flatMap(List::stream).toList();
            Style.logAxis(chart, false, all.stream().mapToDouble(p -> p.y() - p.error()).min().orElseThrow(),
                    all.stream().mapToDouble(p -> p.y() + p.error()).max().orElseThrow());
        }
        return Optional.of(new Panel(metric, chart, logY, errors));
    }

    /**
     * The metrics to plot: those asked for, each reported by some completed run; by default those of
     * {@link FigureOptions#DEFAULT_METRICS} that are.
     *
     * @throws IllegalArgumentException if a metric asked for is reported by no completed run
     */
    static List<String> metrics(FigureOptions options, List<RunReport> runs) {
        List<String> reported = runs.stream().flatMap(r -> r.values().entrySet().stream())
                .filter(e -> e.getValue() instanceof Number n && Double.isFinite(n.doubleValue())).map(Map.Entry::getKey)
                .distinct().toList();
        List<String> asked = options.metricKeys();
        if (asked.isEmpty()) {
            return FigureOptions.DEFAULT_METRICS.stream().filter(reported::contains).toList();
        }
        List<String> unknown = asked.stream().filter(m -> !reported.contains(m)).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("metrics: no completed run reports " + unknown.stream().map(m -> "'" + m + "'")
                    .collect(Collectors.joining(", ")) + " as a finite number. Allowed (reported): "
                    + reported.stream().sorted().collect(Collectors.joining(", ")));
        }
        return asked;
    }

    /** A run's value of the axis (a number: {@link FigureOptions#check} made sure). */
    private static double x(RunReport run, String axis) {
        return FigureOptions.number(run.labels().get(axis)).orElseThrow();
    }

    /** The points of one line, by increasing axis value; runs without a finite value of the metric go to {@code notes}. */
    private static List<Point> points(List<RunReport> line, String axis, String metric, Consumer<String> notes) {
        List<Point> out = new ArrayList<>();
        for (RunReport run : line) {
            Optional<Double> y = finite(run, metric);
            if (y.isEmpty()) {
                notes.accept("run " + Layout.describe(run) + " reports no finite '" + metric + "': left out of its panel "
                        + "against " + axis);
                continue;
            }
            double error = finite(run, metric + STDERR).filter(e -> e >= 0).orElse(0.0);
            out.add(new Point(x(run, axis), y.get(), error));
        }
        out.sort(Comparator.comparingDouble(Point::x));
        return out;
    }

    private static Optional<Double> finite(RunReport run, String key) {
        return run.values().get(key) instanceof Number n && Double.isFinite(n.doubleValue()) ? Optional.of(n.doubleValue())
                : Optional.empty();
    }

    /**
     * Whether an axis over {@code values} is logarithmic: as asked, or, when automatic, where every
     * value and every lower end {@code lows} (of an error bar) is positive and the values span
     * {@value #LOG_SPAN}×.
     */
    static boolean logarithmic(FigureOptions.Scale scale, double[] values, double[] lows) {
        return switch (scale) {
            case LINEAR -> false;
            case LOG -> true;
            case AUTO -> values.length > 0 && Arrays.stream(lows).allMatch(v -> v > 0) && Arrays.stream(values).allMatch(v -> v > 0)
                    && Arrays.stream(values).max().orElseThrow() >= LOG_SPAN * Arrays.stream(values).min().orElseThrow();
        };
    }

    /**
     * The points a logarithmic y axis can show: where asked for ({@code forced}), points that are not
     * positive are left out and error bars reaching zero are dropped, each with a note; an automatic
     * logarithmic axis has neither.
     */
    private static List<List<Point>> positive(List<List<Point>> lines, String metric, boolean forced, Consumer<String> notes) {
        if (!forced) {
            return lines;
        }
        List<List<Point>> out = new ArrayList<>();
        int dropped = 0;
        int bars = 0;
        for (List<Point> line : lines) {
            List<Point> kept = new ArrayList<>();
            for (Point p : line) {
                if (!(p.y() > 0)) {
                    dropped++;
                } else if (p.y() - p.error() <= 0) {
                    bars++;
                    kept.add(new Point(p.x(), p.y(), 0));
                } else {
                    kept.add(p);
                }
            }
            out.add(kept);
        }
        if (dropped > 0) {
            notes.accept(dropped + " value(s) of '" + metric + "' are not positive and are left out of its logarithmic axis");
        }
        if (bars > 0) {
            notes.accept(bars + " error bar(s) of '" + metric + "' reach zero and are not drawn on its logarithmic axis");
        }
        return out;
    }

    /** What is plotted against what, how the lines are told apart, and which axes are logarithmic and why. */
    private static String caption(String axis, int values, List<Panel> panels, List<String> others, FigureOptions options,
                                  boolean logX) {
        List<String> metrics = panels.stream().map(Panel::metric).toList();
        List<String> withErrors = panels.stream().filter(Panel::errors).map(Panel::metric).toList();
        List<String> logPanels = panels.stream().filter(Panel::logY).map(Panel::metric).toList();
        StringBuilder c = new StringBuilder();
        c.append(metrics.stream().map(m -> KNOWN.containsKey(m) ? definition(m) + " [" + m + "]" : m)
                        .collect(Collectors.joining(", ")))
                .append(" against the matrix axis ").append(axis).append(" (").append(values).append(" values), ")
                .append(metrics.size() == 1 ? "" : "one panel per metric, ")
                .append(others.isEmpty() ? "one dot per run" : "one line per " + String.join(" × ", others)
                        + " (legend) through one dot per run").append(". ");
        List<String> without = metrics.stream().filter(m -> !withErrors.contains(m)).toList();
        if (!withErrors.isEmpty()) {
            c.append("Error bars: ± one standard error (").append(withErrors.stream().map(m -> m + STDERR)
                    .collect(Collectors.joining(", "))).append(", over the sampler's independent batches)")
                    .append(without.isEmpty() ? "" : "; none for " + String.join(", ", without)).append(". ");
        } else {
            c.append("No error bars: no run reports ").append(without.stream().map(m -> m + STDERR)
                    .collect(Collectors.joining(", "))).append(". ");
        }
        List<String> logs = new ArrayList<>();
        if (logX) {
            logs.add("x" + reason(options.xScale()));
        }
        if (!logPanels.isEmpty()) {
            logs.add("y" + (logPanels.size() == metrics.size() ? "" : " of " + String.join(", ", logPanels))
                    + reason(options.yScale()));
        }
        c.append(logs.isEmpty() ? "Linear axes." : "Logarithmic axes: " + String.join("; ", logs) + ".");
        return c.toString();
    }

    /** Why an axis is logarithmic. */
    private static String reason(FigureOptions.Scale scale) {
        return scale == FigureOptions.Scale.LOG ? " (as the options ask)" : " (positive values spanning two decades or more)";
    }
}
