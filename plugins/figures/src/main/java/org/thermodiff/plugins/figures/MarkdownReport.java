package org.thermodiff.plugins.figures;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.thermodiff.spi.report.ExperimentReport;

/**
 * {@code report.md}: the Markdown twin of {@code report.html}, with GitHub-flavoured tables and the
 * figures linked as {@code figures/<name>.png}.
 */
final class MarkdownReport {

    private static final Pattern BACKTICKS = Pattern.compile("`+");
    private static final Pattern TAG = Pattern.compile("<(?=[A-Za-z/!?])");
    private static final Pattern ENTITY = Pattern.compile("&(?=#?[A-Za-z0-9]+;)");

    private MarkdownReport() {
    }

    /** The Markdown. */
    static String render(ReportContent content) {
        ExperimentReport report = content.report();
        List<Gallery.RenderedFigure> figures = content.figures();
        List<String> notes = content.notes();
        StringBuilder m = new StringBuilder(16 * 1024);
        m.append("# ").append(text(report.name())).append("\n\n");
        if (!report.description().isBlank()) {
            m.append(text(report.description().strip())).append("\n\n");
        }
        m.append(text(ReportTables.summary(report))).append("\n\n");

        m.append("## Results\n\n");
        table(m, content.results());
        m.append("\nη = (ΔW₁)²/(τD₀) with ΔW₁ = W₁(q, p) − W₁(P†₀, P̃†₀) (Eq. 79); c₁ = ∫ v_loss(t)² dt; c₂ = ∫ v₂(t)² dt; ")
                .append("D₀ = Pearson χ²(P̃†₀, P†₀) (Eq. 78). The speed-accuracy relation is η ≤ c₁ ≤ c₂ (Eq. 82).\n\n");

        m.append("## Bound checks\n\nEach check is lhs ≤ rhs; a cell shows ✓ (holds) or ✗ (violated) and the margin ")
                .append("rhs − lhs; ‘tight’: equal to within rounding.\n\n");
        table(m, content.checks());

        m.append("\n## Figures\n\n");
        for (String note : notes) {
            m.append("- ").append(text(note)).append('\n');
        }
        if (!notes.isEmpty()) {
            m.append('\n');
        }
        for (Gallery.RenderedFigure f : figures) {
            m.append("### ").append(text(f.figure().title())).append("\n\n")
                    .append("![").append(text(f.figure().title())).append("](").append(f.pngPath()).append(")\n\n")
                    .append(text(f.figure().caption())).append("\n\n");
        }

        String fence = fence(report.definition());
        m.append("## Experiment\n\nSource: `").append(report.source()).append("`\n\n").append(fence).append("yaml\n")
                .append(report.definition().stripTrailing()).append('\n').append(fence).append("\n\n");

        m.append("## Provenance\n\n");
        table(m, content.provenance());
        return m.toString();
    }

    /** A GitHub-flavoured Markdown table. */
    private static void table(StringBuilder m, ReportTables.Table table) {
        m.append('|');
        table.header().forEach(c -> m.append(' ').append(cell(c)).append(" |"));
        m.append("\n|");
        table.header().forEach(c -> m.append(" --- |"));
        m.append('\n');
        for (List<String> row : table.rows()) {
            m.append('|');
            row.forEach(c -> m.append(' ').append(cell(c)).append(" |"));
            m.append('\n');
        }
    }

    /** A table cell: pipes escaped, on one line. */
    static String cell(String s) {
        return text(s).replace("|", "\\|").replaceAll("\\s*\\R\\s*", " ");
    }

    /**
     * Running text with nothing a Markdown renderer would take for HTML: {@code <} before a tag
     * name (or {@code /}, {@code !}, {@code ?}) and {@code &} starting an entity are escaped; a
     * plain {@code a <= b} stays readable.
     */
    static String text(String s) {
        return TAG.matcher(ENTITY.matcher(s).replaceAll("&amp;")).replaceAll("&lt;");
    }

    /** A code fence longer than any run of backticks in {@code code}. */
    static String fence(String code) {
        int longest = 0;
        Matcher matcher = BACKTICKS.matcher(code);
        while (matcher.find()) {
            longest = Math.max(longest, matcher.group().length());
        }
        return "`".repeat(Math.max(3, longest + 1));
    }
}
