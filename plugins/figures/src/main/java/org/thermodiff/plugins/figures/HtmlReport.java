package org.thermodiff.plugins.figures;

import java.util.Base64;
import java.util.List;
import org.thermodiff.spi.report.ExperimentReport;

/**
 * {@code report.html}: one self-contained page (styles inline, figures as {@code data:} URIs, no
 * network) with the experiment's header, the results table, the bound checks, every figure, the
 * experiment's YAML and its provenance. A small inline script records, once the page has loaded,
 * how many images decoded ({@code data-images-loaded} and {@code data-images-total} on
 * {@code <body>}), so that a headless browser can check the page.
 */
final class HtmlReport {

    private static final String STYLE = """
            body { font-family: system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif; margin: 2em auto;
                   max-width: 1240px; padding: 0 1em; color: #222; line-height: 1.45; }
            h1 { margin-bottom: 0.2em; } h2 { border-bottom: 1px solid #ddd; padding-bottom: 0.2em; margin-top: 1.8em; }
            .description { font-size: 1.05em; max-width: 60em; } .summary { color: #555; }
            table { border-collapse: collapse; margin: 0.6em 0; font-size: 0.92em; }
            th, td { border: 1px solid #ddd; padding: 0.25em 0.6em; text-align: left; }
            th { background: #f4f4f4; } td.num { text-align: right; font-variant-numeric: tabular-nums; }
            td.ok { color: #1a7f37; } td.bad { color: #cf222e; font-weight: bold; }
            figure { margin: 1.5em 0; } figure img { max-width: 100%; height: auto; border: 1px solid #eee; }
            figcaption { color: #444; max-width: 70em; }
            pre { background: #f6f8fa; padding: 1em; overflow-x: auto; font-size: 0.88em; }
            .notes { color: #8a5a00; } .legend { color: #555; font-size: 0.9em; max-width: 70em; }
            """;

    /** Counts decoded images after the load event; read by the end-to-end browser test. */
    private static final String IMAGE_CHECK = """
            window.addEventListener('load', function () {
              var images = Array.prototype.slice.call(document.images);
              var loaded = images.filter(function (i) { return i.complete && i.naturalWidth > 0; }).length;
              document.body.setAttribute('data-images-loaded', String(loaded));
              document.body.setAttribute('data-images-total', String(images.length));
            });
            """;

    private HtmlReport() {
    }

    /** The page. */
    static String render(ReportContent content) {
        int images = content.figures().stream().mapToInt(f -> f.png().length * 4 / 3 + 512).sum();
        StringBuilder h = new StringBuilder(64 * 1024 + images);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(escape(content.report().name())).append(" — thermodiff report</title>\n")
                .append("<style>\n").append(STYLE).append("</style>\n</head>\n")
                .append("<body data-images-loaded=\"pending\" data-images-total=\"").append(content.figures().size())
                .append("\">\n");
        header(h, content.report());
        results(h, content);
        checks(h, content);
        figures(h, content);
        experiment(h, content.report());
        h.append("<section id=\"provenance\">\n<h2>Provenance</h2>\n");
        table(h, "provenance-table", content.provenance(), 2);
        h.append("</section>\n<script>\n").append(IMAGE_CHECK).append("</script>\n</body>\n</html>\n");
        return h.toString();
    }

    private static void header(StringBuilder h, ExperimentReport report) {
        h.append("<header>\n<h1>").append(escape(report.name())).append("</h1>\n");
        if (!report.description().isBlank()) {
            h.append("<p class=\"description\">").append(escape(report.description().strip())).append("</p>\n");
        }
        h.append("<p class=\"summary\">").append(escape(ReportTables.summary(report))).append("</p>\n")
                .append("<nav><a href=\"#results\">Results</a> · <a href=\"#checks\">Bound checks</a> · ")
                .append("<a href=\"#figures\">Figures</a> · <a href=\"#experiment\">Experiment</a> · ")
                .append("<a href=\"#provenance\">Provenance</a></nav>\n</header>\n");
    }

