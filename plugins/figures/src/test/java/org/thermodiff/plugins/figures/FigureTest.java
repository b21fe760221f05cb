package org.thermodiff.plugins.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.internal.chartpart.Chart;

class FigureTest {

    private static List<Chart<?, ?>> panels(int n) {
        List<Chart<?, ?>> p = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            p.add(Style.xy("p" + i, "x", "y"));
        }
        return p;
    }

    @Test
    void panelsOfARowTileTheWidthAndTheLeadWidensOnlyTheFirst() {
        Figure.Row even = new Figure.Row(100, panels(4));
        assertEquals(List.of(0, 300, 600, 900, 1200), List.of(even.edge(0), even.edge(1), even.edge(2), even.edge(3), even.edge(4)));

        Figure.Row led = new Figure.Row(100, panels(4), 60);
        // The first panel gets 300 + 60 px; the other three share the remaining 840 px equally.
        assertEquals(List.of(0, 360, 640, 920, 1200), List.of(led.edge(0), led.edge(1), led.edge(2), led.edge(3), led.edge(4)));

        Figure.Row single = new Figure.Row(100, panels(1), 60);
        assertEquals(Figure.WIDTH, single.edge(1));
    }

    @Test
    void theHeightIsTheHeaderAndTheRowsAndEmptyFiguresOrRowsAreRefused() {
        Figure withLegend = new Figure("f", "t", "c", List.of(Figure.LegendEntry.swatch("a", Style.NEUTRAL)),
                List.of(new Figure.Row(100, panels(2)), new Figure.Row(50, panels(1))));
        assertEquals(Figure.TITLE_HEIGHT + Figure.LEGEND_HEIGHT + 150, withLegend.height());
        assertEquals(3, withLegend.panels());
        Figure bare = new Figure("f", "t", "c", List.of(), List.of(new Figure.Row(100, panels(1))));
        assertEquals(Figure.TITLE_HEIGHT + 100, bare.height());

        assertThrows(IllegalArgumentException.class, () -> new Figure("f", "t", "c", List.of(), List.of()));
        assertThrows(IllegalArgumentException.class, () -> new Figure.Row(100, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new Figure.Row(100, panels(4), 300));
    }
}
