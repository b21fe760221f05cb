package org.thermodiff.plugins.figures;

import java.util.List;
import org.thermodiff.spi.report.ExperimentReport;

/**
 * What a report says, computed once for both its renderings ({@link HtmlReport},
 * {@link MarkdownReport}).
 *
 * @param report     the experiment
 * @param results    {@link ReportTables#results}
 * @param checks     {@link ReportTables#checks}
 * @param provenance {@link ReportTables#provenance}
 * @param figures    the drawn figures
 * @param notes      what was left out of the figures, and why
 */
record ReportContent(ExperimentReport report, ReportTables.Table results, ReportTables.Table checks,
                     ReportTables.Table provenance, List<Gallery.RenderedFigure> figures, List<String> notes) {

    ReportContent {
        figures = List.copyOf(figures);
        notes = List.copyOf(notes);
    }

    /** The content of the report on {@code report} with its drawn figures. */
    static ReportContent of(ExperimentReport report, List<Gallery.RenderedFigure> figures, List<String> notes) {
        return new ReportContent(report, ReportTables.results(report), ReportTables.checks(report),
                ReportTables.provenance(report), figures, notes);
    }

    /** How many leading columns of the run tables are labels (text, not numbers). */
    int labelColumns() {
        return report.axes().isEmpty() ? 1 : report.axes().size();
    }
}
