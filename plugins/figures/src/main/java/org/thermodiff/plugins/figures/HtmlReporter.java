package org.thermodiff.plugins.figures;

import java.io.IOException;
import java.util.List;
import java.util.logging.Logger;
import org.thermodiff.report.AtomicFiles;
import org.thermodiff.spi.Reporter;
import org.thermodiff.spi.report.ExperimentReport;

/**
 * {@code report}: {@code report.html} (self-contained, see {@link HtmlReport}), its Markdown twin
 * {@code report.md}, and the figures as {@code figures/*.png} (which the latter links to) and
 * {@code figures/*.svg}; the figures are drawn once for all of them, so listing {@code plots} as well
 * only draws them again.
 */
final class HtmlReporter implements Reporter {

    static final String HTML = "report.html";
    static final String MARKDOWN = "report.md";
    private static final Logger LOG = Logger.getLogger(HtmlReporter.class.getName());

    private final FigureOptions options;

    HtmlReporter(FigureOptions options) {
        this.options = options;
    }

    /** With the default options. */
    HtmlReporter() {
        this(FigureOptions.DEFAULT);
    }

    @Override
    public void report(ExperimentReport report) throws IOException {
        long start = System.nanoTime();
        Gallery gallery = Gallery.of(report, options);
        List<Gallery.RenderedFigure> figures = gallery.render(true);
        PlotsReporter.write(report, figures);
        ReportContent content = ReportContent.of(report, figures, gallery.notes());
        AtomicFiles.write(report.directory().resolve(MARKDOWN), MarkdownReport.render(content));
        AtomicFiles.write(report.directory().resolve(HTML), HtmlReport.render(content));
        LOG.fine(() -> String.format(java.util.Locale.ROOT, "%s: report with %d figures in %d ms", report.name(),
                figures.size(), (System.nanoTime() - start) / 1_000_000));
        gallery.failOnErrors();
    }
}
