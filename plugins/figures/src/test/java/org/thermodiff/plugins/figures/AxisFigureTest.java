package org.thermodiff.plugins.figures;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.thermodiff.plugins.figures.Reports.labels;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.thermodiff.plugins.figures.FigureOptions.Scale;
import org.thermodiff.spi.report.ExperimentReport;
import org.thermodiff.spi.report.RunReport;

class AxisFigureTest {

    private static final Path DIR = Path.of("unused");
    /** Dimensions of kinetic-energy-limit.yaml, listed out of order: lines must be drawn by increasing d. */
    private static final List<Integer> DIMENSIONS = List.of(8, 2, 32, 4096);
    private static final List<String> SCHEDULES = List.of("cosine", "cond-ot");

    /**
     * Values chosen to exercise each scale: η = 0.1 s/d spans three decades (a logarithmic axis), c₁
     * stays within one (linear), c₂ = 1.5 s d spans three with error bars of ±1 that stay above 0
     * (logarithmic); the dissipation (= c₂, {@link Reports#values}) has no standard error.
     */
    private static Map<String, Object> values(String schedule, int d) {
        double s = schedule.equals("cosine") ? 1 : 0.8;
        Map<String, Object> v = new LinkedHashMap<>(Reports.values(0.1 * s / d, 0.2 + 0.001 * d / 64, 1.5 * s * d));
        v.put("eta_stderr", 0.01 * s / d);
        v.put("c1_stderr", 0.002);
        v.put("c2_stderr", 1.0);
        return v;
    }

    /** schedule × data.dimension, schedule outer as in the YAML. */
    private static ExperimentReport sweep(Path dir) {
        List<RunReport> runs = new ArrayList<>();
        for (String schedule : SCHEDULES) {
            for (int d : DIMENSIONS) {
                runs.add(Reports.withValues(Reports.run(runs.size(), labels("schedule", schedule, "data.dimension",
                        String.valueOf(d))), values(schedule, d)));
            }
        }
        return Reports.experiment(dir, List.of("schedule", "data.dimension"), runs);
    }

    /** {@link #sweep} without density tables, as kinetic-energy-limit.yaml: fewer and cheaper figures to write. */
    private static ExperimentReport light(Path dir) {
        ExperimentReport r = sweep(dir);
        return Reports.experiment(dir, r.axes(), r.runs().stream().map(run -> Reports.withTables(run, Map.of())).toList());
    }

    private static Figure axisFigure(Gallery g) {
        return g.figures().stream().filter(f -> f.name().startsWith(AxisFigure.PREFIX)).findFirst().orElseThrow(
                () -> new AssertionError("no figure against an axis in " + g.figures().stream().map(Figure::name).toList()));
    }

    private static List<XYChart> panels(Figure f) {
        return f.rows().stream().flatMap(r -> r.panels().stream()).map(XYChart.class::cast).toList();
    }

    private static XYChart panel(Figure f, String metric) {
        return panels(f).stream().filter(c -> c.getYAxisTitle().equals(metric)).findFirst().orElseThrow();
    }

    @Test
    void byDefaultTheNumericAxisCarriesEtaC1C2AndTheDissipationOneLinePerScheduleFirst() {
        Gallery g = Gallery.of(sweep(DIR));

        assertEquals("vs-data.dimension", g.figures().get(0).name(), "the summary comes before the groups' figures");
        assertEquals(List.of(), g.errors());
        Figure f = axisFigure(g);
        assertEquals(List.of(2, 2), f.rows().stream().map(r -> r.panels().size()).toList(), "four panels in two rows");
        assertEquals(List.of("eta", "c1", "c2", "dissipation"), panels(f).stream().map(XYChart::getYAxisTitle).toList());
        assertEquals("η, c₁, c₂, ∫T·Ṡ dt against data.dimension", f.title());
        assertEquals(SCHEDULES, f.legend().stream().map(Figure.LegendEntry::label).toList());
        for (XYChart chart : panels(f)) {
            assertEquals("data.dimension", chart.getXAxisTitle());
            List<XYSeries> lines = List.copyOf(chart.getSeriesMap().values());
            assertEquals(2, lines.size(), chart.getTitle());
            for (int i = 0; i < lines.size(); i++) {
                assertArrayEquals(new double[] {2, 8, 32, 4096}, lines.get(i).getXData(), "by increasing d");
                assertEquals(Style.colour(i), lines.get(i).getLineColor());
                assertEquals(Style.colour(i), f.legend().get(i).colour());
            }
        }
        // The cosine line of η: the runs' values and standard errors, in the order of d (divisions by
        // powers of two, so exactly the numbers below).
        XYSeries eta = panel(f, "eta").getSeriesMap().values().iterator().next();
        assertArrayEquals(new double[] {0.05, 0.0125, 0.003125, 0.1 / 4096}, eta.getYData());
        assertArrayEquals(new double[] {0.005, 0.00125, 0.0003125, 0.01 / 4096}, eta.getExtraValues());
        assertNull(panel(f, "dissipation").getSeriesMap().values().iterator().next().getExtraValues(),
                "no dissipation_stderr, no error bars");
        assertTrue(f.caption().contains("against the matrix axis data.dimension (4 values)")
                && f.caption().contains("one line per schedule") && f.caption().contains("eta_stderr, c1_stderr, c2_stderr")
                && f.caption().contains("none for dissipation"), f.caption());
    }

