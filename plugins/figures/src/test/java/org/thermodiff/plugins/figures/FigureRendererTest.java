package org.thermodiff.plugins.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;

class FigureRendererTest {

    /** Two rows: one panel, then two; a red line in the first panel. */
    private static Figure figure() {
        XYChart a = Style.xy("a", "x", "y");
        Style.line(a, "red", new double[] {0, 1, 2}, new double[] {0, 2, 1}, Color.RED, Style.SOLID);
        XYChart b = Style.xy("b", "x", "y");
        Style.line(b, "b", new double[] {0, 1}, new double[] {1, 0}, Color.BLUE, Style.SOLID);
        XYChart c = Style.xy("c", "x", "y");
        Style.line(c, "c", new double[] {0, 1}, new double[] {0, 1}, Color.GREEN, Style.SOLID);
        return new Figure("test", "A test figure", "caption", List.of(Figure.LegendEntry.swatch("cosine", Color.BLUE)),
                List.of(new Figure.Row(200, List.of(a)), new Figure.Row(150, List.of(b, c))));
    }

    @Test
    void theBuildRunsHeadless() {
        // surefire sets java.awt.headless (root pom); the launcher does the same for the command line.
        assertTrue(GraphicsEnvironment.isHeadless());
    }

    @Test
    void thePngIsTheFigureSizeWithTheTitleBandAndTheRowsDrawn() throws Exception {
        Figure f = figure();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(FigureRenderer.png(f)));

        assertEquals(Figure.WIDTH, image.getWidth());
        assertEquals(Figure.TITLE_HEIGHT + Figure.LEGEND_HEIGHT + 200 + 150, image.getHeight());
        assertEquals(f.height(), image.getHeight());
        assertTrue(countReddish(image, 0, f.headerHeight(), Figure.WIDTH, 200) > 50, "the red line is drawn in the first row");
        assertEquals(0, countReddish(image, 0, f.headerHeight() + 200, Figure.WIDTH, 150), "and only there");
    }

    @Test
    void theSvgIsAnSvgDocumentOfTheSameSize() {
        Figure f = figure();
        String svg = new String(assertDoesNotThrow(() -> FigureRenderer.svg(f)), StandardCharsets.UTF_8);

        assertTrue(svg.contains("<svg"), svg.substring(0, Math.min(200, svg.length())));
        assertTrue(svg.contains("viewBox=\"0 0 " + Figure.WIDTH + " " + f.height() + "\""), "viewBox of the figure's size");
        assertTrue(svg.stripTrailing().endsWith("</svg>"));
    }

    private static byte[] assertDoesNotThrow(org.junit.jupiter.api.function.ThrowingSupplier<byte[]> s) {
        return org.junit.jupiter.api.Assertions.assertDoesNotThrow(s);
    }

    private static int countReddish(BufferedImage image, int x0, int y0, int w, int h) {
        int n = 0;
        for (int y = y0; y < y0 + h; y++) {
            for (int x = x0; x < x0 + w; x++) {
                Color c = new Color(image.getRGB(x, y));
                n += c.getRed() > 200 && c.getGreen() < 80 && c.getBlue() < 80 ? 1 : 0;
            }
        }
        return n;
    }
}
