package org.thermodiff.plugins.figures;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import java.util.Optional;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * A figure: a title and one legend for all panels over rows of panels, {@link #WIDTH} pixels wide;
 * each row shares the width equally among its panels.
 *
 * @param name    file name without extension, e.g. {@code density__gaussian-mean}
 * @param title   drawn above the panels
 * @param caption what the figure shows and which panel of the paper it reproduces (for reports)
 * @param legend  what the line styles and colours mean, drawn under the title
 * @param rows    the rows of panels, top to bottom
 */
record Figure(String name, String title, String caption, List<LegendEntry> legend, List<Row> rows) {

    /** Width of every figure in pixels: readable at report size without scaling. */
    static final int WIDTH = 1200;
    /** Height of the title line. */
    static final int TITLE_HEIGHT = 36;
    /** Height of the legend line, when there is a legend. */
    static final int LEGEND_HEIGHT = 28;

    Figure {
        legend = List.copyOf(legend);
        rows = List.copyOf(rows);
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("figure '" + name + "' has no panels");
        }
    }

    /**
     * A row of panels.
     *
     * @param height height in pixels
     * @param panels charts, left to right (at least one)
     * @param lead   extra width in pixels of the first panel (room for axis labels that the others
     *               share), taken equally from the others
     */
    record Row(int height, List<Chart<?, ?>> panels, int lead) {
        Row {
            panels = List.copyOf(panels);
            if (panels.isEmpty() || height <= 0 || lead < 0 || lead >= WIDTH / panels.size()) {
                throw new IllegalArgumentException("a row needs panels, a positive height and a lead smaller than a panel");
            }
        }

        /** A row of panels of equal width. */
        Row(int height, List<Chart<?, ?>> panels) {
            this(height, panels, 0);
        }

        /**
         * {@code panels} in as few rows of at most {@code columns} panels as they need, balanced: every
         * row but the last holds {@code ceil(n / rows)} (four in rows of three: 2, 2; five: 3, 2).
         */
        static List<Row> balanced(List<Chart<?, ?>> panels, int columns, int height) {
            List<Row> rows = new java.util.ArrayList<>();
            int rowCount = (panels.size() + columns - 1) / columns;
            int perRow = rowCount == 0 ? 1 : (panels.size() + rowCount - 1) / rowCount;
            for (int i = 0; i < panels.size(); i += perRow) {
                rows.add(new Row(height, panels.subList(i, Math.min(panels.size(), i + perRow))));
            }
            return rows;
        }

        /** The left edge of panel {@code i} and, for {@code i = panels().size()}, the right edge of the last. */
        int edge(int i) {
            int n = panels.size();
            if (i == 0) {
                return 0;
            }
            if (n == 1) {
                return WIDTH;
            }
            int first = WIDTH / n + lead;
            return first + (int) ((long) (WIDTH - first) * (i - 1) / (n - 1));
        }
    }

    /**
     * One legend entry: a line sample in a stroke, or a filled swatch when there is no stroke.
     *
     * @param label  what it stands for
     * @param colour its colour
     * @param stroke the line's stroke; empty for a swatch (a bar, an area, a schedule's colour)
     */
    record LegendEntry(String label, Color colour, Optional<BasicStroke> stroke) {

        /** A line sample. */
        static LegendEntry line(String label, Color colour, BasicStroke stroke) {
            return new LegendEntry(label, colour, Optional.of(stroke));
        }

        /** A filled swatch. */
        static LegendEntry swatch(String label, Color colour) {
            return new LegendEntry(label, colour, Optional.empty());
        }
    }

    /** Height of the band above the panels: the title and, if any, the legend. */
    int headerHeight() {
        return TITLE_HEIGHT + (legend.isEmpty() ? 0 : LEGEND_HEIGHT);
    }

    /** Height in pixels: the header band and every row. */
    int height() {
        return headerHeight() + rows.stream().mapToInt(Row::height).sum();
    }

    /** Number of panels. */
    int panels() {
        return rows.stream().mapToInt(r -> r.panels().size()).sum();
    }
}
