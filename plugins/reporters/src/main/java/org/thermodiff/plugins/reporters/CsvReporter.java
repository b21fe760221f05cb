package org.thermodiff.plugins.reporters;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.thermodiff.report.AtomicFiles;
import org.thermodiff.report.Numbers;
import org.thermodiff.spi.Reporter;
import org.thermodiff.spi.report.ExperimentReport;
import org.thermodiff.spi.report.RunReport;

/**
 * {@code results.csv}: one row per run with its labels, status, every metric and the error of a
 * failed run, for spreadsheets and data frames.
 */
final class CsvReporter implements Reporter {

    @Override
    public void report(ExperimentReport report) throws IOException {
        Set<String> metrics = new LinkedHashSet<>();
        report.runs().forEach(r -> metrics.addAll(r.values().keySet()));
        List<String> header = new ArrayList<>(report.axes());
        header.add("status");
        header.addAll(metrics);
        header.add("error");
        StringBuilder sb = new StringBuilder(String.join(",", header)).append('\n');
        for (RunReport run : report.runs()) {
            List<String> row = new ArrayList<>();
            report.axes().forEach(a -> row.add(quote(run.labels().getOrDefault(a, ""))));
            row.add(run.succeeded() ? "ok" : "failed");
            for (String m : metrics) {
                Object v = run.values().get(m);
                row.add(v == null ? "" : Numbers.exact(v));
            }
            row.add(run.error().map(e -> quote(e.stage() + ": " + e.message())).orElse(""));
            sb.append(String.join(",", row)).append('\n');
        }
        AtomicFiles.write(report.directory().resolve("results.csv"), sb.toString());
    }

    /** RFC 4180 quoting where needed. */
    static String quote(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
