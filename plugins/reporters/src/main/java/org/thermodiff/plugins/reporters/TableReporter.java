package org.thermodiff.plugins.reporters;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.thermodiff.report.AtomicFiles;
import org.thermodiff.report.Numbers;
import org.thermodiff.spi.Reporter;
import org.thermodiff.spi.report.ExperimentReport;
import org.thermodiff.spi.report.RunReport;

/**
 * A console table of the headline numbers, one row per run; also saved as {@code table.txt}.
 */
final class TableReporter implements Reporter {

    private static final List<String> COLUMNS = List.of("eta", "c1", "c2", "D0", "W1_generated", "W1_initial");

    private final PrintStream out;

    TableReporter(PrintStream out) {
        this.out = out;
    }

    @Override
    public void report(ExperimentReport report) throws IOException {
        String table = render(report);
        out.print(table);
        out.flush();
        AtomicFiles.write(report.directory().resolve("table.txt"), table);
    }

    static String render(ExperimentReport report) {
        List<String> header = new ArrayList<>(report.axes());
        header.addAll(COLUMNS);
        header.add("bounds");
        List<List<String>> rows = new ArrayList<>();
        for (RunReport run : report.runs()) {
            List<String> row = new ArrayList<>();
            for (String axis : report.axes()) {
                row.add(run.labels().getOrDefault(axis, ""));
            }
            if (run.succeeded()) {
                for (String c : COLUMNS) {
                    Object v = run.values().get(c);
                    row.add(v instanceof Double d ? Numbers.brief(d) : v == null ? "" : v.toString());
                }
                row.add(run.boundsHold() ? "hold" : "VIOLATED");
            } else {
                row.add("FAILED in " + run.error().orElseThrow().stage() + ": " + run.error().orElseThrow().message());
            }
            rows.add(row);
        }
        int[] width = new int[header.size()];
        for (int c = 0; c < header.size(); c++) {
            width[c] = header.get(c).length();
        }
        for (List<String> row : rows) {
            for (int c = 0; c < row.size() && c < width.length; c++) {
                if (c < row.size() - 1 || row.size() == width.length) {
                    width[c] = Math.max(width[c], row.get(c).length());
                }
            }
        }
        StringBuilder sb = new StringBuilder();
        sb.append(report.name()).append(": ").append(report.runs().size()).append(" runs, ")
                .append(report.failures()).append(" failed, ").append(report.violations()).append(" with violated bounds, ")
                .append(String.format(java.util.Locale.ROOT, "%.2f s", report.wallMillis() / 1000.0)).append('\n');
        appendRow(sb, header, width);
        StringBuilder rule = new StringBuilder();
        for (int w : width) {
            rule.append("-".repeat(w)).append("  ");
        }
        sb.append(rule.toString().stripTrailing()).append('\n');
        for (List<String> row : rows) {
            appendRow(sb, row, width);
        }
        return sb.toString();
    }

    private static void appendRow(StringBuilder sb, List<String> cells, int[] width) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            String cell = cells.get(c);
            boolean last = c == cells.size() - 1;
            line.append(last ? cell : String.format("%-" + width[c] + "s  ", cell));
        }
        sb.append(line.toString().stripTrailing()).append('\n');
    }
}
