package org.thermodiff.plugins.figures;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.thermodiff.plugins.figures.Reports.labels;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.thermodiff.spi.metrics.Series;
import org.thermodiff.spi.report.ExperimentReport;
import org.thermodiff.spi.report.RunReport;

class TrainingFigureTest {

    private static final Path DIR = Path.of("unused");
    private static final List<String> AXES = List.of("schedule", "perturbation");

    /** A loss curve decaying from 1 towards 0.01 over {@code points} logged steps 100, 200, … */
    private static Series loss(int points, double rate) {
        double[] step = new double[points];
        double[] loss = new double[points];
        for (int i = 0; i < points; i++) {
            step[i] = 100 * (i + 1);
            loss[i] = 0.01 + Math.exp(-rate * i);
        }
        return Series.withKey("step", step).column("loss", loss).build();
    }

    /** {@code run} with a {@code training_loss} table and a learned estimator in its configuration. */
    private static RunReport trained(RunReport run, Series loss) {
        Map<String, Series> tables = new LinkedHashMap<>(run.tables());
        tables.put(TrainingFigure.TABLE, loss);
        Map<String, Object> configuration = new LinkedHashMap<>(run.configuration());
        configuration.put("estimator", Map.of("type", "flow-matching"));
        return Reports.withConfiguration(Reports.withTables(run, tables), configuration);
    }

    /** fig4-like runs (schedule × perturbation), every one with a loss curve. */
    private static ExperimentReport allTrained() {
        List<RunReport> runs = Reports.fig4Like(DIR).runs().stream().map(r -> trained(r, loss(50, 0.1 + r.index() * 0.02)))
                .toList();
        return Reports.experiment(DIR, AXES, runs);
    }

    private static Figure training(Gallery g) {
        return g.figures().stream().filter(f -> f.name().equals("training")).findFirst().orElseThrow(
                () -> new AssertionError("no training figure in " + g.figures().stream().map(Figure::name).toList()));
    }

    @Test
    void oneFigurePerExperimentWithAPanelPerGroupAndALinePerScheduleOnALogAxis() {
        Gallery g = Gallery.of(allTrained());

        List<String> names = g.figures().stream().map(Figure::name).toList();
        assertEquals("training", names.get(names.size() - 1), "after the figures of the groups: " + names);
        assertEquals(List.of(), g.notes());
        Figure f = training(g);
        assertEquals(List.of(2), f.rows().stream().map(r -> r.panels().size()).toList(), "one panel per perturbation");
        XYChart first = (XYChart) f.rows().get(0).panels().get(0);
        assertEquals("perturbation = gaussian-mean", first.getTitle());
        assertTrue(first.getStyler().isYAxisLogarithmic());
        assertEquals(3, first.getSeriesMap().size(), "one line per schedule");
        // Lines in the schedules' colours, which the legend names.
        List<XYSeries> lines = List.copyOf(first.getSeriesMap().values());
        for (int i = 0; i < 3; i++) {
            assertEquals(Style.colour(i), lines.get(i).getLineColor());
        }
        assertEquals(Reports.SCHEDULES, f.legend().stream().map(Figure.LegendEntry::label).toList());
        assertEquals(List.of(Style.colour(0), Style.colour(1), Style.colour(2)),
                f.legend().stream().map(Figure.LegendEntry::colour).toList());
        assertTrue(f.caption().contains("flow-matching") && f.caption().contains("training_loss")
                && f.caption().contains("one panel per perturbation") && f.caption().contains("one line per schedule"),
                f.caption());
    }

    @Test
    void theCurveIsDrawnWithinAFractionOfAPixelOfTheLoggedLosses() {
        Figure f = training(Gallery.of(allTrained()));
        XYSeries line = ((XYChart) f.rows().get(0).panels().get(0)).getSeriesMap().values().iterator().next();
        double[] x = line.getXData();
        double[] y = line.getYData();
        Series logged = loss(50, 0.1);
        assertTrue(x.length < 50, "reduced: " + x.length + " points");
        assertEquals(100.0, x[0]);
        assertEquals(5000.0, x[x.length - 1]);
        // Between kept points the drawn line interpolates log₁₀ loss linearly; it stays within
        // Style.LINE_TOLERANCE of the decades spanned (about 2 here) of every logged point.
        double[] s = logged.column("step");
        double[] l = logged.column("loss");
        double span = Math.log10(l[0]) - Math.log10(l[l.length - 1]);
        for (int i = 0; i < s.length; i++) {
            int j = 1;
            while (x[j] < s[i]) {
                j++;
            }
            double u = (s[i] - x[j - 1]) / (x[j] - x[j - 1]);
            double drawn = (1 - u) * Math.log10(y[j - 1]) + u * Math.log10(y[j]);
            assertEquals(Math.log10(l[i]), drawn, Style.LINE_TOLERANCE * span * (1 + 1e-9), "step " + s[i]);
        }
    }

