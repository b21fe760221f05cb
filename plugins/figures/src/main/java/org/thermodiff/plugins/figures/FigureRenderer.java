package org.thermodiff.plugins.figures;

import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Stroke;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Draws a {@link Figure} with Java2D, off-screen: as a PNG through a {@link BufferedImage} and
 * {@link PngEncoder}, or as SVG through VectorGraphics2D (the library XChart itself uses for vector
 * output). Both formats go through the same {@link #paint}, so they show the same thing.
 */
final class FigureRenderer {

    private FigureRenderer() {
    }

    /** The figure as PNG bytes. */
    static byte[] png(Figure figure) throws IOException {
        BufferedImage image = new BufferedImage(Figure.WIDTH, figure.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            paint(figure, g);
        } finally {
            g.dispose();
        }
        return PngEncoder.encode(image);
    }

    /** The figure as an SVG document. */
    static byte[] svg(Figure figure) throws IOException {
        VectorGraphics2D g = new VectorGraphics2D();
        paint(figure, g);
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
        new SVGProcessor().getDocument(g.getCommands(), new PageSize(0, 0, Figure.WIDTH, figure.height())).writeTo(out);
        return out.toByteArray();
    }

    /** Paints the title band, then each row's panels side by side. */
    static void paint(Figure figure, Graphics2D g) {
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, Figure.WIDTH, figure.height());     // before anti-aliasing: a plain fill
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        // Exact geometry: the default stroke normalisation snaps vertices to pixels, which shows as kinks.
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setColor(Color.BLACK);
        g.setFont(Style.FIGURE_TITLE_FONT);
        FontMetrics metrics = g.getFontMetrics();
        int titleWidth = metrics.stringWidth(figure.title());
        g.drawString(figure.title(), Math.max(8, (Figure.WIDTH - titleWidth) / 2),
                (Figure.TITLE_HEIGHT + metrics.getAscent() - metrics.getDescent()) / 2 + 4);
        legend(figure.legend(), g);
        int y = figure.headerHeight();
        for (Figure.Row row : figure.rows()) {
            int n = row.panels().size();
            for (int i = 0; i < n; i++) {
                int x0 = row.edge(i);
                int x1 = row.edge(i + 1);
                Graphics2D cell = (Graphics2D) g.create();
                try {
                    cell.translate(x0, y);
                    cell.clipRect(0, 0, x1 - x0, row.height());
                    Chart<?, ?> chart = row.panels().get(i);
                    chart.paint(cell, x1 - x0, row.height());
                } finally {
                    cell.dispose();
                }
            }
            y += row.height();
        }
    }

    /** The legend entries, centred on one line under the title. */
    private static void legend(List<Figure.LegendEntry> entries, Graphics2D g) {
        if (entries.isEmpty()) {
            return;
        }
        g.setFont(Style.LEGEND_FONT);
        FontMetrics metrics = g.getFontMetrics();
        int sample = 30;
        int gap = 22;
        int total = 0;
        for (Figure.LegendEntry e : entries) {
            total += sample + 6 + metrics.stringWidth(e.label()) + gap;
        }
        int x = Math.max(8, (Figure.WIDTH - total + gap) / 2);
        int mid = Figure.TITLE_HEIGHT + Figure.LEGEND_HEIGHT / 2;
        Stroke original = g.getStroke();
        for (Figure.LegendEntry e : entries) {
            g.setColor(e.colour());
            if (e.stroke().isPresent()) {
                g.setStroke(e.stroke().get());
                g.draw(new Line2D.Double(x + 1, mid, x + sample - 1, mid));
                g.setStroke(original);
            } else {
                g.fillRect(x + 4, mid - 7, sample - 8, 14);
            }
            g.setColor(Color.BLACK);
            g.drawString(e.label(), x + sample + 6, mid + (metrics.getAscent() - metrics.getDescent()) / 2);
            x += sample + 6 + metrics.stringWidth(e.label()) + gap;
        }
    }
}
