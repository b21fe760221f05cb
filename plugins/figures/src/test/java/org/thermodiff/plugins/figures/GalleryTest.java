package org.thermodiff.plugins.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.thermodiff.plugins.figures.Reports.labels;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;
import org.thermodiff.spi.metrics.Series;
import org.thermodiff.spi.report.ExperimentReport;
import org.thermodiff.spi.report.RunReport;

class GalleryTest {

    private static final Path DIR = Path.of("unused");

    private static Figure named(Gallery g, String name) {
        return g.figures().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow(
                () -> new AssertionError("no figure " + name + " in " + g.figures().stream().map(Figure::name).toList()));
    }

    private static List<Integer> rowSizes(Figure f) {
        return f.rows().stream().map(r -> r.panels().size()).toList();
    }

    @Test
    void eachPerturbationGetsTheDensityEvolutionAndTheTradeOffFigureOfThePaper() {
        Gallery g = Gallery.of(Reports.fig4Like(DIR));

        assertEquals(List.of("density__gaussian-mean", "tradeoff__gaussian-mean", "density__uniform", "tradeoff__uniform"),
                g.figures().stream().map(Figure::name).toList());
        assertEquals(List.of(), g.notes());
        // Fig. 4(a) / Fig. 5: a row per schedule, a panel per time t = 0, τ/3, 2τ/3, τ.
        assertEquals(List.of(4, 4, 4), rowSizes(named(g, "density__uniform")));
        // Fig. 4(b)-(e): the start and the bars on top, a speed panel per schedule below.
        Figure tradeOff = named(g, "tradeoff__uniform");
        assertEquals(List.of(2, 3), rowSizes(tradeOff));
        assertTrue(tradeOff.rows().get(0).panels().get(0) instanceof XYChart);
        assertTrue(tradeOff.rows().get(0).panels().get(1) instanceof CategoryChart);
    }

    @Test
    void theDensityGridIsHeadedByTheTimesAsFractionsOfTauAndLabelledByScheduleWithSharedAxes() {
        Figure density = named(Gallery.of(Reports.fig4Like(DIR)), "density__gaussian-mean");

        List<XYChart> top = density.rows().get(0).panels().stream().map(XYChart.class::cast).toList();
        assertEquals(List.of("t = 0", "t = τ/3", "t = 2τ/3", "t = τ"), top.stream().map(XYChart::getTitle).toList());
        assertTrue(top.stream().allMatch(c -> c.getStyler().isChartTitleVisible()), "column headers");
        for (int r = 0; r < 3; r++) {
            List<XYChart> row = density.rows().get(r).panels().stream().map(XYChart.class::cast).toList();
            assertEquals(Reports.SCHEDULES.get(r) + ": P(x)", row.get(0).getYAxisTitle());
            assertTrue(row.get(0).getStyler().isYAxisTitleVisible() && !row.get(1).getStyler().isYAxisTitleVisible());
            assertEquals(r == 2, row.get(3).getStyler().isXAxisTicksVisible(), "x tick labels on the bottom row only");
            assertEquals(r == 0, row.get(2).getStyler().isChartTitleVisible(), "headers on the top row only");
            // Reports.density: every table spans x ∈ [−4, 5], peaks at N(0, 1)'s 1/√(2π).
            assertEquals(-4.0, row.get(1).getStyler().getXAxisMin());
            assertEquals(5.0, row.get(1).getStyler().getXAxisMax());
            assertEquals(1.05 / Math.sqrt(2 * Math.PI), row.get(3).getStyler().getYAxisMax(), 1e-12);
        }
        assertTrue(density.rows().get(0).lead() > 0, "the first column is wider by its y axis");
    }

    @Test
    void rowsWithDifferentTimesKeepTheirOwnAxesAndHeaders() {
        List<RunReport> runs = new ArrayList<>(Reports.fig4Like(DIR).runs());
        runs.set(0, Reports.withTables(runs.get(0), Map.of("density_t1.0000", Reports.density(false),
                "density_t0.0000", Reports.density(false))));                    // cosine × gaussian-mean: two times
        Figure density = named(Gallery.of(Reports.experiment(DIR, List.of("schedule", "perturbation"), runs)),
                "density__gaussian-mean");

        assertEquals(List.of(2, 4, 4), rowSizes(density));
        for (Figure.Row row : density.rows()) {
            assertEquals(0, row.lead());
            for (var panel : row.panels()) {
                XYChart c = (XYChart) panel;
                assertTrue(c.getStyler().isChartTitleVisible() && c.getStyler().isXAxisTicksVisible()
                        && c.getStyler().isYAxisTicksVisible(), c.getTitle());
            }
        }
        assertEquals(List.of("t = 0", "t = τ"), density.rows().get(0).panels().stream().map(p -> p.getTitle()).toList());
    }

