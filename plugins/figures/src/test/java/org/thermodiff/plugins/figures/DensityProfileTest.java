package org.thermodiff.plugins.figures;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.thermodiff.spi.metrics.Series;
import org.thermodiff.spi.report.RunReport;

class DensityProfileTest {

    private static RunReport withTables(Map<String, Series> tables) {
        return Reports.withTables(Reports.run(0, Reports.labels("schedule", "cosine")), tables);
    }

    @Test
    void densityTablesAreReadInTimeOrderAndOtherTablesIgnored() {
        Map<String, Series> tables = new LinkedHashMap<>();
        tables.put("density_t1.0000", Reports.density(false));
        tables.put("speeds", Reports.speeds());                      // another metric's table
        tables.put("density_t0.3333", Reports.density(false));
        tables.put("density_tsoon", Reports.density(false));         // not a time
        tables.put("density_t0.0000", Reports.density(false));
        tables.put("density_t0.5000", Series.withKey("x", new double[] {0, 1}).column("forward", new double[] {1, 1})
                .build());                                            // no estimated column

        List<DensityProfile> profiles = DensityProfile.of(withTables(tables));

        assertEquals(List.of(0.0, 0.3333, 1.0), profiles.stream().map(DensityProfile::fraction).toList());
        DensityProfile first = profiles.get(0);
        Series source = Reports.density(false);
        assertArrayEquals(source.column("x"), first.x());
        assertArrayEquals(source.column("forward"), first.forward());
        assertArrayEquals(source.column("estimated"), first.estimated());
        assertFalse(first.histogram());
    }

    @Test
    void theHistogramFallbackColumnIsReadAndMarked() {
        List<DensityProfile> profiles = DensityProfile.of(withTables(Map.of("density_t0.0000", Reports.density(true))));

        assertEquals(1, profiles.size());
        assertTrue(profiles.get(0).histogram());
        assertArrayEquals(Reports.density(true).column("estimated_histogram"), profiles.get(0).estimated());
    }

    @Test
    void theProfileAtTauIsTheOneAtTheEndOfTheForwardProcess() {
        assertEquals(1.0, DensityProfile.atEnd(Reports.run(0, Map.of())).orElseThrow().fraction());
        assertTrue(DensityProfile.atEnd(withTables(Map.of("density_t0.5000", Reports.density(false)))).isEmpty());
        assertTrue(DensityProfile.of(withTables(Map.of())).isEmpty());
    }

    @Test
    void timesAreWrittenAsSimpleFractionsOfTau() {
        assertEquals("0", DensityProfile.timeLabel(0.0));
        assertEquals("τ/3", DensityProfile.timeLabel(0.3333));      // four decimals, as in the table names
        assertEquals("2τ/3", DensityProfile.timeLabel(0.6667));
        assertEquals("τ", DensityProfile.timeLabel(1.0));
        assertEquals("τ/2", DensityProfile.timeLabel(0.5));
        assertEquals("3τ/4", DensityProfile.timeLabel(0.75));
        assertEquals("0.1235τ", DensityProfile.timeLabel(0.123456));
    }
}