    private static void results(StringBuilder h, ReportContent content) {
        h.append("<section id=\"results\">\n<h2>Results</h2>\n");
        table(h, "results-table", content.results(), content.labelColumns());
        h.append("<p class=\"legend\">η = (ΔW₁)²/(τD₀) with ΔW₁ = W₁(q, p) − W₁(P†₀, P̃†₀) (Eq. 79); c₁ = ∫ v_loss(t)² dt; ")
                .append("c₂ = ∫ v₂(t)² dt; D₀ = Pearson χ²(P̃†₀, P†₀) (Eq. 78); W₁ generated = W₁(q, p); ")
                .append("W₁ initial = W₁(P†₀, P̃†₀). The speed-accuracy relation is η ≤ c₁ ≤ c₂ (Eq. 82).</p>\n</section>\n");
    }

    private static void checks(StringBuilder h, ReportContent content) {
        h.append("<section id=\"checks\">\n<h2>Bound checks</h2>\n")
                .append("<p class=\"legend\">Each check is lhs ≤ rhs; a cell shows ✓ (holds) or ✗ (violated) and the ")
                .append("margin rhs − lhs (for a pointwise check, at the worst time); ‘tight’: equal to within rounding.</p>\n");
        table(h, "checks-table", content.checks(), content.labelColumns());
        h.append("</section>\n");
    }

    /** The notes on what was left out, then each figure as an embedded PNG with its caption. */
    private static void figures(StringBuilder h, ReportContent content) {
        h.append("<section id=\"figures\">\n<h2>Figures</h2>\n");
        if (!content.notes().isEmpty()) {
            h.append("<ul class=\"notes\">\n");
            content.notes().forEach(n -> h.append("<li>").append(escape(n)).append("</li>\n"));
            h.append("</ul>\n");
        }
        if (content.figures().isEmpty()) {
            h.append("<p>No figures: no completed run has density tables or series to draw.</p>\n");
        }
        for (Gallery.RenderedFigure f : content.figures()) {
            Figure fig = f.figure();
            h.append("<figure id=\"fig-").append(escape(fig.name())).append("\">\n<img src=\"data:image/png;base64,")
                    .append(Base64.getEncoder().encodeToString(f.png())).append("\" width=\"").append(Figure.WIDTH)
                    .append("\" height=\"").append(fig.height()).append("\" alt=\"").append(escape(fig.title())).append("\">\n")
                    .append("<figcaption><strong>").append(escape(fig.title())).append(".</strong> ")
                    .append(escape(fig.caption())).append("</figcaption>\n</figure>\n");
        }
        h.append("</section>\n");
    }

    /** The experiment's YAML as run, escaped. */
    private static void experiment(StringBuilder h, ExperimentReport report) {
        h.append("<section id=\"experiment\">\n<h2>Experiment</h2>\n<p>Source: <code>")
                .append(escape(String.valueOf(report.source()))).append("</code></p>\n<pre><code class=\"language-yaml\">")
                .append(escape(report.definition())).append("</code></pre>\n</section>\n");
    }

    /** A table; the first {@code textColumns} columns are text, the others right-aligned values. */
    private static void table(StringBuilder h, String id, ReportTables.Table table, int textColumns) {
        h.append("<table id=\"").append(id).append("\">\n<thead><tr>");
        table.header().forEach(c -> h.append("<th>").append(escape(c)).append("</th>"));
        h.append("</tr></thead>\n<tbody>\n");
        for (List<String> row : table.rows()) {
            h.append("<tr>");
            for (int i = 0; i < row.size(); i++) {
                String cell = row.get(i);
                String cls = i < textColumns ? "" : cell.startsWith(ReportTables.VIOLATED) || cell.startsWith("FAILED")
                        || cell.equals("VIOLATED") ? "bad" : cell.startsWith(ReportTables.HOLDS) ? "ok num" : "num";
                h.append(cls.isEmpty() ? "<td>" : "<td class=\"" + cls + "\">").append(escape(cell)).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</tbody>\n</table>\n");
    }

    /** Escapes text for HTML element content and attribute values. */
    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
