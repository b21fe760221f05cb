package org.thermodiff.plugins.metrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.thermodiff.spi.Metric;
import org.thermodiff.spi.Param;
import org.thermodiff.spi.metrics.MetricAccumulator;
import org.thermodiff.spi.metrics.MetricResult;
import org.thermodiff.spi.metrics.RunContext;
import org.thermodiff.spi.metrics.Series;
import org.thermodiff.spi.sampling.PointCloud;
import org.thermodiff.spi.sampling.PointSnapshot;

/**
 * Samples of the two clouds at a few times, for scatter plots like the paper's Fig. 3: one table
 * per time, named {@code samples_t<t/τ>}, with the first two coordinates of up to {@code points}
 * particles of the reverse cloud (standing for {@code P_t}) and of the estimated cloud
 * ({@code P̃_t}): columns {@code reverse_x1, reverse_x2, estimated_x1, estimated_x2} ({@code x2}
 * only when {@code d ≥ 2}).
 *
 * <p>Particles are taken at evenly spaced indices, which is an unbiased subsample of a Monte-Carlo
 * cloud (its particles are exchangeable); the weights of a quadrature cloud are not shown.
 */
final class SampleSnapshots implements Metric {

    /**
     * Parameters of {@code samples}.
     *
     * @param times  times of the snapshots, as fractions of {@code τ}
     * @param points particles kept per cloud and time
     */
    record Params(
            @Param(doc = "times of the snapshots, as fractions of τ (each must be an output time; see time.marks)",
                    defaultValue = "[0, 0.3333333333333333, 0.6666666666666666, 1]", min = 0, max = 1) double[] times,
            @Param(doc = "particles kept per cloud and time", defaultValue = "1000", min = 1, max = 1_000_000) int points) {

        public Params {
            if (times.length == 0) {
                throw new IllegalArgumentException("times must name at least one time");
            }
        }
    }

    private final Params params;

    SampleSnapshots(Params params) {
        this.params = params;
    }

    @Override
    public MetricAccumulator open(RunContext context) {
        int[] indices = GridTimes.indices(context.grid(), params.times(), "samples");
        Map<Integer, Series> tables = new LinkedHashMap<>();
        return new MetricAccumulator() {
            @Override
            public void accept(PointSnapshot s) {
                if (IntStream.of(indices).anyMatch(i -> i == s.index())) {
                    tables.put(s.index(), table(s));
                }
            }

            @Override
            public MetricResult finish() {
                Map<String, Series> named = new LinkedHashMap<>();
                for (int index : indices) {
                    Series table = tables.get(index);
                    if (table == null) {
                        throw new IllegalStateException("no snapshot at t = " + context.grid().time(index));
                    }
                    named.put(GridTimes.tableName("samples_t", context.grid(), index), table);
                }
                return new MetricResult(Map.of(), Series.empty(), List.of(), named);
            }
        };
    }

    private Series table(PointSnapshot s) {
        int keep = Math.min(params.points(), Math.min(s.reverse().size(), s.estimated().size()));
        double[] row = new double[keep];
        for (int i = 0; i < keep; i++) {
            row[i] = i;
        }
        Series.Builder b = Series.withKey("i", row);
        columns(b, "reverse", s.reverse(), keep);
        columns(b, "estimated", s.estimated(), keep);
        return b.build();
    }

    private static void columns(Series.Builder b, String name, PointCloud cloud, int keep) {
        int d = cloud.dimension();
        int n = cloud.size();
        for (int c = 0; c < Math.min(d, 2); c++) {
            double[] col = new double[keep];
            for (int i = 0; i < keep; i++) {
                col[i] = cloud.coordinate((int) ((long) i * n / keep), c);
            }
            b.column(name + "_x" + (c + 1), col);
        }
    }
}
