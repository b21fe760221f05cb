package org.thermodiff.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thermodiff.cli.ExitCode;

/** What users rely on (DESIGN.md §4), checked on one run of the paper experiment. */
class ResultsContractTest {

    static final List<String> SCHEDULES = List.of("cosine", "cond-ot", "ot");
    static final List<String> PERTURBATIONS = List.of("gaussian-mean", "gaussian-variance", "gaussian-mixture", "uniform");
    static final List<String> METRIC_KEYS = List.of("D0", "W1_generated", "W1_initial", "eta", "c1", "c2", "dissipation",
            "bounds_hold");
    static final List<String> SERIES_COLUMNS = List.of("t", "W1", "dW1dt", "vloss2", "v2sq", "TSdot");

    static Fig4Run fig4;
    static JsonObject results;

    @BeforeAll
    static void runFig4() {
        fig4 = Fig4Run.get();
        assertEquals(ExitCode.OK, fig4.result.exitCode(), fig4.result::describe);
        results = Experiments.results(fig4.directory());
    }

    @Test
    void resultsJsonNamesTheExperimentAndHasOneEntryPerRun() {
        assertEquals("fig4", results.getString("experiment"));
        assertEquals(12, results.getJsonArray("runs").size());
        assertEquals(new JsonArray(List.of("schedule", "perturbation")), results.getJsonArray("axes"));
    }

    @Test
    void labelsAreExactlyEveryCombinationOfScheduleAndPerturbation() {
        Set<List<String>> seen = new HashSet<>();
        Experiments.runs(results).forEach(run -> {
            JsonObject labels = run.getJsonObject("labels");
            assertEquals(Set.of("schedule", "perturbation"), labels.fieldNames(), labels::encode);
            seen.add(List.of(labels.getString("schedule"), labels.getString("perturbation")));
        });
        Set<List<String>> expected = new HashSet<>();
        for (String s : SCHEDULES) {
            for (String p : PERTURBATIONS) {
                expected.add(List.of(s, p));
            }
        }
        assertEquals(expected, seen);
    }

    @Test
    void everyRunHasTheContractMetricsWithTheirTypes() {
        Experiments.runs(results).forEach(run -> {
            String where = run.getJsonObject("labels").encode();
            assertEquals("ok", run.getString("status"), where);
            JsonObject metrics = run.getJsonObject("metrics");
            assertTrue(metrics.fieldNames().containsAll(METRIC_KEYS), where + " has " + metrics.fieldNames());
            for (String key : METRIC_KEYS) {
                Object value = metrics.getValue(key);
                if (key.equals("bounds_hold")) {
                    assertEquals(Boolean.TRUE, value, where + " " + key);
                } else {
                    assertInstanceOf(Double.class, value, where + " " + key);
                    assertTrue(Double.isFinite((Double) value), where + " " + key + " = " + value);
                }
            }
            assertTrue(metrics.getDouble("D0") > 0 && metrics.getDouble("c2") > 0, where);
            assertTrue(metrics.getDouble("eta") <= metrics.getDouble("c1") * (1 + 1e-8)
                    && metrics.getDouble("c1") <= metrics.getDouble("c2") * (1 + 1e-8), "η ≤ c1 ≤ c2 in " + where);
        });
    }

    @Test
    void seriesPointsAtAnExistingCsvWithTheContractColumnsAndNumericRows() {
        Experiments.runs(results).forEach(run -> {
            JsonObject labels = run.getJsonObject("labels");
            String expected = "series/" + labels.getString("schedule") + "__" + labels.getString("perturbation") + ".csv";
            assertEquals(expected, run.getString("series"));
            Path csv = fig4.directory().resolve(expected);
            assertTrue(Files.isRegularFile(csv), csv::toString);
            List<String> lines = Experiments.read(csv).lines().toList();
            List<String> header = List.of(lines.get(0).split(","));
            assertEquals(SERIES_COLUMNS, header.subList(0, SERIES_COLUMNS.size()), expected);
            // fig4's time grid: 4 panels of 16 Gauss–Legendre nodes, plus t = 0 and t = τ
            // header; 4 panels of 16 Gauss–Legendre nodes; both ends; τ/3 and 2τ/3 (time.marks = 3)
            assertEquals(1 + 4 * 16 + 2 + 2, lines.size(), expected + ": header and one row per output time");
            double previousT = -1;
            for (String line : lines.subList(1, lines.size())) {
                String[] cells = line.split(",", -1);
                assertEquals(header.size(), cells.length, expected + ": " + line);
                for (String cell : cells) {
                    double v = Double.parseDouble(cell);
                    assertTrue(Double.isFinite(v), expected + ": " + line);
                }
                double t = Double.parseDouble(cells[0]);
                assertTrue(t > previousT, expected + ": times increase");
                previousT = t;
            }
            assertEquals(0.0, Double.parseDouble(lines.get(1).split(",")[0]), expected);
            assertEquals(1.0, Double.parseDouble(lines.get(lines.size() - 1).split(",")[0]), expected);
        });
    }

