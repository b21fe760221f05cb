package org.thermodiff.plugins.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thermodiff.spi.report.ExperimentReport;
import org.thermodiff.spi.report.RunReport;

class ReportersTest {

    private static List<String> files(Path dir) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }

    @Test
    void reportWritesTheHtmlTheMarkdownAndTheFiguresAndNothingElse(@TempDir Path dir) throws Exception {
        new HtmlReporter().report(Reports.fig4Like(dir));

        assertEquals(List.of("figures/density__gaussian-mean.png", "figures/density__gaussian-mean.svg",
                "figures/density__uniform.png", "figures/density__uniform.svg",
                "figures/tradeoff__gaussian-mean.png", "figures/tradeoff__gaussian-mean.svg",
                "figures/tradeoff__uniform.png", "figures/tradeoff__uniform.svg", "report.html", "report.md"),
                files(dir), "no temporary files left behind");
        for (String png : List.of("density__uniform", "tradeoff__gaussian-mean")) {
            BufferedImage image = ImageIO.read(dir.resolve("figures/" + png + ".png").toFile());
            assertNotNull(image, png);
            assertEquals(Figure.WIDTH, image.getWidth());
        }
        String md = Files.readString(dir.resolve("report.md"), StandardCharsets.UTF_8);
        for (String link : md.lines().filter(l -> l.startsWith("![")).toList()) {
            String target = link.substring(link.indexOf("](") + 2, link.length() - 1);
            assertTrue(Files.isRegularFile(dir.resolve(target)), link);
        }
    }

    @Test
    void plotsWritesEachFigureAsPngAndSvg(@TempDir Path dir) throws Exception {
        new PlotsReporter().report(Reports.fig4Like(dir));

        List<String> files = files(dir);
        assertEquals(8, files.size(), files::toString);
        for (String f : files) {
            assertTrue(f.startsWith("figures/") && (f.endsWith(".png") || f.endsWith(".svg")), f);
        }
        String svg = Files.readString(dir.resolve("figures/tradeoff__uniform.svg"), StandardCharsets.UTF_8);
        assertTrue(svg.contains("<svg"));
    }

    @Test
    void anExperimentWhoseRunsAllFailedStillGetsAReportSayingWhy(@TempDir Path dir) throws Exception {
        List<RunReport> failed = Reports.fig4Like(dir).runs().stream()
                .map(r -> Reports.failed(r.index(), r.labels(), "forward", "schedule exploded")).toList();
        ExperimentReport report = Reports.experiment(dir, List.of("schedule", "perturbation"), failed);

        new HtmlReporter().report(report);
        new PlotsReporter().report(report);

        assertEquals(List.of("report.html", "report.md"), files(dir));
        String html = Files.readString(dir.resolve("report.html"), StandardCharsets.UTF_8);
        assertTrue(html.contains("No figures") && html.contains("schedule exploded"), html);
    }
}
