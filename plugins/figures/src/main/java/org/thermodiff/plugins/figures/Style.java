package org.thermodiff.plugins.figures;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.List;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The look shared by every figure: the Okabe–Ito colour-blind-safe palette (a schedule keeps its
 * colour in every figure), fonts of at least 12 pt, white backgrounds, light grid lines, and no
 * legends inside panels (each figure has one legend under its title, see {@link Figure}).
 */
final class Style {

    /** Okabe–Ito colours, in the order rows receive them (blue, orange, green, vermillion …). */
    private static final List<Color> PALETTE = List.of(new Color(0x0072B2), new Color(0xE69F00), new Color(0x009E73),
            new Color(0xD55E00), new Color(0xCC79A7), new Color(0x56B4E9), new Color(0xF0E442), new Color(0x000000));

    /** Colour of lines that belong to no schedule (legend samples, {@code T·Ṡ}). */
    static final Color NEUTRAL = new Color(0x333333);
    /** Colour of the perturbed start {@code P̃†_0}, which belongs to no schedule (Tol's wine). */
    static final Color START = new Color(0x882255);
    /** Fill of the reference density {@code P†_0 = P_τ}, grey as in the paper's Fig. 4(b)–(e). */
    static final Color REFERENCE_FILL = new Color(0xA8A8A8);
    /** Legend swatch of areas shaded in each schedule's tint ({@link #tint}). */
    static final Color NEUTRAL_FILL = new Color(0xDDDDDD);