    @Test
    void noNanOrInfinityInAnyOutputFile() {
        List<Path> files = Experiments.files(fig4.directory());
        assertEquals(3 + 12 + 12 * 4 + 2 + 2 * 2 * 4 + 12, files.size(), "results.json, results.csv, table.txt, 12 series, "
                + "4 density profiles per run, report.html, report.md, 2 figures (PNG and SVG) per perturbation and "
                + "12 stored runs: " + files);
        for (Path file : files) {
            if (file.toString().endsWith(".png")) {
                continue;   // binary; report.html embeds the same bytes
            }
            // Base64 of the embedded figures may spell anything; the text around it may not.
            String text = Experiments.read(file).replaceAll("data:image/png;base64,[A-Za-z0-9+/=]*", "");
            assertFalse(text.contains("NaN"), file + " contains NaN");
            assertFalse(text.contains("Infinity"), file + " contains Infinity");
        }
        assertNumbersFinite(results, "results.json");
    }

    private static void assertNumbersFinite(Object node, String path) {
        if (node instanceof JsonObject o) {
            o.forEach(e -> assertNumbersFinite(e.getValue(), path + "." + e.getKey()));
        } else if (node instanceof JsonArray a) {
            for (int i = 0; i < a.size(); i++) {
                assertNumbersFinite(a.getValue(i), path + "[" + i + "]");
            }
        } else if (node instanceof Number n) {
            assertTrue(Double.isFinite(n.doubleValue()), path + " = " + n);
        }
    }

    @Test
    void theReportShowsTheDescriptionOfTheYamlAndTheMarkdownTwinLinksFiguresThatExist() {
        String html = Experiments.read(fig4.directory().resolve("report.html"));
        // fig4.yaml's description, folded by YAML into one line and HTML-escaped.
        assertTrue(html.contains("<p class=\"description\">Paper Fig. 4: data q = 0.5 N(+sqrt(0.35), 0.3^2)"), "description");
        assertTrue(html.contains("<h1>fig4</h1>"));
        String md = Experiments.read(fig4.directory().resolve("report.md"));
        List<String> links = md.lines().filter(l -> l.startsWith("![")).map(l -> l.substring(l.indexOf("](") + 2, l.length() - 1))
                .toList();
        assertEquals(2 * PERTURBATIONS.size(), links.size(), md);
        links.forEach(link -> assertTrue(link.startsWith("figures/") && Files.isRegularFile(fig4.directory().resolve(link)), link));
    }

    @Test
    void outputIsWrittenAtomicallyWithoutLeftoverTemporaryFiles() {
        List<Path> leftovers = Experiments.files(fig4.out).stream()
                .filter(p -> p.getFileName().toString().endsWith(".tmp") || p.getFileName().toString().startsWith("."))
                .toList();
        assertEquals(List.of(), leftovers);
    }

    @Test
    void rerunIntoTheSameOutputDirectoryReplacesEveryFileCleanly(@TempDir Path dir) {
        Path file = Experiments.write(dir, "rerun", """
                perturbation: { name: gaussian-mean, type: gaussian, mean: 1.0, stddev: 1.0 }
                matrix:
                  schedule: [cosine, ot]
                report: [table, json, csv]
                """);
        Path out = dir.resolve("out");
        Path exp = out.resolve("rerun");
        assertEquals(ExitCode.OK, Cli.run(file, out).exitCode());
        JsonObject first = Experiments.results(exp);
        String firstSeries = Experiments.read(exp.resolve("series/ot.csv"));
        // Damage the previous results: the re-run must replace them, not append to or trip over them.
        Experiments.writeRaw(exp, "results.json", "{ truncated");
        Experiments.writeRaw(exp, "results.csv", "");
        Experiments.writeRaw(exp.resolve("series"), "ot.csv", "t,W1\n0.0,");

        Cli.Result again = Cli.run(file, out);

        assertEquals(ExitCode.OK, again.exitCode(), again::describe);
        JsonObject second = Experiments.results(exp);
        assertEquals(2, second.getJsonArray("runs").size());
        for (int i = 0; i < 2; i++) {
            assertEquals(first.getJsonArray("runs").getJsonObject(i).getJsonObject("metrics"),
                    second.getJsonArray("runs").getJsonObject(i).getJsonObject("metrics"));
        }
        assertNotEquals(first.getJsonObject("provenance").getString("started"),
                second.getJsonObject("provenance").getString("started"), "results.json is the new run's");
        assertEquals(firstSeries, Experiments.read(exp.resolve("series/ot.csv")));
        assertEquals(3, Experiments.read(exp.resolve("results.csv")).lines().count());
        List<String> names = Experiments.files(exp).stream().map(p -> exp.relativize(p).toString())
                .map(n -> n.matches("runs/[0-9a-f]{64}\\.json") ? "runs/<key>.json" : n).toList();
        assertEquals(List.of("results.csv", "results.json", "runs/<key>.json", "runs/<key>.json", "series/cosine.csv",
                "series/ot.csv", "table.txt"), names, "no temporary or stray files");
    }
}
