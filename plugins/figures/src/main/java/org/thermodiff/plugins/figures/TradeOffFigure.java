package org.thermodiff.plugins.figures;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.internal.chartpart.Chart;
import org.thermodiff.spi.metrics.Series;
import org.thermodiff.spi.report.RunReport;

/**
 * The paper's Fig. 4(b)–(e) for one group (one perturbed start): top left, the perturbed start
 * {@code P̃†_0} against the prior {@code P†_0 = P_τ} (grey); top right, {@code η ≤ c₁ ≤ c₂}
 * (Eq. 82) per schedule as bars; bottom row, one panel per schedule with {@code v₂(t)²} (Eq. 66),
 * {@code T_t Ṡ_t} (Eq. 36) and {@code v_loss(t)²} against {@code t}, which shows
 * {@code v_loss² ≤ v₂² ≤ T Ṡ} (Eqs. 80 and 67) pointwise.
 */
final class TradeOffFigure {

    static final int TOP_HEIGHT = 360;
    static final int BOTTOM_HEIGHT = 320;
    /** At most this many speed panels share a row. */
    static final int BOTTOM_COLUMNS = 4;
    /** The bars: metric keys of DESIGN.md §4 and their symbols. */
    static final List<String> BAR_KEYS = List.of("eta", "c1", "c2");
    static final List<String> BAR_SYMBOLS = BAR_KEYS.stream().map(AxisFigure::symbol).toList();
    /** Series columns of the bottom panels (DESIGN.md §4). */
    static final List<String> SPEED_COLUMNS = List.of("t", "v2sq", "TSdot", "vloss2");

    private TradeOffFigure() {
    }

    /** The figure of a group, or empty if it has nothing to show; runs without speed series go to {@code notes}. */
    static Optional<Figure> of(Layout.Group group, Consumer<String> notes) {
        List<Chart<?, ?>> top = new ArrayList<>();
        Optional<DensityProfile> end = group.cells().stream().map(c -> DensityProfile.atEnd(c.run()))
                .flatMap(Optional::stream).findFirst();
        boolean hasStart = end.isPresent();
        end.ifPresent(e -> top.add(start(e)));
        bars(group).ifPresent(top::add);
        List<Figure.Row> rows = new ArrayList<>();
        if (!top.isEmpty()) {
            rows.add(new Figure.Row(TOP_HEIGHT, top));
        }
        List<Chart<?, ?>> speeds = new ArrayList<>();
        for (Layout.Cell cell : group.cells()) {
            if (hasSpeeds(cell.run().series())) {
                speeds.add(speeds(cell));
            } else {
                notes.accept("run " + Layout.describe(cell.run()) + " has no series " + SPEED_COLUMNS
                        + " (metric 'speed-accuracy'): left out of the speed panels");
            }
        }
        rows.addAll(Figure.Row.balanced(speeds, BOTTOM_COLUMNS, BOTTOM_HEIGHT));
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        String title = "Speed-accuracy trade-off" + (group.title().isEmpty() ? "" : ", " + group.title()) + " (Fig. 4(b)-(e))";
        String caption = "Top left: the perturbed start P̃†_0 of the estimated process against the prior P†_0 = P_τ (grey), "
                + "the density tables at t = τ. Top right: η = (ΔW₁)²/(τD₀) ≤ c₁ = ∫v_loss² dt ≤ c₂ = ∫v₂² dt (Eq. 82), "
                + "one colour per schedule. Bottom: v₂(t)² (Eq. 66, shaded), T·Ṡ (Eq. 36, dotted) and "
                + "v_loss(t)² = (∂ₜW₁)²/D₀ (line) against t, one panel per schedule: v_loss² ≤ T·Ṡ pointwise is Eq. 80, "
                + "v₂² ≤ T·Ṡ is Eq. 67 (equal for a gradient velocity field, as in 1-D).";
        List<Figure.LegendEntry> legend = new ArrayList<>();
        if (hasStart) {
            legend.add(Figure.LegendEntry.swatch("prior P†₀ = P_τ", Style.REFERENCE_FILL));
            legend.add(Figure.LegendEntry.line("perturbed start P̃†₀", Style.START, Style.SOLID));
        }
        if (!speeds.isEmpty()) {
            legend.add(Figure.LegendEntry.swatch("v₂(t)²", Style.NEUTRAL_FILL));
            legend.add(Figure.LegendEntry.line("T·Ṡ", Style.NEUTRAL, Style.DOTTED));
            legend.add(Figure.LegendEntry.line("v_loss(t)²", Style.NEUTRAL, Style.SOLID));
        }
        legend.addAll(Style.swatches(group));
        return Optional.of(new Figure(group.figureName("tradeoff"), title, caption, legend, rows));
    }

    /** Top left: {@code P̃†_0} against {@code P†_0}, the {@code t = τ} density table. */
    private static XYChart start(DensityProfile end) {
        XYChart chart = Style.xy("start of the estimated process, t = τ", "x", "P(x)");
        chart.getStyler().setYAxisMin(0.0);
        Style.area(chart, "P†₀ = P_τ (prior)", end.x(), end.forward(), Style.REFERENCE_FILL, Style.REFERENCE_FILL);
        Style.line(chart, "P̃†₀ perturbed", end.x(), end.estimated(), Style.START, Style.SOLID);
        return chart;
    }

    /** Top right: one bar per schedule for each of η, c₁, c₂. */
    private static Optional<CategoryChart> bars(Layout.Group group) {
        CategoryChart chart = Style.bars("η ≤ c₁ ≤ c₂ (Eq. 82)", "", "η, c₁, c₂  [x²/t]");   // (ΔW₁)²/(τD₀), ∫v² dt
        int added = 0;
        for (Layout.Cell cell : group.cells()) {
            List<Double> values = barValues(cell.run());
            if (values.isEmpty()) {
                continue;
            }
            CategorySeries s = chart.addSeries(cell.row(), BAR_SYMBOLS, values);
            s.setFillColor(Style.colour(cell.colour()));
            added++;
        }
        return added == 0 ? Optional.empty() : Optional.of(chart);
    }

    /** η, c₁, c₂ of a run, or empty if any is missing or not finite. */
    static List<Double> barValues(RunReport run) {
        List<Double> values = new ArrayList<>();
        for (String key : BAR_KEYS) {
            if (!(run.values().get(key) instanceof Number n) || !Double.isFinite(n.doubleValue())) {
                return List.of();
            }
            values.add(n.doubleValue());
        }
        return values;
    }

    /** Whether a run has the series of the bottom panels. */
    static boolean hasSpeeds(Series series) {
        return series.rows() > 1 && series.names().containsAll(SPEED_COLUMNS);
    }

    /** Bottom: v₂², T·Ṡ and v_loss² of one schedule against t. */
    private static XYChart speeds(Layout.Cell cell) {
        Series s = cell.run().series();
        XYChart chart = Style.xy(cell.row(), "t", "v₂², T·Ṡ, v_loss²  [x²/t²]");
        chart.getStyler().setYAxisMin(0.0);
        java.awt.Color colour = Style.colour(cell.colour());
        double[] t = s.column("t");
        Style.area(chart, "v₂(t)²", t, s.column("v2sq"), Style.tint(colour), colour);
        Style.line(chart, "T·Ṡ", t, s.column("TSdot"), Style.NEUTRAL, Style.DOTTED);
        Style.line(chart, "v_loss(t)²", t, s.column("vloss2"), colour, Style.SOLID);
        return chart;
    }
}
