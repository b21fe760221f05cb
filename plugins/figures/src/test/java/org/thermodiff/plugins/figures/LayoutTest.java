package org.thermodiff.plugins.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.thermodiff.plugins.figures.Reports.labels;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.thermodiff.spi.report.ExperimentReport;
import org.thermodiff.spi.report.RunReport;

class LayoutTest {

    private static final Path DIR = Path.of("unused");

    private static List<String> rows(Layout.Group g) {
        return g.cells().stream().map(Layout.Cell::row).toList();
    }

    @Test
    void scheduleByPerturbationMakesOneGroupPerPerturbationWithTheSchedulesAsRowsInMatrixOrder() {
        Layout layout = Layout.of(Reports.fig4Like(DIR));

        assertEquals(Optional.of("schedule"), layout.rowAxis());
        assertEquals(List.of("perturbation"), layout.groupAxes());
        assertEquals(List.of("gaussian-mean", "uniform"), layout.groups().stream().map(Layout.Group::slug).toList());
        assertEquals("perturbation = gaussian-mean", layout.groups().get(0).title());
        for (Layout.Group g : layout.groups()) {
            assertEquals(Reports.SCHEDULES, rows(g), g.title());
            g.cells().forEach(c -> assertEquals(g.slug(), c.run().labels().get("perturbation")));
        }
        assertEquals(List.of(), layout.notes());
    }

    @Test
    void theOrderOfTheAxesDoesNotChangeTheGrouping() {
        List<RunReport> runs = new ArrayList<>();
        for (String p : Reports.PERTURBATIONS) {
            for (String s : Reports.SCHEDULES) {
                runs.add(Reports.run(runs.size(), labels("perturbation", p, "schedule", s)));
            }
        }
        Layout layout = Layout.of(Reports.experiment(DIR, List.of("perturbation", "schedule"), runs));

        assertEquals(List.of("gaussian-mean", "uniform"), layout.groups().stream().map(Layout.Group::slug).toList());
        layout.groups().forEach(g -> assertEquals(Reports.SCHEDULES, rows(g)));
    }

    @Test
    void aScheduleKeepsItsColourInEveryGroupEvenWhenAnotherScheduleFailedThere() {
        List<RunReport> runs = new ArrayList<>(Reports.fig4Like(DIR).runs());
        // cosine × gaussian-mean (index 0) fails: in that group cond-ot comes first, but keeps colour 1.
        runs.set(0, Reports.failed(0, runs.get(0).labels(), "sampler", "boom"));
        Layout layout = Layout.of(Reports.experiment(DIR, List.of("schedule", "perturbation"), runs));

        assertEquals(Reports.SCHEDULES, layout.rowKeys());
        for (Layout.Group g : layout.groups()) {
            for (Layout.Cell c : g.cells()) {
                assertEquals(Reports.SCHEDULES.indexOf(c.row()), c.colour(), g.title() + " " + c.row());
            }
        }
        Layout.Group mean = layout.groups().stream().filter(g -> g.slug().equals("gaussian-mean")).findFirst().orElseThrow();
        assertEquals(List.of("cond-ot", "ot"), rows(mean));
    }

    @Test
    void aFailedRunIsLeftOutWithANoteNamingItsStageAndMessage() {
        List<RunReport> runs = new ArrayList<>(Reports.fig4Like(DIR).runs());
        runs.set(3, Reports.failed(3, runs.get(3).labels(), "forward", "schedule exploded"));
        Layout layout = Layout.of(Reports.experiment(DIR, List.of("schedule", "perturbation"), runs));

        assertEquals(1, layout.notes().size(), layout.notes()::toString);
        String note = layout.notes().get(0);
        assertTrue(note.contains("[cond-ot, uniform]") && note.contains("forward") && note.contains("schedule exploded"), note);
        assertEquals(5, layout.groups().stream().mapToInt(g -> g.cells().size()).sum());
    }

    @Test
    void withoutAScheduleAxisEachRunIsAGroupAndItsRowIsNamedAfterTheConfiguredSchedule() {
        List<RunReport> runs = new ArrayList<>();
        for (String p : Reports.PERTURBATIONS) {
            RunReport r = Reports.run(runs.size(), labels("perturbation", p));
            runs.add(Reports.withConfiguration(r, Map.of("schedule", Map.of("type", "ve", "sigma-max", 10.0))));
        }
        Layout layout = Layout.of(Reports.experiment(DIR, List.of("perturbation"), runs));

        assertEquals(Optional.empty(), layout.rowAxis());
        assertEquals(2, layout.groups().size());
        layout.groups().forEach(g -> assertEquals(List.of("ve"), rows(g)));
        assertEquals(List.of("ve"), layout.rowKeys());
    }

    @Test
    void anExperimentWithoutAxesIsOneGroupWhoseFiguresAreNamedByKindAlone() {
        RunReport only = Reports.withConfiguration(Reports.run(0, Map.of()), Map.of());
        Layout layout = Layout.of(Reports.experiment(DIR, List.of(), List.of(only)));

        assertEquals(1, layout.groups().size());
        Layout.Group g = layout.groups().get(0);
        assertEquals("", g.title());
        assertEquals("density", g.figureName("density"));
        assertEquals(List.of("run 0"), rows(g), "no axis and no configured schedule: the run's index");
    }

    @Test
    void furtherAxesBesidesTheScheduleGroupByTheirCombinationWithFileSafeSlugs() {
        List<RunReport> runs = new ArrayList<>();
        for (String s : List.of("cosine", "ot")) {
            for (String p : List.of("gaussian-mean", "N(1, 1)")) {
                for (String n : List.of("256", "1024")) {
                    runs.add(Reports.run(runs.size(), labels("schedule", s, "perturbation", p, "nodes", n)));
                }
            }
        }
        Layout layout = Layout.of(Reports.experiment(DIR, List.of("schedule", "perturbation", "nodes"), runs));

        assertEquals(List.of("perturbation", "nodes"), layout.groupAxes());
        assertEquals(List.of("gaussian-mean__256", "gaussian-mean__1024", "N_1_1___256", "N_1_1___1024"),
                layout.groups().stream().map(Layout.Group::slug).toList());
        assertEquals("perturbation = N(1, 1), nodes = 1024", layout.groups().get(3).title());
        layout.groups().forEach(g -> assertEquals(List.of("cosine", "ot"), rows(g)));
    }

    @Test
    void aLargeSweepIsDrawnForTheFirstGroupsOnlyWithANote() {
        List<RunReport> runs = new ArrayList<>();
        int groups = Layout.MAX_GROUPS + 3;
        for (int i = 0; i < groups; i++) {
            runs.add(Reports.run(i, labels("schedule", "cosine", "seed", Integer.toString(i))));
        }
        ExperimentReport report = Reports.experiment(DIR, List.of("schedule", "seed"), runs);
        Layout layout = Layout.of(report);

        assertEquals(Layout.MAX_GROUPS, layout.groups().size());
        assertEquals(1, layout.notes().size());
        assertTrue(layout.notes().get(0).contains("first " + Layout.MAX_GROUPS + " of " + groups), layout.notes().get(0));
    }
}
