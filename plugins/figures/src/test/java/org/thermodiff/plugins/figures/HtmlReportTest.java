package org.thermodiff.plugins.figures;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.thermodiff.plugins.figures.Reports.labels;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.thermodiff.spi.metrics.BoundCheck;
import org.thermodiff.spi.report.ExperimentReport;
import org.thermodiff.spi.report.RunReport;

class HtmlReportTest {

    private static final Path DIR = Path.of("unused");
    private static final String HOSTILE_YAML = """
            name: synthetic   # <script>alert("x")</script> & 'quotes'
            description: "a < b > c"
            """;

    static ExperimentReport report;
    static List<Gallery.RenderedFigure> figures;
    static String html;

    @BeforeAll
    static void render() throws Exception {
        List<RunReport> runs = new ArrayList<>(Reports.fig4Like(DIR).runs());
        runs.set(5, Reports.failed(5, runs.get(5).labels(), "sampler", "diverged <badly>"));
        runs.set(1, Reports.withChecks(runs.get(1), List.of(BoundCheck.of("eta<=c1", "Eq. 82", 0.3, 0.2, 0))));
        ExperimentReport base = Reports.experiment(DIR, List.of("schedule", "perturbation"), runs);
        report = new ExperimentReport(base.name(), "Compares <schedules> & starts.", base.source(), HOSTILE_YAML,
                base.directory(), base.axes(), base.runs(), base.provenance(), base.wallMillis());
        Gallery gallery = Gallery.of(report);
        figures = gallery.render(false);
        html = HtmlReport.render(ReportContent.of(report, figures, gallery.notes()));
    }

    /** The body of the element {@code <tag id="id">…</tag>}. */
    private static String element(String tag, String id) {
        Matcher m = Pattern.compile("<" + tag + " id=\"" + id + "\">(.*?)</" + tag + ">", Pattern.DOTALL).matcher(html);
        assertTrue(m.find(), "no <" + tag + " id=" + id + ">");
        return m.group(1);
    }

    private static List<String> bodyRows(String table) {
        String body = table.substring(table.indexOf("<tbody>"));
        List<String> rows = new ArrayList<>();
        Matcher m = Pattern.compile("<tr>(.*?)</tr>", Pattern.DOTALL).matcher(body);
        while (m.find()) {
            rows.add(m.group(1));
        }
        return rows;
    }

    @Test
    void theExperimentYamlIsShownEscapedAndCannotInjectMarkup() {
        String pre = element("section", "experiment");

        assertTrue(pre.contains("# &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39;"), pre);
        assertTrue(pre.contains("description: &quot;a &lt; b &gt; c&quot;"), pre);
        assertFalse(html.contains("<script>alert"));
        assertEquals(1, html.split("<script>", -1).length - 1, "only the page's own image check is a script");
    }

    @Test
    void theHeaderNamesTheExperimentAndShowsItsDescriptionEscaped() {
        assertTrue(html.contains("<h1>synthetic</h1>"));
        assertTrue(html.contains("<p class=\"description\">Compares &lt;schedules&gt; &amp; starts.</p>"));
    }

    @Test
    void theResultsTableHasAHeaderAndOneRowPerRunWithLabelsAndNumbers() {
        String table = element("table", "results-table");
        for (String h : List.of("schedule", "perturbation", "η", "c₁", "c₂", "D₀", "W₁ generated", "W₁ initial")) {
            assertTrue(table.contains("<th>" + h + "</th>"), h);
        }
        List<String> rows = bodyRows(table);
        assertEquals(report.runs().size(), rows.size());
        assertTrue(rows.get(0).startsWith("<td>cosine</td><td>gaussian-mean</td><td class=\"num\">0.09</td>"), rows.get(0));
        assertTrue(rows.get(5).contains("FAILED in sampler: diverged &lt;badly&gt;"), rows.get(5));
    }

    @Test
    void theChecksShowVerdictMarginNameAndEquationPerRun() {
        String table = element("table", "checks-table");
        assertTrue(table.contains("<th>eta&lt;=c1 (Eq. 82)</th>") && table.contains("<th>c1&lt;=c2 (Eq. 82)</th>"), table);
        List<String> rows = bodyRows(table);
        assertEquals(report.runs().size(), rows.size());
        assertTrue(rows.get(0).contains("<td class=\"ok num\">✓ 0.02</td>"), rows.get(0));
        assertTrue(rows.get(1).contains("<td class=\"bad\">✗ -0.1</td>"), rows.get(1));
    }

    @Test
    void everyFigureIsEmbeddedAsAPngDataUriAndNothingIsLoadedFromElsewhere() {
        Matcher img = Pattern.compile("<img src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"").matcher(html);
        List<byte[]> embedded = new ArrayList<>();
        while (img.find()) {
            embedded.add(Base64.getDecoder().decode(img.group(1)));
        }
        assertEquals(figures.size(), embedded.size());
        assertEquals(4, figures.size(), "density and trade-off figures for two perturbations");
        for (int i = 0; i < figures.size(); i++) {
            assertArrayEquals(figures.get(i).png(), embedded.get(i), figures.get(i).figure().name());
        }
        assertEquals(figures.size(), html.split("<img ", -1).length - 1, "no other images");
        Matcher refs = Pattern.compile("(?:src|href)=\"(?!data:|#)([^\"]*)\"").matcher(html);
        assertFalse(refs.find(), () -> "external reference " + refs.group(1));
        assertTrue(html.contains("data-images-total=\"" + figures.size() + "\""));
    }

    @Test
    void notesOnWhatWasLeftOutAndTheProvenanceAreShown() {
        String section = element("section", "figures");
        assertTrue(section.contains("<ul class=\"notes\">") && section.contains("[ot, uniform] failed in sampler"), section
                .substring(0, Math.min(2000, section.length())));
        String provenance = element("table", "provenance-table");
        assertTrue(provenance.contains("<td>git.commit</td><td>abc123</td>"), provenance);
    }
}
