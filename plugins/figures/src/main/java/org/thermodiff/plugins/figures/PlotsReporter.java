package org.thermodiff.plugins.figures;

import java.io.IOException;
import java.util.List;
import java.util.logging.Logger;
import org.thermodiff.report.AtomicFiles;
import org.thermodiff.spi.Reporter;
import org.thermodiff.spi.report.ExperimentReport;

/** {@code plots}: every figure of the {@link Gallery} as {@code figures/<name>.png} and {@code figures/<name>.svg}. */
final class PlotsReporter implements Reporter {

    private static final Logger LOG = Logger.getLogger(PlotsReporter.class.getName());

    private final FigureOptions options;

    PlotsReporter(FigureOptions options) {
        this.options = options;
    }

    /** With the default options. */
    PlotsReporter() {
        this(FigureOptions.DEFAULT);
    }

    @Override
    public void report(ExperimentReport report) throws IOException {
        long start = System.nanoTime();
        Gallery gallery = Gallery.of(report, options);
        List<Gallery.RenderedFigure> figures = gallery.render(true);
        write(report, figures);
        LOG.fine(() -> String.format(java.util.Locale.ROOT, "%s: %d figures in %d ms", report.name(), figures.size(),
                (System.nanoTime() - start) / 1_000_000));
        gallery.failOnErrors();
    }

    /** Writes each figure's PNG and SVG under the experiment directory, atomically. */
    static void write(ExperimentReport report, List<Gallery.RenderedFigure> figures) throws IOException {
        for (Gallery.RenderedFigure f : figures) {
            AtomicFiles.write(report.directory().resolve(f.pngPath()), f.png());
            AtomicFiles.write(report.directory().resolve(f.svgPath()), f.svg());
        }
    }
}