    /** Losses within a decade (flow matching's irreducible conditional variance) get a linear axis. */
    @Test
    void lossesWithinADecadeGetALinearAxis() {
        List<RunReport> runs = Reports.fig4Like(DIR).runs().stream().map(r -> {
            double[] step = {100, 200, 300, 400};
            double[] flat = {1.72, 1.31, 1.02, 0.99};
            return trained(r, Series.withKey("step", step).column("loss", flat).build());
        }).toList();
        XYChart first = (XYChart) training(Gallery.of(Reports.experiment(DIR, AXES, runs))).rows().get(0).panels().get(0);
        assertFalse(first.getStyler().isYAxisLogarithmic());
        XYSeries line = first.getSeriesMap().values().iterator().next();
        assertEquals(1.72, line.getYData()[0]);
        assertEquals(0.99, line.getYData()[line.getYData().length - 1]);
    }

    @Test
    void withoutLossTablesThereIsNoTrainingFigureAndNoNote() {
        Gallery g = Gallery.of(Reports.fig4Like(DIR));

        assertTrue(g.figures().stream().noneMatch(f -> f.name().equals("training")));
        assertEquals(List.of(), g.notes());
    }

    @Test
    void onlyTrainedRunsAreDrawnAndLossesALogAxisCannotShowAreLeftOutWithANote() {
        List<RunReport> runs = new ArrayList<>(Reports.fig4Like(DIR).runs());
        runs.set(0, trained(runs.get(0), Series.withKey("step", new double[] {1, 2, 3, 4})
                .column("loss", new double[] {0.5, 0, Double.NaN, 0.1}).build()));      // cosine × gaussian-mean
        runs.set(3, trained(runs.get(3), Series.withKey("step", new double[] {1, 2})
                .column("loss", new double[] {-1, 0}).build()));                         // cond-ot × uniform: nothing left
        Gallery g = Gallery.of(Reports.experiment(DIR, AXES, runs));

        Figure f = training(g);
        assertEquals(List.of(1), f.rows().stream().map(r -> r.panels().size()).toList(), "only gaussian-mean has a curve");
        XYSeries line = ((XYChart) f.rows().get(0).panels().get(0)).getSeriesMap().values().iterator().next();
        assertArrayEquals(new double[] {1, 4}, line.getXData());
        assertEquals(List.of("cosine"), f.legend().stream().map(Figure.LegendEntry::label).toList());
        assertEquals(1, g.notes().size(), g.notes()::toString);
        assertTrue(g.notes().get(0).contains("[cosine, gaussian-mean]") && g.notes().get(0).contains("2 of its logged"),
                g.notes().get(0));
    }

    @Test
    void anExperimentWithoutAScheduleAxisHasAPanelPerRunAndRenders() throws Exception {
        List<RunReport> runs = List.of(trained(Reports.run(0, labels("estimator", "flow-matching")), loss(20, 0.3)),
                trained(Reports.run(1, labels("estimator", "score-matching")), loss(20, 0.2)));
        ExperimentReport report = Reports.experiment(DIR, List.of("estimator"), runs);
        Figure f = training(Gallery.of(report));

        assertEquals(List.of(2), f.rows().stream().map(r -> r.panels().size()).toList());
        assertEquals(List.of("estimator = flow-matching", "estimator = score-matching"),
                f.rows().get(0).panels().stream().map(p -> p.getTitle()).toList());
        assertTrue(f.caption().contains("coloured by its schedule"), f.caption());
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(FigureRenderer.png(f)));
        assertEquals(Figure.WIDTH, image.getWidth());
        assertEquals(f.height(), image.getHeight());
        assertFalse(FigureRenderer.svg(f).length == 0);
    }

    @Test
    void sevenGroupsWrapIntoRowsOfAtMostThree() {
        List<RunReport> runs = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            runs.add(trained(Reports.run(i, labels("seed", String.valueOf(i))), loss(10, 0.3)));
        }
        Figure f = training(Gallery.of(Reports.experiment(DIR, List.of("seed"), runs)));
        assertEquals(List.of(3, 3, 1), f.rows().stream().map(r -> r.panels().size()).toList());
    }

    @Test
    void aLogLineRefusesNonPositiveValues() {
        XYChart chart = Style.xy("t", "x", "y");
        assertThrows(IllegalArgumentException.class,
                () -> Style.logLine(chart, "l", new double[] {1, 2}, new double[] {1, 0}, Style.NEUTRAL, Style.SOLID));
    }
}
