package org.thermodiff.cli;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.thermodiff.math.BuresWasserstein;
import org.thermodiff.plugin.PluginRegistry;
import org.thermodiff.spi.Distance;
import org.thermodiff.spi.PluginFamily;
import org.thermodiff.spi.sampling.PointCloud;

/**
 * {@code thermodiff bench}, part 3: exact W2 between two 2-D clouds of {@code n} equally weighted
 * points (the {@code w2} distance plugin: OR-Tools assignment on sparse candidates, optimum certified
 * over all arcs), against two baselines on the same clouds — the dense solve ({@code w2} with
 * {@code candidates = 0}, all {@code n²} arcs) and the {@code sliced-w2} plugin — with medians
 * over repetitions; and its accuracy
 * against the Bures closed form (Eqs. 59–60) for the Gaussians the clouds are drawn from.
 *
 * <p>The clouds: {@code N(0, I)} and {@code N((1, 0.5), diag(0.25, 2))}, whose covariances commute,
 * so {@code W2² = |Δm|² + Σ_k (√λ_k − √μ_k)²}. The framework reaches the plugins only by name.
 */
final class TransportBench {

    private static final double[] MEAN = {1, 0.5};
    private static final double[] VARIANCE = {0.25, 2};

    private TransportBench() {
    }

    static void run(PluginRegistry registry, int n, int repeat, double target) {
        Distance exact = registry.createDefault(PluginFamily.DISTANCE, "w2", Map.of());
        Distance dense = registry.createDefault(PluginFamily.DISTANCE, "w2", Map.of("candidates", 0));
        Distance sliced = registry.createDefault(PluginFamily.DISTANCE, "sliced-w2", Map.of());
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(20240704L);
        ZigguratSampler.NormalizedGaussian z = ZigguratSampler.NormalizedGaussian.of(rng);
        double[] x = new double[2 * n];
        double[] y = new double[2 * n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < 2; k++) {
                x[2 * i + k] = z.sample();
                y[2 * i + k] = MEAN[k] + Math.sqrt(VARIANCE[k]) * z.sample();
            }
        }
        PointCloud a = PointCloud.uniform(2, x);
        PointCloud b = PointCloud.uniform(2, y);
        System.out.printf("%n[3] transport: W2 between two 2-D clouds of n = %d equal weights (N(0, I) and "
                + "N((1, 0.5), diag(0.25, 2))), one JVM%n", n);
        double w2 = exact.between(a, b);            // warms up the JIT and loads OR-Tools' natives
        double w2dense = dense.between(a, b);
        double sw2 = sliced.between(a, b);
        double[] exactTimes = new double[repeat];
        double[] denseTimes = new double[repeat];
        double[] slicedTimes = new double[repeat];
        for (int r = 0; r < repeat; r++) {
            long t0 = System.nanoTime();
            exact.between(a, b);
            long t1 = System.nanoTime();
            sliced.between(a, b);
            long t2 = System.nanoTime();
            dense.between(a, b);
            long t3 = System.nanoTime();
            exactTimes[r] = (t1 - t0) / 1e9;
            slicedTimes[r] = (t2 - t1) / 1e9;
            denseTimes[r] = (t3 - t2) / 1e9;
        }
        double bures = bures();
        double median = BenchCommand.median(exactTimes);
        double denseMedian = BenchCommand.median(denseTimes);
        System.out.printf(Locale.ROOT, "    exact w2   median %7.3f s  (min %.3f, max %.3f)  target <= %.1f s: %s   "
                        + "(sparse candidates, optimum certified over all arcs)%n", median,
                Arrays.stream(exactTimes).min().orElseThrow(), Arrays.stream(exactTimes).max().orElseThrow(), target,
                median <= target ? "met" : "MISSED");
        System.out.printf(Locale.ROOT, "    dense      median %7.3f s  (min %.3f, max %.3f)  (baseline: w2 with candidates = 0, "
                        + "all n^2 arcs to OR-Tools)%n", denseMedian, Arrays.stream(denseTimes).min().orElseThrow(),
                Arrays.stream(denseTimes).max().orElseThrow());
        System.out.printf(Locale.ROOT, "    sliced     median %7.3f s  (baseline: sliced-w2 at its defaults on the same clouds)%n",
                BenchCommand.median(slicedTimes));
        System.out.printf(Locale.ROOT, "    dense / exact  %.1fx faster; exact / sliced  %.1fx; |W2 exact - W2 dense| = %.1e "
                + "(both optimal for the same integer costs)%n", denseMedian / median, median / BenchCommand.median(slicedTimes),
                Math.abs(w2 - w2dense));
        System.out.printf(Locale.ROOT, "    W2 exact %.6f, sliced %.6f, Bures (closed form, n -> inf) %.6f: "
                + "|exact - Bures| = %.2e (sampling error, ~ n^-1/2)%n", w2, sw2, bures, Math.abs(w2 - bures));
    }

    /** W2 between the two Gaussians the clouds are drawn from: N(MEAN, diag(VARIANCE)) and N(0, I). */
    private static double bures() {
        return BuresWasserstein.distance(MEAN, new double[][] {{VARIANCE[0], 0}, {0, VARIANCE[1]}}, new double[2],
                new double[][] {{1, 0}, {0, 1}});
    }
}
