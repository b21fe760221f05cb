package org.thermodiff.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.thermodiff.spi.metrics.BoundCheck;
import org.thermodiff.spi.metrics.Series;
import org.thermodiff.spi.report.RunReport;

/** The JSON of a run's results must give back exactly the report it was made from. */
class RunReportJsonTest {

    private static RunReport sample() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("eta", 0.08981214186340463);
        values.put("c1", Math.nextUp(0.1)); // a value whose shortest decimal form needs all 17 digits
        values.put("D0", Double.POSITIVE_INFINITY);
        values.put("field_error", Double.NaN);
        values.put("bounds_hold", true);
        values.put("training_steps", 4000L);
        Series series = Series.withTimes(new double[] {0, 0.5, 1})
                .column("W1", new double[] {1e-300, Math.PI, Double.NEGATIVE_INFINITY}).build();
        Map<String, Object> configuration = new LinkedHashMap<>();
        configuration.put("tau", 1.0);
        configuration.put("seed", -7L);
        configuration.put("metrics", List.of(Map.of("type", "speed-accuracy"), Map.of("type", "samples", "count", 3)));
        return new RunReport(3, Map.of("schedule", "cosine"), -7L, values, series,
                List.of(BoundCheck.of("eta<=c1", "Eq. 82", 0.0898, 0.1, 1e-9)), Optional.empty(),
                Map.of("sampler", 12L), Map.of("nodes", 4001), Map.of("density", series), configuration);
    }

    @Test
    void roundTrip_givesTheSameBits_nonFiniteValuesIncluded() {
        RunReport run = sample();

        RunReport back = RunReportJson.decode(RunReportJson.encode(run).encode());

        assertEquals(run.index(), back.index());
        assertEquals(run.labels(), back.labels());
        assertEquals(run.seed(), back.seed());
        assertEquals(Double.doubleToRawLongBits((Double) run.values().get("c1")),
                Double.doubleToRawLongBits((Double) back.values().get("c1")));
        assertEquals(run.values().get("eta"), back.values().get("eta"));
        assertEquals(Double.POSITIVE_INFINITY, back.values().get("D0"));
        assertTrue(Double.isNaN((Double) back.values().get("field_error")));
        assertEquals(true, back.values().get("bounds_hold"));
        assertEquals(4000L, ((Number) back.values().get("training_steps")).longValue());
        assertEquals(run.series().names(), back.series().names());
        assertArrayEquals(run.series().column("W1"), back.series().column("W1"));
        assertArrayEquals(run.tables().get("density").column("t"), back.tables().get("density").column("t"));
        assertEquals(run.checks(), back.checks());
        assertEquals(run.timings(), back.timings());
        assertEquals(RunReportJson.encodePlain(run.configuration()).encode(),
                RunReportJson.encodePlain(back.configuration()).encode());
        assertTrue(back.succeeded());
    }

    @Test
    void failedRun_keepsItsError() {
        RunReport failed = new RunReport(0, Map.of(), 1, Map.of(), Series.empty(), List.of(),
                Optional.of(new RunReport.RunError("sampler", "diverged")), Map.of(), Map.of(), Map.of(), Map.of());

        RunReport back = RunReportJson.decode(RunReportJson.encode(failed).encode());

        assertEquals(failed.error(), back.error());
        assertEquals(0, back.series().rows());
    }

    @Test
    void malformedInput_isAnIllegalArgumentNamingWhatIsWrong() {
        String good = RunReportJson.encode(sample()).encode();

        assertTrue(assertThrows(IllegalArgumentException.class, () -> RunReportJson.decode("{\"format\": 1,"))
                .getMessage().startsWith("not JSON"));
        assertEquals("run result format 2, expected 1", assertThrows(IllegalArgumentException.class,
                () -> RunReportJson.decode(good.replace("\"format\":1", "\"format\":2"))).getMessage());
        assertEquals("malformed run result: no 'series'", assertThrows(IllegalArgumentException.class,
                () -> RunReportJson.decode(good.replace("\"series\":", "\"serie\":"))).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> RunReportJson.decode(good.replace("\"index\":3", "\"index\":\"3\""))).getMessage()
                .startsWith("malformed run result"));
    }
}
