package org.thermodiff.plugins.metrics;

import java.util.Locale;
import org.thermodiff.spi.sampling.TimeGrid;

/** Output times that metrics pick by fraction of {@code τ}, and the names of their tables. */
final class GridTimes {

    private GridTimes() {
    }

    /**
     * The grid index of each time {@code fraction·τ}.
     *
     * @throws IllegalArgumentException naming {@code metric} if the grid has no output at one of them
     */
    static int[] indices(TimeGrid grid, double[] fractions, String metric) {
        int[] indices = new int[fractions.length];
        for (int i = 0; i < indices.length; i++) {
            double t = fractions[i] * grid.tau();
            indices[i] = grid.nearest(t);
            if (Math.abs(grid.time(indices[i]) - t) > 1e-9 * grid.tau()) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "%s: the time grid has no output at t = %.6g τ; add it with time.marks (marks: 3 gives τ/3 and 2τ/3)",
                        metric, fractions[i]));
            }
        }
        return indices;
    }

    /** {@code <prefix><t/τ>} with four decimals, e.g. {@code density_t0.3333}. */
    static String tableName(String prefix, TimeGrid grid, int index) {
        return String.format(Locale.ROOT, "%s%.4f", prefix, grid.time(index) / grid.tau());
    }
}