    @Test
    void everyFigureHasOneLegendSwatchPerScheduleInTheSchedulesColour() {
        for (Figure f : Gallery.of(Reports.fig4Like(DIR)).figures()) {
            List<Figure.LegendEntry> swatches = f.legend().stream()
                    .filter(e -> e.stroke().isEmpty() && Reports.SCHEDULES.contains(e.label())).toList();
            assertEquals(Reports.SCHEDULES, swatches.stream().map(Figure.LegendEntry::label).toList(), f.name());
            for (int i = 0; i < swatches.size(); i++) {
                assertEquals(Style.colour(i), swatches.get(i).colour(), f.name() + " " + swatches.get(i).label());
            }
        }
    }

    @Test
    void aRunWithoutDensityTablesLosesItsDensityRowWithANote() {
        List<RunReport> runs = new ArrayList<>(Reports.fig4Like(DIR).runs());
        runs.set(2, Reports.withTables(runs.get(2), Map.of()));          // cond-ot × gaussian-mean
        Gallery g = Gallery.of(Reports.experiment(DIR, List.of("schedule", "perturbation"), runs));

        assertEquals(List.of(4, 4), rowSizes(named(g, "density__gaussian-mean")));
        assertEquals(List.of(4, 4, 4), rowSizes(named(g, "density__uniform")));
        assertEquals(1, g.notes().size(), g.notes()::toString);
        assertTrue(g.notes().get(0).contains("[cond-ot, gaussian-mean]") && g.notes().get(0).contains("density"),
                g.notes().get(0));
    }

    @Test
    void withoutAnyDensityTablesThereIsNoDensityFigureAndNoStartPanelButTheBarsAndSpeedsRemain() {
        List<RunReport> runs = Reports.fig4Like(DIR).runs().stream().map(r -> Reports.withTables(r, Map.of())).toList();
        Gallery g = Gallery.of(Reports.experiment(DIR, List.of("schedule", "perturbation"), runs));

        assertEquals(List.of("tradeoff__gaussian-mean", "tradeoff__uniform"), g.figures().stream().map(Figure::name).toList());
        Figure tradeOff = named(g, "tradeoff__gaussian-mean");
        assertEquals(List.of(1, 3), rowSizes(tradeOff));
        assertTrue(tradeOff.rows().get(0).panels().get(0) instanceof CategoryChart);
        assertEquals(1, g.notes().size(), "one note for all runs: " + g.notes());
        assertTrue(g.notes().get(0).contains("no run has density tables"), g.notes().get(0));
    }

    @Test
    void aRunWithoutTheSpeedSeriesLosesItsSpeedPanelWithANote() {
        List<RunReport> runs = new ArrayList<>(Reports.fig4Like(DIR).runs());
        runs.set(5, Reports.withSeries(runs.get(5), Series.empty()));     // ot × uniform
        Gallery g = Gallery.of(Reports.experiment(DIR, List.of("schedule", "perturbation"), runs));

        assertEquals(List.of(2, 2), rowSizes(named(g, "tradeoff__uniform")));
        assertEquals(1, g.notes().size());
        assertTrue(g.notes().get(0).contains("[ot, uniform]") && g.notes().get(0).contains("speed"), g.notes().get(0));
    }

    @Test
    void fourSchedulesShareOneRowOfSpeedPanelsAndFiveSplitIntoBalancedRows() {
        for (int schedules : new int[] {4, 5}) {
            List<RunReport> runs = new ArrayList<>();
            for (int i = 0; i < schedules; i++) {
                runs.add(Reports.run(i, labels("schedule", "s" + i)));
            }
            Figure f = named(Gallery.of(Reports.experiment(DIR, List.of("schedule"), runs)), "tradeoff");
            assertEquals(schedules == 4 ? List.of(2, 4) : List.of(2, 3, 2), rowSizes(f));
        }
    }

