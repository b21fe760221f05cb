package org.thermodiff.plugins.figures;

import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * The paper's Fig. 4(a) and Fig. 5: for each schedule of a group, a row of panels at the times of
 * the run's density tables ({@code t = 0, τ/3, 2τ/3, τ} in {@code fig4}) showing the forward process
 * {@code P_t} (Eq. 1, shaded) and the estimated process {@code P̃_t = P̃†_{τ−t}} (Eq. 4, line), the
 * latter started from the perturbed {@code P̃†_0} at {@code t = τ} and ending at the generated data
 * {@code p = P̃_0} at {@code t = 0}.
 *
 * <p>A small-multiples grid: the panels of a column (one time) share their x range, those of a row
 * (one schedule) their y range, so that times and schedules compare at a glance; the times head
 * the columns, the schedules label the rows, and only the outer panels carry tick labels.
 */
final class DensityEvolutionFigure {

    /** Height of a schedule's row without the column headers or the x axis. */
    static final int ROW_HEIGHT = 225;
    /** Extra height of the first row, for the column headers. */
    static final int HEADER_BAND = 26;
    /** Extra height of the last row, for the x tick labels and title. */
    static final int X_AXIS_BAND = 40;
    /** Extra width of the first column, for the y tick labels and title. */
    static final int Y_AXIS_BAND = 62;

    private DensityEvolutionFigure() {
    }

    /** A row of the grid: a run and its density tables. */
    private record GridRow(Layout.Cell cell, List<DensityProfile> profiles) {
    }

    /**
     * The figure of a group, or empty if none of its runs has density tables; each run without
     * them is named in a note.
     */
    static Optional<Figure> of(Layout.Group group, Consumer<String> notes) {
        List<GridRow> grid = new ArrayList<>();
        for (Layout.Cell cell : group.cells()) {
            List<DensityProfile> profiles = DensityProfile.of(cell.run());
            if (profiles.isEmpty()) {
                notes.accept("run " + Layout.describe(cell.run()) + " has no density tables (metric 'densities'): "
                        + "left out of the density figure");
            } else {
                grid.add(new GridRow(cell, profiles));
            }
        }
        if (grid.isEmpty()) {
            return Optional.empty();
        }
        int columns = grid.get(0).profiles().size();
        // Shared axes need the same times in every row; otherwise each panel keeps its own.
        List<Double> times = grid.get(0).profiles().stream().map(DensityProfile::fraction).toList();
        boolean shared = grid.stream().allMatch(r -> r.profiles().stream().map(DensityProfile::fraction).toList().equals(times));
        double[][] xRange = shared ? columnRanges(grid, columns) : null;

        List<Figure.Row> rows = new ArrayList<>();
        boolean histogram = false;
        for (int r = 0; r < grid.size(); r++) {
            GridRow row = grid.get(r);
            boolean top = r == 0 || !shared;
            boolean bottom = r == grid.size() - 1 || !shared;
            double yMax = 0;
            for (DensityProfile p : row.profiles()) {
                yMax = Math.max(yMax, Math.max(max(p.forward()), max(p.estimated())));
            }
            List<Chart<?, ?>> panels = new ArrayList<>();
            for (int c = 0; c < row.profiles().size(); c++) {
                DensityProfile p = row.profiles().get(c);
                XYChart chart = panel(row.cell(), p, top, bottom, c == 0 || !shared);
                if (shared) {
                    chart.getStyler().setXAxisMin(xRange[c][0]);
                    chart.getStyler().setXAxisMax(xRange[c][1]);
                    chart.getStyler().setYAxisMax(yMax * 1.05);
                }
                panels.add(chart);
                histogram |= p.histogram();
            }
            int height = ROW_HEIGHT + (top ? HEADER_BAND : 0) + (bottom ? X_AXIS_BAND : 0);
            rows.add(new Figure.Row(height, panels, shared && panels.size() > 1 ? Y_AXIS_BAND : 0));
        }

        String title = "Density evolution" + (group.title().isEmpty() ? "" : ", " + group.title())
                + " (Fig. 4(a), Fig. 5)";
        String caption = "Forward process P_t (shaded) and estimated process P̃_t (line) at the times of the density "
                + "tables, one row per " + rowNoun(group) + "; panels share x ranges down a column and y ranges along "
                + "a row. P̃_t starts at t = τ from the perturbed P̃†_0 and runs backwards to the generated data "
                + "p = P̃_0 at t = 0." + (histogram
                ? " Where marked 'histogram', P̃_t is a histogram of the estimated cloud (no tracked densities)." : "");
        List<Figure.LegendEntry> legend = new ArrayList<>(List.of(
                Figure.LegendEntry.swatch("forward Pₜ(x)", Style.NEUTRAL_FILL),
                Figure.LegendEntry.line("estimated P̃ₜ(x)" + (histogram ? " (histogram)" : ""), Style.NEUTRAL, Style.SOLID)));
        legend.addAll(Style.swatches(group));
        return Optional.of(new Figure(group.figureName("density"), title, caption, legend, rows));
    }

    /**
     * One panel: the column's time as its title in the top row, tick labels only on the outer
     * panels, the row's schedule (in its colour) with {@code P(x)} as the y title of the first.
     */
    private static XYChart panel(Layout.Cell cell, DensityProfile p, boolean top, boolean bottom, boolean first) {
        XYChart chart = Style.xy("t = " + DensityProfile.timeLabel(p.fraction()), "x", cell.row() + ": P(x)");
        Color colour = Style.colour(cell.colour());
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setChartTitleVisible(top);
        chart.getStyler().setXAxisTicksVisible(bottom);
        chart.getStyler().setXAxisTitleVisible(bottom);
        chart.getStyler().setYAxisTicksVisible(first);
        chart.getStyler().setYAxisTitleVisible(first);
        chart.getStyler().setYAxisTitleColor(Style.shade(colour));
        chart.getStyler().setAxisTitleFont(Style.AXIS_TITLE_FONT.deriveFont(Font.BOLD));
        Style.area(chart, "Pₜ forward", p.x(), p.forward(), Style.tint(colour), colour);
        Style.line(chart, "P̃ₜ estimated", p.x(), p.estimated(), colour, Style.SOLID);
        return chart;
    }

    /** The x range of each column: the union of its panels' grids. */
    private static double[][] columnRanges(List<GridRow> grid, int columns) {
        double[][] range = new double[columns][];
        for (int c = 0; c < columns; c++) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (GridRow row : grid) {
                double[] x = row.profiles().get(c).x();
                lo = Math.min(lo, x[0]);
                hi = Math.max(hi, x[x.length - 1]);
            }
            range[c] = new double[] {lo, hi};
        }
        return range;
    }

    private static double max(double[] v) {
        double m = 0;
        for (double d : v) {
            if (Double.isFinite(d)) {
                m = Math.max(m, d);
            }
        }
        return m;
    }

    /** What a row stands for: a schedule, or a run when there is no schedule axis. */
    static String rowNoun(Layout.Group group) {
        return group.cells().size() > 1 ? "schedule" : "run";
    }
}
