package org.thermodiff.plugins.figures;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.thermodiff.spi.metrics.Series;
import org.thermodiff.spi.report.RunReport;

/**
 * The paper's Fig. 3 for 2-D data: for each schedule of a group, a row of scatter panels at the
 * times of the run's sample tables (metric {@code samples}) showing particles of the reverse
 * process (standing for {@code P_t}, grey) and of the estimated process {@code P̃_t} (the
 * schedule's colour), from the perturbed start at {@code t = τ} to the generated data at
 * {@code t = 0}. Panels of a column share their axes.
 */
final class ScatterFigure {

    /** Height of a row of panels. */
    static final int ROW_HEIGHT = 280;
    /** Prefix of the table names written by the {@code samples} metric. */
    static final String PREFIX = "samples_t";
    private static final Color REVERSE = new Color(0x9A9A9A);

    private ScatterFigure() {
    }

    /** One sample table: {@code t/τ} and the two clouds' first two coordinates. */
    record Samples(double fraction, double[] rx, double[] ry, double[] ex, double[] ey) {

        /** The 2-D sample tables of a run, by increasing time; 1-D tables and other names are ignored. */
        static List<Samples> of(RunReport run) {
            List<Samples> out = new ArrayList<>();
            for (Map.Entry<String, Series> e : run.tables().entrySet()) {
                if (!e.getKey().startsWith(PREFIX)) {
                    continue;
                }
                Series t = e.getValue();
                List<String> c = t.names();
                if (!c.containsAll(List.of("reverse_x1", "reverse_x2", "estimated_x1", "estimated_x2"))) {
                    continue;
                }
                double fraction;
                try {
                    fraction = Double.parseDouble(e.getKey().substring(PREFIX.length()));
                } catch (NumberFormatException ex) {
                    continue;
                }
                out.add(new Samples(fraction, t.column("reverse_x1"), t.column("reverse_x2"), t.column("estimated_x1"),
                        t.column("estimated_x2")));
            }
            out.sort(Comparator.comparingDouble(Samples::fraction));
            return List.copyOf(out);
        }
    }

    /** The figure of a group, or empty when none of its runs has 2-D sample tables. */
    static Optional<Figure> of(Layout.Group group) {
        List<Figure.Row> rows = new ArrayList<>();
        List<Layout.Cell> cells = group.cells().stream().filter(c -> !Samples.of(c.run()).isEmpty()).toList();
        for (int r = 0; r < cells.size(); r++) {
            Layout.Cell cell = cells.get(r);
            List<Samples> samples = Samples.of(cell.run());
            List<Chart<?, ?>> panels = new ArrayList<>();
            for (int c = 0; c < samples.size(); c++) {
                panels.add(panel(cell, samples.get(c), r == 0, r == cells.size() - 1, c == 0));
            }
            rows.add(new Figure.Row(ROW_HEIGHT, panels, 0));
        }
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        String title = "Samples" + (group.title().isEmpty() ? "" : ", " + group.title()) + " (Fig. 3)";
        String caption = "Particles of the reverse process (grey, distributed as the forward P_t) and of the estimated "
                + "process P̃_t (colour) at the times of the sample tables, first two coordinates, one row per "
                + DensityEvolutionFigure.rowNoun(group) + ". P̃_t starts at t = τ from the perturbed P̃†_0 and ends at "
                + "the generated data p = P̃_0 at t = 0.";
        List<Figure.LegendEntry> legend = new ArrayList<>(List.of(Figure.LegendEntry.swatch("reverse ~ Pₜ", REVERSE)));
        legend.addAll(Style.swatches(group));
        return Optional.of(new Figure(group.figureName("samples"), title, caption, legend, rows));
    }

    private static XYChart panel(Layout.Cell cell, Samples s, boolean top, boolean bottom, boolean first) {
        XYChart chart = Style.xy("t = " + DensityProfile.timeLabel(s.fraction()), "x₁", cell.row() + ": x₂");
        chart.getStyler().setChartTitleVisible(top);
        chart.getStyler().setXAxisTitleVisible(bottom);
        chart.getStyler().setYAxisTitleVisible(first);
        chart.getStyler().setMarkerSize(3);
        scatter(chart, "reverse", s.rx(), s.ry(), REVERSE);
        scatter(chart, "estimated", s.ex(), s.ey(), Style.colour(cell.colour()));
        return chart;
    }

    private static void scatter(XYChart chart, String name, double[] x, double[] y, Color colour) {
        XYSeries series = chart.addSeries(name, x, y);
        series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        series.setMarker(SeriesMarkers.CIRCLE);
        series.setMarkerColor(colour);
    }
}
