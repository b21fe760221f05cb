package org.thermodiff.plugins.reporters;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.thermodiff.report.AtomicFiles;
import org.thermodiff.report.Numbers;
import org.thermodiff.report.RunReportJson;
import org.thermodiff.spi.Reporter;
import org.thermodiff.spi.metrics.Series;
import org.thermodiff.spi.report.ExperimentReport;
import org.thermodiff.spi.report.RunReport;

/**
 * {@code results.json} and one series CSV per run, exactly as DESIGN.md §4 specifies: runs with
 * {@code labels}, {@code metrics} (keys {@code D0}, {@code W1_generated}, {@code W1_initial},
 * {@code eta}, {@code c1}, {@code c2}, {@code dissipation}, {@code bounds_hold} and more) and
 * {@code series: series/<labels>.csv} with columns {@code t, W1, dW1dt, vloss2, v2sq, TSdot}.
 * Further tables of the metrics (density profiles) go to {@code tables/<labels>/<name>.csv}. Each
 * run also records its stage timings, the sampler's diagnostics and its resolved configuration. A
 * failed run has {@code status: failed} and its {@code error}. Every file is written atomically.
 */
final class JsonReporter implements Reporter {

    /** Directory of the series files, relative to the experiment directory. */
    static final String SERIES_DIR = "series";
    /** Directory of further tables (density profiles …), one subdirectory per run. */
    static final String TABLES_DIR = "tables";

    @Override
    public void report(ExperimentReport report) throws IOException {
        JsonArray runs = new JsonArray();
        for (RunReport run : report.runs()) {
            JsonObject entry = new JsonObject()
                    .put("index", run.index())
                    .put("labels", object(run.labels()))
                    .put("status", run.succeeded() ? "ok" : "failed")
                    .put("seed", run.seed());
            if (run.succeeded()) {
                JsonObject metrics = new JsonObject();
                run.values().forEach(metrics::put);
                entry.put("metrics", metrics);
                entry.put("checks", RunReportJson.checks(run.checks()));
                if (run.series().rows() > 0) {
                    String file = SERIES_DIR + "/" + run.slug() + ".csv";
                    AtomicFiles.write(report.directory().resolve(file), csv(run.series()));
                    entry.put("series", file);
                }
                if (!run.tables().isEmpty()) {
                    JsonObject tables = new JsonObject();
                    for (var t : run.tables().entrySet()) {
                        String file = TABLES_DIR + "/" + run.slug() + "/" + t.getKey() + ".csv";
                        AtomicFiles.write(report.directory().resolve(file), csv(t.getValue()));
                        tables.put(t.getKey(), file);
                    }
                    entry.put("tables", tables);
                }
            } else {
                RunReport.RunError error = run.error().orElseThrow();
                entry.put("error", new JsonObject().put("stage", error.stage()).put("message", error.message()));
            }
            entry.put("timings_ms", object(run.timings()));
            entry.put("diagnostics", object(run.diagnostics()));
            entry.put("configuration", new JsonObject(run.configuration()));
            runs.add(entry);
        }
        JsonObject root = new JsonObject()
                .put("experiment", report.name())
                .put("source", String.valueOf(report.source()))
                .put("axes", new JsonArray(report.axes()))
                .put("runs", runs)
                .put("failed", report.failures())
                .put("violations", report.violations())
                .put("wall_ms", report.wallMillis())
                .put("provenance", object(report.provenance()));
        AtomicFiles.write(report.directory().resolve("results.json"), root.encodePrettily() + "\n");
    }

    /** The series as CSV with a header row, numbers in shortest round-trip form. */
    static String csv(Series series) {
        StringBuilder sb = new StringBuilder(String.join(",", series.names())).append('\n');
        List<String> names = series.names();
        for (int r = 0; r < series.rows(); r++) {
            for (int c = 0; c < names.size(); c++) {
                if (c > 0) {
                    sb.append(',');
                }
                sb.append(Numbers.exact(series.get(r, names.get(c))));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** A JSON object keeping the map's order. */
    private static JsonObject object(Map<String, ?> map) {
        JsonObject o = new JsonObject();
        map.forEach(o::put);
        return o;
    }
}