    @Test
    void failedRunsAreLeftOutAndAnExperimentWhoseRunsAllFailedHasNoFigures() {
        List<RunReport> runs = new ArrayList<>(Reports.fig4Like(DIR).runs());
        runs.set(0, Reports.failed(0, runs.get(0).labels(), "sampler", "diverged"));
        Gallery some = Gallery.of(Reports.experiment(DIR, List.of("schedule", "perturbation"), runs));
        assertEquals(List.of(4, 4), rowSizes(named(some, "density__gaussian-mean")));
        assertTrue(some.notes().get(0).contains("diverged"));

        List<RunReport> allFailed = runs.stream().map(r -> Reports.failed(r.index(), r.labels(), "forward", "no")).toList();
        Gallery none = Gallery.of(Reports.experiment(DIR, List.of("schedule", "perturbation"), allFailed));
        assertEquals(List.of(), none.figures());
        assertEquals(6, none.notes().size());
    }

    @Test
    void unusualAxesStillGiveFiguresThatRender() throws Exception {
        List<RunReport> runs = List.of(Reports.run(0, labels("seed", "1")), Reports.run(1, labels("seed", "2")));
        ExperimentReport bySeed = Reports.experiment(DIR, List.of("seed"), runs);
        ExperimentReport single = Reports.experiment(DIR, List.of(), List.of(Reports.run(0, Map.of())));

        Gallery seeds = Gallery.of(bySeed);
        assertEquals(List.of("density__1", "tradeoff__1", "density__2", "tradeoff__2"),
                seeds.figures().stream().map(Figure::name).toList());
        assertEquals(List.of(4), rowSizes(named(seeds, "density__1")));
        assertEquals(List.of(2, 1), rowSizes(named(seeds, "tradeoff__1")));

        Gallery one = Gallery.of(single);
        assertEquals(List.of("density", "tradeoff"), one.figures().stream().map(Figure::name).toList());
        for (Gallery.RenderedFigure r : one.render(true)) {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(r.png()));
            assertEquals(Figure.WIDTH, image.getWidth(), r.figure().name());
            assertFalse(r.svg() == null || r.svg().length == 0, r.figure().name());
        }
    }

    /**
     * 2-D runs with sample tables (metric 'samples') get the Fig. 3 scatter grid: a row per schedule,
     * a panel per time, the reverse and estimated particles as two scatter series; a 1-D table (no
     * x2 column) is not drawn.
     */
    @Test
    void twoDimensionalSampleTablesGiveTheScatterFigureOfFig3() {
        List<RunReport> runs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Map<String, Series> tables = new java.util.LinkedHashMap<>();
            for (String time : List.of("0.0000", "0.5000", "1.0000")) {
                tables.put("samples_t" + time, Series.withKey("i", new double[] {0, 1, 2})
                        .column("reverse_x1", new double[] {0, 1, 2}).column("reverse_x2", new double[] {1, 0, 1})
                        .column("estimated_x1", new double[] {0.5, 1, 1.5}).column("estimated_x2", new double[] {0, 1, 0})
                        .build());
            }
            runs.add(Reports.withTables(Reports.run(i, labels("schedule", Reports.SCHEDULES.get(i))), tables));
        }
        RunReport oneD = Reports.withTables(Reports.run(2, labels("schedule", "ot")), Map.of("samples_t0.0000",
                Series.withKey("i", new double[] {0, 1}).column("reverse_x1", new double[] {0, 1})
                        .column("estimated_x1", new double[] {1, 0}).build()));
        runs.add(oneD);
        Gallery g = Gallery.of(Reports.experiment(DIR, List.of("schedule"), runs));

        Figure scatter = named(g, "samples");
        assertEquals(List.of(3, 3), rowSizes(scatter), "two 2-D runs, three times each; the 1-D run is left out");
        assertTrue(g.notes().stream().noneMatch(n -> n.contains("density")), "2-D runs need no density tables: " + g.notes());
        XYChart first = (XYChart) scatter.rows().get(0).panels().get(0);
        assertEquals(2, first.getSeriesMap().size());
        assertEquals("t = 0", first.getTitle());
        assertTrue(assertDoesNotThrowPng(scatter).getWidth() == Figure.WIDTH);
    }

    private static BufferedImage assertDoesNotThrowPng(Figure f) {
        try {
            return ImageIO.read(new ByteArrayInputStream(FigureRenderer.png(f)));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
