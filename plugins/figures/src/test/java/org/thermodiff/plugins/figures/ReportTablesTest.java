package org.thermodiff.plugins.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.thermodiff.plugins.figures.Reports.labels;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.thermodiff.spi.metrics.BoundCheck;
import org.thermodiff.spi.report.ExperimentReport;
import org.thermodiff.spi.report.RunReport;

class ReportTablesTest {

    private static final Path DIR = Path.of("unused");

    private static ExperimentReport twoRuns() {
        RunReport ok = Reports.run(0, labels("schedule", "cosine"));
        RunReport failed = Reports.failed(1, labels("schedule", "ot"), "sampler", "diverged at t = 0.5");
        return Reports.experiment(DIR, List.of("schedule"), List.of(ok, failed));
    }

    @Test
    void resultsHaveTheLabelsTheHeadlineNumbersAndTheVerdictOfEachRun() {
        ReportTables.Table t = ReportTables.results(twoRuns());

        assertEquals(List.of("schedule", "η", "c₁", "c₂", "D₀", "W₁ generated", "W₁ initial", "bounds"), t.header());
        // Reports.values: η 0.09, c1 0.11, c2 0.2, D0 e − 1, W1(q, p) 0.6071608904725269, W1 initial 1.
        assertEquals(List.of("cosine", "0.09", "0.11", "0.2", "1.718282", "0.6071609", "1", "hold"), t.rows().get(0));
        assertEquals(List.of("ot", "—", "—", "—", "—", "—", "—", "FAILED in sampler: diverged at t = 0.5"), t.rows().get(1));
    }

    @Test
    void checksHaveAColumnPerCheckWithItsEquationAndAVerdictWithTheMarginPerRun() {
        RunReport holds = Reports.run(0, labels("schedule", "cosine"));
        RunReport violated = Reports.withChecks(Reports.run(1, labels("schedule", "ot")),
                List.of(BoundCheck.of("eta<=c1", "Eq. 82", 0.25, 0.125, 0), BoundCheck.of("extra", "", 1, 2, 0)));
        ReportTables.Table t = ReportTables.checks(Reports.experiment(DIR, List.of("schedule"), List.of(holds, violated)));

        assertEquals(List.of("schedule", "eta<=c1 (Eq. 82)", "c1<=c2 (Eq. 82)", "extra"), t.header());
        // Reports.checks(true): η 0.09 ≤ c1 0.11 (margin 0.02), c1 0.11 ≤ c2 0.2 (margin 0.09).
        assertEquals(List.of("cosine", "✓ 0.02", "✓ 0.09", "—"), t.rows().get(0));
        assertEquals(List.of("ot", "✗ -0.125", "—", "✓ 1"), t.rows().get(1));
    }

    /** A bound met with equality shows as tight, whichever side rounding put it on; just outside the tolerance it does not. */
    @Test
    void aMarginWithinTheToleranceIsShownAsTight() {
        assertEquals("✓ tight", ReportTables.check(BoundCheck.of("eta<=c1", "Eq. 82", 0.1 + 1e-16, 0.1, 1e-12)));
        assertEquals("✓ tight", ReportTables.check(BoundCheck.of("eta<=c1", "Eq. 82", 0.1, 0.1 + 1e-16, 1e-12)));
        assertEquals("✓ 0.001", ReportTables.check(BoundCheck.of("eta<=c1", "Eq. 82", 0.125, 0.126, 1e-12)));
    }

    @Test
    void provenanceIsFlattenedToDottedKeysInOrderWithTheWallTime() {
        ReportTables.Table t = ReportTables.provenance(twoRuns());

        assertEquals(List.of("thermodiff", "git.commit", "git.dirty", "seed", "wall time"),
                t.rows().stream().map(r -> r.get(0)).toList());
        assertEquals(List.of("git.commit", "abc123"), t.rows().get(1));
        assertEquals(List.of("seed", "7"), t.rows().get(3));
        assertEquals(List.of("wall time", "1.23 s"), t.rows().get(4));
    }

    @Test
    void anExperimentWithoutAxesNamesRunsByIndex() {
        ExperimentReport single = Reports.experiment(DIR, List.of(), List.of(Reports.run(0, java.util.Map.of())));

        assertEquals("run", ReportTables.results(single).header().get(0));
        assertEquals("0", ReportTables.results(single).rows().get(0).get(0));
    }
}
