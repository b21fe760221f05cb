package org.thermodiff.plugins.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.thermodiff.plugins.figures.Reports.labels;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.thermodiff.spi.report.ExperimentReport;

class MarkdownReportTest {

    private static final Path DIR = Path.of("unused");

    private static String markdown(ExperimentReport report) throws Exception {
        Gallery gallery = Gallery.of(report);
        return MarkdownReport.render(ReportContent.of(report, gallery.render(false), gallery.notes()));
    }

    @Test
    void tablesAreGithubTablesWithASeparatorAndOneLinePerRun() throws Exception {
        ExperimentReport report = Reports.fig4Like(DIR);
        List<String> lines = markdown(report).lines().toList();

        int header = lines.indexOf("| schedule | perturbation | η | c₁ | c₂ | D₀ | W₁ generated | W₁ initial | bounds |");
        assertTrue(header > 0, String.join("\n", lines));
        assertEquals("|" + " --- |".repeat(9), lines.get(header + 1));
        for (int i = 0; i < report.runs().size(); i++) {
            String row = lines.get(header + 2 + i);
            assertTrue(row.startsWith("| ") && row.endsWith(" |") && row.split(" \\| ", -1).length == 9, row);
        }
        assertEquals("| cosine | gaussian-mean | 0.09 | 0.11 | 0.2 | 1.718282 | 0.6071609 | 1 | hold |", lines.get(header + 2));
    }

    @Test
    void figuresAreLinkedAsPngFilesUnderFigures() throws Exception {
        String md = markdown(Reports.fig4Like(DIR));

        for (String name : List.of("density__gaussian-mean", "tradeoff__gaussian-mean", "density__uniform",
                "tradeoff__uniform")) {
            assertTrue(md.contains("](figures/" + name + ".png)"), name);
        }
        assertEquals(4, md.split("!\\[", -1).length - 1);
        assertTrue(!md.contains("data:image"), "the Markdown twin links files instead of embedding them");
    }

    @Test
    void cellsWithPipesStayInTheirColumnAndMarkupIsNeutralisedButComparisonsRead() throws Exception {
        ExperimentReport base = Reports.experiment(DIR, List.of("perturbation"),
                List.of(Reports.run(0, labels("perturbation", "a|b"))));
        ExperimentReport report = new ExperimentReport(base.name(), "See <b>this</b>: η <= c1 & more.", base.source(),
                "name: x\n# ``` inside\n", DIR, base.axes(), base.runs(), base.provenance(), base.wallMillis());
        String md = markdown(report);

        assertTrue(md.contains("| a\\|b | 0.09 |"), md);
        assertTrue(md.contains("See &lt;b>this&lt;/b>: η <= c1 & more."), md);
        assertTrue(md.contains("\n````yaml\nname: x\n# ``` inside\n````\n"), "a fence longer than the YAML's backticks\n" + md);
    }
}