    static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 15);
    static final Font FIGURE_TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 18);
    static final Font AXIS_TITLE_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
    static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    static final Font LEGEND_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);

    /** Diameter of the dots that mark data points, in pixels. */
    static final int DOT_SIZE = 8;

    static final BasicStroke SOLID = new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    static final BasicStroke GRID = new BasicStroke(1f);
    static final BasicStroke THIN = new BasicStroke(1.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    static final BasicStroke DOTTED = new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f,
            new float[] {0.5f, 5f}, 0f);

    /** How far, as a fraction of a curve's height, a drawn line may depart from the data: well under a pixel. */
    static final double LINE_TOLERANCE = 2.5e-3;

    private Style() {
    }

    /** The colour of the row at {@code index} of {@link Layout#rowKeys()}. */
    static Color colour(int index) {
        return PALETTE.get(Math.floorMod(index, PALETTE.size()));
    }

    /** A darker shade of {@code c}, for text in that colour. */
    static Color shade(Color c) {
        return new Color(c.getRed() * 3 / 4, c.getGreen() * 3 / 4, c.getBlue() * 3 / 4);
    }

    /** A light tint of {@code c} (opaque: mixed with white), for areas. */
    static Color tint(Color c) {
        return new Color(255 - (255 - c.getRed()) * 2 / 5, 255 - (255 - c.getGreen()) * 2 / 5,
                255 - (255 - c.getBlue()) * 2 / 5);
    }

    /**
     * Adds a line without markers to {@code chart}, reduced to the points that matter at figure
     * resolution (within {@link #LINE_TOLERANCE} of the largest |y|, see {@link Polyline}).
     *
     * <p>XChart strokes each segment of a line separately, so a dash pattern restarts at every data
     * point; figures therefore use solid lines, areas and dots (a dot at each start reads the same).
     */
    static XYSeries line(XYChart chart, String name, double[] x, double[] y, Color colour, BasicStroke stroke) {
        double scale = 0;
        for (double v : y) {
            scale = Math.max(scale, Math.abs(v));
        }
        Polyline p = Polyline.simplify(x, y, LINE_TOLERANCE * scale);
        XYSeries s = chart.addSeries(name, p.x(), p.y());
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(colour);
        s.setLineStyle(stroke);
        return s;
    }

    /**
     * {@link #line} for a logarithmic y axis: the curve is reduced in {@code log₁₀ y}, where the
     * axis draws it, to within {@link #LINE_TOLERANCE} of the decades it spans. {@code y} must be
     * positive.
     */
    static XYSeries logLine(XYChart chart, String name, double[] x, double[] y, Color colour, BasicStroke stroke) {
        double[] log = new double[y.length];
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < y.length; i++) {
            if (!(y[i] > 0)) {
                throw new IllegalArgumentException("a logarithmic axis needs y > 0, got " + y[i] + " at x = " + x[i]);
            }
            log[i] = Math.log10(y[i]);
            lo = Math.min(lo, log[i]);
            hi = Math.max(hi, log[i]);
        }
        Polyline p = Polyline.simplify(x, log, LINE_TOLERANCE * (hi - lo));
        double[] ys = p.y();
        for (int i = 0; i < ys.length; i++) {
            ys[i] = Math.pow(10, ys[i]);
        }
        XYSeries s = chart.addSeries(name, p.x(), ys);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(colour);
        s.setLineStyle(stroke);
        return s;
    }

    /**
     * Adds a line through every point (each is a run: none is dropped) with a dot at each and, where
     * {@code errors} is given, error bars of ± {@code errors[i]} (0: no bar) in the line's colour.
     */
    static XYSeries dots(XYChart chart, String name, double[] x, double[] y, double[] errors, Color colour) {
        XYSeries s = errors == null ? chart.addSeries(name, x, y) : chart.addSeries(name, x, y, errors);
        s.setMarker(SeriesMarkers.CIRCLE);
        s.setMarkerColor(colour);
        s.setLineColor(colour);
        s.setLineStyle(SOLID);
        chart.getStyler().setMarkerSize(DOT_SIZE);
        chart.getStyler().setErrorBarsColorSeriesColor(true);
        return s;
    }

    /**
     * Makes the x or the y axis of {@code chart} logarithmic for data in {@code [lo, hi]} ({@code lo > 0}).
     * XChart labels only powers of ten there, so an axis that would hold fewer than two is widened to
     * whole decades; and it places ticks itself (a tick-label function would make it place them linearly).
     */
    static void logAxis(XYChart chart, boolean x, double lo, double hi) {
        if (!(lo > 0) || !(hi >= lo)) {
            throw new IllegalArgumentException("a logarithmic axis needs 0 < lo <= hi, got [" + lo + ", " + hi + "]");
        }
        boolean widen = Math.floor(Math.log10(hi)) - Math.ceil(Math.log10(lo)) < 1;    // powers of ten in [lo, hi]: < 2
        Double min = widen ? Math.pow(10, Math.floor(Math.log10(lo))) : null;
        Double max = widen ? Math.pow(10, Math.max(Math.ceil(Math.log10(hi)), Math.floor(Math.log10(lo)) + 1)) : null;
        XYStyler styler = chart.getStyler();
        if (x) {
            styler.setXAxisLogarithmic(true);
            styler.setxAxisTickLabelsFormattingFunction(null);
            styler.setXAxisMin(min);
            styler.setXAxisMax(max);
        } else {
            styler.setYAxisLogarithmic(true);
            styler.setyAxisTickLabelsFormattingFunction(null);
            styler.setYAxisMin(min);
            styler.setYAxisMax(max);
        }
    }

    /** Adds the area under a curve, filled with {@code fill} and outlined in {@code outline}. */
    static XYSeries area(XYChart chart, String name, double[] x, double[] y, Color fill, Color outline) {
        XYSeries s = line(chart, name, x, y, outline, THIN);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
        s.setFillColor(fill);
        return s;
    }

    /** One colour swatch per row of a group, named after the row (the schedules of Fig. 4). */
    static List<Figure.LegendEntry> swatches(Layout.Group group) {
        return group.cells().stream().map(c -> Figure.LegendEntry.swatch(c.row(), colour(c.colour()))).toList();
    }

    /** An XY line chart with this style. */
    static XYChart xy(String title, String xTitle, String yTitle) {
        XYChart chart = new XYChartBuilder().width(400).height(300).title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        common(chart.getStyler());
        chart.getStyler().setMarkerSize(0);
        chart.getStyler().setLegendVisible(false);
        // XChart formats tick labels many times while fitting them, its default with a new DecimalFormat
        // each time; this function is cheaper and drops binary noise (0.30000000000000004).
        chart.getStyler().setxAxisTickLabelsFormattingFunction(Style::tick);
        chart.getStyler().setyAxisTickLabelsFormattingFunction(Style::tick);
        return chart;
    }

    /** A bar chart with this style, bars side by side. */
    static CategoryChart bars(String title, String xTitle, String yTitle) {
        CategoryChart chart = new CategoryChartBuilder().width(400).height(300).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        common(chart.getStyler());
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setOverlapped(false);
        chart.getStyler().setAvailableSpaceFill(0.8);
        chart.getStyler().setyAxisTickLabelsFormattingFunction(Style::tick);
        return chart;
    }

    /**
     * A tick label: the value to ten significant digits, which removes binary noise such as
     * {@code 0.30000000000000004}, without trailing zeros ({@code 0.3}, {@code 2}, {@code 1E-5}).
     */
    static String tick(Double v) {
        if (v == null || !Double.isFinite(v)) {
            return String.valueOf(v);
        }
        double a = Math.abs(v);
        if (a < 1e-300) {
            return "0";
        }
        double scale = Math.pow(10, 9 - Math.floor(Math.log10(a)));
        double rounded = Double.isFinite(v * scale) ? Math.rint(v * scale) / scale : v;
        String s = Double.toString(rounded);     // plain for 10⁻³ ≤ |v| < 10⁷, else like 2.5E-7
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s.replace(".0E", "E");
    }

    private static void common(AxesChartStyler s) {
        s.setAntiAlias(true);
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderColor(new Color(0x888888));
        s.setPlotGridLinesColor(new Color(0xE8E8E8));
        s.setPlotGridLinesStroke(GRID);    // solid: XChart's default dashed grid costs more to draw than the data
        s.setChartFontColor(Color.BLACK);
        s.setChartTitleBoxVisible(false);
        s.setChartTitleFont(TITLE_FONT);
        s.setChartTitlePadding(4);
        s.setChartPadding(8);
        s.setAxisTitleFont(AXIS_TITLE_FONT);
        s.setAxisTitlePadding(7);
        s.setAxisTickLabelsFont(TICK_FONT);
        s.setAxisTickLabelsColor(Color.BLACK);
        s.setPlotMargin(4);
        s.setToolTipsEnabled(false);
        // Fewer strokes per panel (each costs a rasteriser pass): the plot border stands for the axis
        // lines and tick marks, horizontal grid lines are enough to read values.
        s.setAxisTicksMarksVisible(false);
        s.setAxisTicksLineVisible(false);
        s.setPlotGridVerticalLinesVisible(false);
    }
}