    @Test
    void axesAreLogarithmicWherePositiveValuesSpanTwoDecades() {
        Figure f = axisFigure(Gallery.of(sweep(DIR)));

        for (XYChart chart : panels(f)) {
            assertTrue(chart.getStyler().isXAxisLogarithmic(), "d from 2 to 4096: " + chart.getTitle());
        }
        assertTrue(panel(f, "eta").getStyler().isYAxisLogarithmic(), "η from 0.05 to 2.4e-5");
        assertFalse(panel(f, "c1").getStyler().isYAxisLogarithmic(), "c₁ within a decade");
        assertTrue(panel(f, "c2").getStyler().isYAxisLogarithmic(), "c₂ from 2.4 to 6144, bars above 0");
        assertTrue(f.caption().contains("Logarithmic axes: x (positive values spanning two decades or more); "
                + "y of eta, c2, dissipation"), f.caption());
    }

    @Test
    void theLogarithmicDecisionFollowsTheSpanAndTheSignsOfValuesAndErrorBars() {
        double[] d = {2, 8, 32, 128, 512, 2048, 4096};
        assertTrue(AxisFigure.logarithmic(Scale.AUTO, d, d));
        assertTrue(AxisFigure.logarithmic(Scale.AUTO, new double[] {1, 100}, new double[] {1, 100}), "exactly two decades");
        assertFalse(AxisFigure.logarithmic(Scale.AUTO, new double[] {1, 99.9}, new double[] {1, 99.9}), "less than two");
        assertFalse(AxisFigure.logarithmic(Scale.AUTO, new double[] {0, 1, 2, 5}, new double[] {0, 1, 2, 5}), "g starts at 0");
        assertFalse(AxisFigure.logarithmic(Scale.AUTO, new double[] {-1000, -1}, new double[] {-1000, -1}));
        assertFalse(AxisFigure.logarithmic(Scale.AUTO, new double[] {0.01, 10}, new double[] {-0.01, 10}),
                "an error bar reaching below 0 cannot be drawn on a logarithmic axis");
        assertFalse(AxisFigure.logarithmic(Scale.AUTO, new double[0], new double[0]));
        assertFalse(AxisFigure.logarithmic(Scale.LINEAR, d, d));
        assertTrue(AxisFigure.logarithmic(Scale.LOG, new double[] {0.02, 0.6}, new double[] {0.02, 0.6}));
    }

    @Test
    void aLogarithmicAxisWithinADecadeIsWidenedToWholeDecadesSoThatTwoAreLabelled() {
        // The Eq. 92 gap, from 0.61 to 0.017: one power of ten (0.1) inside, so the axis becomes [0.01, 1].
        XYChart gap = Style.xy("gap", "d", "gap");
        Style.logAxis(gap, false, 0.017, 0.61);
        assertEquals(0.01, gap.getStyler().getYAxisMin(), 1e-15);
        assertEquals(1.0, gap.getStyler().getYAxisMax(), 1e-15);
        // d from 2 to 4096 holds 10, 100 and 1000: left as it is.
        XYChart d = Style.xy("d", "d", "gap");
        Style.logAxis(d, true, 2, 4096);
        assertNull(d.getStyler().getXAxisMin());
        assertNull(d.getStyler().getXAxisMax());
        // A single value that is a power of ten gets the decade above it.
        XYChart one = Style.xy("one", "d", "gap");
        Style.logAxis(one, false, 0.1, 0.1);
        assertEquals(0.1, one.getStyler().getYAxisMin(), 1e-16);
        assertEquals(1.0, one.getStyler().getYAxisMax(), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> Style.logAxis(one, true, 0, 1));
    }

