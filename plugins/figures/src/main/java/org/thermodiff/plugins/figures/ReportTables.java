package org.thermodiff.plugins.figures;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.thermodiff.report.Numbers;
import org.thermodiff.spi.metrics.BoundCheck;
import org.thermodiff.spi.report.ExperimentReport;
import org.thermodiff.spi.report.RunReport;

/**
 * The tables of a report, as text cells, shared by the HTML and Markdown renderings so that both
 * say the same thing.
 */
final class ReportTables {

    /** Results columns: metric keys of DESIGN.md §4 and their headers. */
    static final List<String> RESULT_KEYS = List.of("eta", "c1", "c2", "D0", "W1_generated", "W1_initial");
    static final List<String> RESULT_HEADERS = List.of("η", "c₁", "c₂", "D₀", "W₁ generated", "W₁ initial");
    /** Marks of a check that holds and one that is violated. */
    static final String HOLDS = "✓";
    static final String VIOLATED = "✗";
    /** What a cell without a value shows. */
    static final String NONE = "—";

    /**
     * A table.
     *
     * @param header column headers
     * @param rows   rows of cells, each as long as the header
     */
    record Table(List<String> header, List<List<String>> rows) {
        Table {
            header = List.copyOf(header);
            rows = rows.stream().map(List::copyOf).toList();
            for (List<String> row : rows) {
                if (row.size() != header.size()) {
                    throw new IllegalArgumentException("row " + row + " does not match header " + header);
                }
            }
        }
    }

    private ReportTables() {
    }

    /**
     * One row per run: its labels, η, c₁, c₂, D₀, W₁(q, p), W₁(P†₀, P̃†₀) and whether the bounds hold
     * ({@code FAILED in <stage>: <message>} for a failed run).
     */
    static Table results(ExperimentReport report) {
        List<String> header = new ArrayList<>(labelHeader(report));
        header.addAll(RESULT_HEADERS);
        header.add("bounds");
        List<List<String>> rows = new ArrayList<>();
        for (RunReport run : report.runs()) {
            List<String> row = new ArrayList<>(labels(report, run));
            for (String key : RESULT_KEYS) {
                Object v = run.values().get(key);
                row.add(v == null ? NONE : v instanceof Double d ? Numbers.brief(d) : String.valueOf(v));
            }
            row.add(run.error().map(e -> "FAILED in " + e.stage() + ": " + e.message())
                    .orElse(run.boundsHold() ? "hold" : "VIOLATED"));
            rows.add(row);
        }
        return new Table(header, rows);
    }

    /**
     * The bound checks: one row per run, one column per check ({@code name (equation)}), each cell
     * {@code ✓} or {@code ✗} followed by the margin {@code rhs − lhs}.
     */
    static Table checks(ExperimentReport report) {
        Map<String, String> equations = new LinkedHashMap<>();
        report.runs().forEach(r -> r.checks().forEach(c -> equations.putIfAbsent(c.name(), c.equation())));
        List<String> header = new ArrayList<>(labelHeader(report));
        equations.forEach((name, eq) -> header.add(eq.isEmpty() ? name : name + " (" + eq + ")"));
        List<List<String>> rows = new ArrayList<>();
        for (RunReport run : report.runs()) {
            List<String> row = new ArrayList<>(labels(report, run));
            for (String name : equations.keySet()) {
                row.add(run.checks().stream().filter(c -> c.name().equals(name)).findFirst().map(ReportTables::check)
                        .orElse(NONE));
            }
            rows.add(row);
        }
        return new Table(header, rows);
    }

    /**
     * {@code ✓ 0.01907649} or {@code ✗ -0.001}: the verdict and the margin; {@code ✓ tight} when the
     * margin is within the check's rounding tolerance (OT's η = c1), where a printed {@code -1e-16}
     * would only look like a violation.
     */
    static String check(BoundCheck c) {
        if (c.holds() && Math.abs(c.margin()) <= c.tolerance()) {
            return HOLDS + " " + TIGHT;
        }
        return (c.holds() ? HOLDS : VIOLATED) + " " + Numbers.brief(c.margin());
    }

    /** Shown for a bound met with equality, to rounding. */
    static final String TIGHT = "tight";

    /** Provenance as key–value rows, nested maps flattened to dotted keys ({@code git.commit}). */
    static Table provenance(ExperimentReport report) {
        List<List<String>> rows = new ArrayList<>();
        flatten("", report.provenance(), rows);
        rows.add(List.of("wall time", String.format(java.util.Locale.ROOT, "%.2f s", report.wallMillis() / 1000.0)));
        return new Table(List.of("key", "value"), rows);
    }

    private static void flatten(String prefix, Map<?, ?> map, List<List<String>> rows) {
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String key = prefix + e.getKey();
            if (e.getValue() instanceof Map<?, ?> nested && !nested.isEmpty()) {
                flatten(key + ".", nested, rows);
            } else {
                rows.add(List.of(key, String.valueOf(e.getValue())));
            }
        }
    }

    /** The headline: {@code 12 runs, 0 failed, 0 with violated bounds, 9.08 s}. */
    static String summary(ExperimentReport report) {
        return report.runs().size() + " runs, " + report.failures() + " failed, " + report.violations()
                + " with violated bounds, " + String.format(java.util.Locale.ROOT, "%.2f s", report.wallMillis() / 1000.0);
    }

    private static List<String> labelHeader(ExperimentReport report) {
        return report.axes().isEmpty() ? List.of("run") : report.axes();
    }

    private static List<String> labels(ExperimentReport report, RunReport run) {
        if (report.axes().isEmpty()) {
            return List.of(String.valueOf(run.index()));
        }
        return report.axes().stream().map(a -> run.labels().getOrDefault(a, "")).toList();
    }
}
