package org.thermodiff.plugins.metrics;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.thermodiff.math.NormalScores;
import org.thermodiff.spi.Distribution;
import org.thermodiff.spi.Metric;
import org.thermodiff.spi.OneDimensional;
import org.thermodiff.spi.Param;
import org.thermodiff.spi.metrics.MetricAccumulator;
import org.thermodiff.spi.metrics.MetricResult;
import org.thermodiff.spi.metrics.RunContext;
import org.thermodiff.spi.metrics.Series;
import org.thermodiff.spi.sampling.Cloud;
import org.thermodiff.spi.sampling.Snapshot;

/**
 * Density profiles of the forward process {@code P_t} and the estimated process {@code P̃_t} at a
 * few times (the paper's Fig. 4(a) and Fig. 5): one table per time, named {@code density_t<t/τ>},
 * with columns {@code x}, {@code forward} (the forward process's exact marginal) and
 * {@code estimated}.
 *
 * <p>{@code estimated} interpolates the log-densities carried along the estimated cloud's
 * trajectories (sampler option {@code track-density: true}) — exact up to the integrator; without
 * them it falls back to a weighted histogram of the cloud, and the table says so in its column name
 * ({@code estimated_histogram}). The x range covers both densities but for {@code tail} of mass on
 * each side.
 */
final class DensityProfiles implements Metric, OneDimensional {

    /**
     * Parameters of {@code densities}.
     *
     * @param times  times of the profiles, as fractions of {@code τ}
     * @param points points of the x grid
     * @param tail   mass left out of the x range on each side
     */
    record Params(
            @Param(doc = "times of the profiles, as fractions of τ (each must be an output time; see time.marks)",
                    defaultValue = "[0, 0.3333333333333333, 0.6666666666666666, 1]", min = 0, max = 1) double[] times,
            @Param(doc = "points of the x grid", defaultValue = "401", min = 16, max = 1_000_000) int points,
            @Param(doc = "probability mass left out of the x range on each side", defaultValue = "1e-3", min = 0,
                    exclusiveMin = true, max = 0.1) double tail) {

        public Params {
            if (times.length == 0) {
                throw new IllegalArgumentException("times must name at least one time");
            }
        }
    }

    private final Params params;

    DensityProfiles(Params params) {
        this.params = params;
    }

    @Override
    public MetricAccumulator open(RunContext context) {
        return new Accumulator(context, GridTimes.indices(context.grid(), params.times(), "densities"));
    }

    private final class Accumulator implements MetricAccumulator {
        private final RunContext context;
        private final int[] indices;
        private final Map<Integer, Series> profiles = new LinkedHashMap<>();

        Accumulator(RunContext context, int[] indices) {
            this.context = context;
            this.indices = indices;
        }

        @Override
        public void accept(Snapshot s) {
            if (IntStream.of(indices).anyMatch(i -> i == s.index())) {
                profiles.put(s.index(), profile(s));
            }
        }

        private Series profile(Snapshot s) {
            Distribution forward = context.forward().marginal(s.t());
            Cloud cloud = s.estimated();
            double zTail = NormalScores.quantile(params.tail());
            double lo = Math.min(forward.fromNormalScore(zTail), quantile(cloud, params.tail()));
            double hi = Math.max(forward.fromNormalScore(-zTail), quantile(cloud, 1 - params.tail()));
            int n = params.points();
            double[] x = new double[n];
            double[] p = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = lo + (hi - lo) * i / (n - 1);
                p[i] = forward.density(x[i]);
            }
            boolean tracked = cloud.hasLogDensities();
            double[] q = tracked ? interpolate(cloud, x) : histogram(cloud, x);
            return Series.withKey("x", x).column("forward", p).column(tracked ? "estimated" : "estimated_histogram", q).build();
        }

        @Override
        public MetricResult finish() {
            Map<String, Series> tables = new LinkedHashMap<>();
            for (int index : indices) {
                Series profile = profiles.get(index);
                if (profile == null) {
                    throw new IllegalStateException("no snapshot at t = " + context.grid().time(index));
                }
                tables.put(GridTimes.tableName("density_t", context.grid(), index), profile);
            }
            return new MetricResult(Map.of(), Series.empty(), List.of(), tables);
        }
    }

    /** The weighted {@code u}-quantile of a cloud. */
    static double quantile(Cloud cloud, double u) {
        int[] order = sortedOrder(cloud.positions());
        double cumulative = 0;
        for (int i : order) {
            cumulative += cloud.weights()[i];
            if (cumulative >= u) {
                return cloud.positions()[i];
            }
        }
        return cloud.positions()[order[order.length - 1]];
    }

    /** Linear interpolation of the tracked log-density between neighbouring particles; 0 outside the cloud. */
    static double[] interpolate(Cloud cloud, double[] x) {
        int[] order = sortedOrder(cloud.positions());
        double[] xs = Arrays.stream(order).mapToDouble(i -> cloud.positions()[i]).toArray();
        double[] ls = Arrays.stream(order).mapToDouble(i -> cloud.logDensities()[i]).toArray();
        double[] out = new double[x.length];
        for (int k = 0; k < x.length; k++) {
            int j = Arrays.binarySearch(xs, x[k]);
            if (j >= 0) {
                out[k] = Math.exp(ls[j]);
                continue;
            }
            int right = -j - 1;
            if (right == 0 || right == xs.length) {
                continue;
            }
            double f = (x[k] - xs[right - 1]) / (xs[right] - xs[right - 1]);
            out[k] = Math.exp(ls[right - 1] + f * (ls[right] - ls[right - 1]));
        }
        return out;
    }

    /** A weighted histogram with about √n bins over the x range, read off at each x. */
    static double[] histogram(Cloud cloud, double[] x) {
        double lo = x[0];
        double hi = x[x.length - 1];
        int bins = Math.max(10, (int) Math.sqrt(cloud.size()));
        double width = (hi - lo) / bins;
        double[] mass = new double[bins];
        for (int i = 0; i < cloud.size(); i++) {
            int b = (int) Math.floor((cloud.positions()[i] - lo) / width);
            if (b >= 0 && b < bins) {
                mass[b] += cloud.weights()[i];
            }
        }
        double[] out = new double[x.length];
        for (int k = 0; k < x.length; k++) {
            int b = Math.min(bins - 1, (int) Math.floor((x[k] - lo) / width));
            out[k] = mass[b] / width;
        }
        return out;
    }

    /** The sorting permutation of the positions; the identity, without sorting, for the usual sorted clouds. */
    private static int[] sortedOrder(double[] positions) {
        boolean sorted = IntStream.range(1, positions.length).allMatch(i -> positions[i] >= positions[i - 1]);
        IntStream order = IntStream.range(0, positions.length);
        return sorted ? order.toArray() : order.boxed()
                .sorted((a, b) -> Double.compare(positions[a], positions[b])).mapToInt(Integer::intValue).toArray();
    }
}