    @Test
    void namedMetricsAndScalesAreDrawnAsAskedWithOnePanelTitledByTheFigure() {
        FigureOptions options = new FigureOptions("data.dimension", "c1", Scale.LINEAR, Scale.LOG);
        Figure f = axisFigure(Gallery.of(sweep(DIR), options));

        assertEquals(List.of(1), f.rows().stream().map(r -> r.panels().size()).toList());
        XYChart c1 = panels(f).get(0);
        assertFalse(c1.getStyler().isXAxisLogarithmic());
        assertTrue(c1.getStyler().isYAxisLogarithmic());
        assertFalse(c1.getStyler().isChartTitleVisible(), "one panel: the figure's title says it");
        assertEquals("c₁ = ∫v_loss² dt (Eq. 82) against data.dimension", f.title());
        assertTrue(f.caption().contains("Logarithmic axes: y (as the options ask)"), f.caption());
    }

    @Test
    void pointsALogarithmicAxisCannotShowAreLeftOutWithNotes() {
        List<RunReport> runs = new ArrayList<>(sweep(DIR).runs());
        Map<String, Object> negative = new LinkedHashMap<>(runs.get(0).values());     // cosine, d = 8
        negative.put("c1", -0.5);
        runs.set(0, Reports.withValues(runs.get(0), negative));
        Map<String, Object> wide = new LinkedHashMap<>(runs.get(1).values());         // cosine, d = 2
        wide.put("c1_stderr", 1.0);
        runs.set(1, Reports.withValues(runs.get(1), wide));
        Map<String, Object> missing = new LinkedHashMap<>(runs.get(5).values());      // cond-ot, d = 2
        missing.remove("c1");
        runs.set(5, Reports.withValues(runs.get(5), missing));
        Gallery g = Gallery.of(Reports.experiment(DIR, List.of("schedule", "data.dimension"), runs),
                new FigureOptions("", "c1", Scale.AUTO, Scale.LOG));

        List<XYSeries> lines = List.copyOf(panels(axisFigure(g)).get(0).getSeriesMap().values());
        assertArrayEquals(new double[] {2, 32, 4096}, lines.get(0).getXData(), "cosine without its negative c₁ at d = 8");
        assertEquals(0.0, lines.get(0).getExtraValues()[0], "the bar reaching below zero is not drawn");
        assertArrayEquals(new double[] {8, 32, 4096}, lines.get(1).getXData(), "cond-ot without its missing c₁ at d = 2");
        assertEquals(3, g.notes().size(), g.notes()::toString);
        assertTrue(g.notes().get(0).contains("[cond-ot, 2]") && g.notes().get(0).contains("no finite 'c1'"), g.notes().get(0));
        assertTrue(g.notes().get(1).startsWith("1 value(s) of 'c1' are not positive"), g.notes().get(1));
        assertTrue(g.notes().get(2).startsWith("1 error bar(s) of 'c1' reach zero"), g.notes().get(2));
    }

    @Test
    void experimentsWithoutANumericAxisOrWithItTurnedOffHaveNoFigureAndNoNote() {
        assertTrue(Gallery.of(Reports.fig4Like(DIR)).figures().stream().noneMatch(f -> f.name().startsWith(AxisFigure.PREFIX)));
        Gallery off = Gallery.of(sweep(DIR), new FigureOptions("none", "", Scale.AUTO, Scale.AUTO));
        assertTrue(off.figures().stream().noneMatch(f -> f.name().startsWith(AxisFigure.PREFIX)));
        assertEquals(List.of(), off.notes());
    }

    @Test
    void withoutTheOtherAxesThereIsOneLineAndNoLegend() {
        List<RunReport> runs = new ArrayList<>();
        for (String g : List.of("0", "1", "2", "5")) {
            runs.add(Reports.run(runs.size(), labels("schedule.g", g)));
        }
        Figure f = axisFigure(Gallery.of(Reports.experiment(DIR, List.of("schedule.g"), runs)));

        assertEquals("vs-schedule.g", f.name());
        assertEquals(List.of(), f.legend());
        XYChart eta = panels(f).get(0);
        assertEquals(1, eta.getSeriesMap().size());
        assertArrayEquals(new double[] {0, 1, 2, 5}, eta.getSeriesMap().values().iterator().next().getXData());
        assertFalse(eta.getStyler().isXAxisLogarithmic(), "g = 0 has no logarithm");
        assertTrue(f.caption().contains("one dot per run") && f.caption().contains("No error bars: no run reports eta_stderr"),
                f.caption());
    }

    @Test
    void aMetricNoRunReportsFailsTheReporterAfterItHasWrittenTheRest(@TempDir Path dir) throws Exception {
        ExperimentReport report = light(dir);
        HtmlReporter reporter = new HtmlReporter(new FigureOptions("", "eta, c2_conditonal_gap", Scale.AUTO, Scale.AUTO));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> reporter.report(report));

        assertTrue(e.getMessage().startsWith("metrics: no completed run reports 'c2_conditonal_gap' as a finite number. "
                + "Allowed (reported): D0, W1_generated, W1_initial, c1, c1_stderr"), e.getMessage());
        String html = Files.readString(dir.resolve(HtmlReporter.HTML), StandardCharsets.UTF_8);
        assertTrue(html.contains("no figure against a matrix axis: metrics: no completed run reports"), "noted in the report");
        assertTrue(Files.isRegularFile(dir.resolve("figures/tradeoff__2.png")), "the other figures are written");
        assertFalse(Files.exists(dir.resolve("figures/vs-data.dimension.png")));
    }

    @Test
    void anAxisThatIsNotNumericFailsAReporterUsedWithoutTheLoader(@TempDir Path dir) {
        PlotsReporter reporter = new PlotsReporter(new FigureOptions("schedule", "", Scale.AUTO, Scale.AUTO));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> reporter.report(light(dir)));

        assertTrue(e.getMessage().startsWith("axis: matrix axis 'schedule' has values that are not numbers (cosine, cond-ot)"),
                e.getMessage());
        assertTrue(Files.isRegularFile(dir.resolve("figures/tradeoff__2.png")));
    }

    @Test
    void theFigureIsWrittenAsPngAndSvgAndEmbeddedInTheReportWithItsCaption(@TempDir Path dir) throws Exception {
        new PlotsReporter().report(light(dir.resolve("plots")));
        new HtmlReporter().report(light(dir));

        for (String file : List.of("figures/vs-data.dimension.png", "figures/vs-data.dimension.svg")) {
            assertTrue(Files.isRegularFile(dir.resolve("plots").resolve(file)), "plots: " + file);
            assertTrue(Files.isRegularFile(dir.resolve(file)), "report: " + file);
        }
        BufferedImage image = ImageIO.read(dir.resolve("figures/vs-data.dimension.png").toFile());
        assertEquals(Figure.WIDTH, image.getWidth());
        assertEquals(Figure.TITLE_HEIGHT + Figure.LEGEND_HEIGHT + 2 * AxisFigure.ROW_HEIGHT, image.getHeight());
        String html = Files.readString(dir.resolve(HtmlReporter.HTML), StandardCharsets.UTF_8);
        assertTrue(html.contains("<figure id=\"fig-vs-data.dimension\">") && html.contains("against the matrix axis data.dimension"),
                "embedded with its caption");
        String md = Files.readString(dir.resolve(HtmlReporter.MARKDOWN), StandardCharsets.UTF_8);
        assertTrue(md.contains("](figures/vs-data.dimension.png)"), md);
    }

    /**
     * Reports are compared across runs and commits: the same results must give the same bytes, for
     * this figure as for the trade-off figure, drawn from two separately built galleries (the density and
     * scatter figures are painted by the same code: the whole gallery was checked this way once).
     */
    @Test
    void theFigureAndATradeOffFigureRenderToTheSameBytesEachTime() throws Exception {
        List<String> kinds = List.of("vs-data.dimension", "tradeoff__2");
        List<Figure> first = Gallery.of(sweep(DIR)).figures().stream().filter(f -> kinds.contains(f.name())).toList();
        List<Figure> second = Gallery.of(sweep(DIR)).figures().stream().filter(f -> kinds.contains(f.name())).toList();

        assertEquals(kinds, first.stream().map(Figure::name).toList());
        for (int i = 0; i < kinds.size(); i++) {
            assertArrayEquals(FigureRenderer.png(first.get(i)), FigureRenderer.png(second.get(i)), kinds.get(i) + ".png");
            assertArrayEquals(FigureRenderer.svg(first.get(i)), FigureRenderer.svg(second.get(i)), kinds.get(i) + ".svg");
        }
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(FigureRenderer.png(first.get(0))));
        assertEquals(first.get(0).height(), image.getHeight());
    }
}
