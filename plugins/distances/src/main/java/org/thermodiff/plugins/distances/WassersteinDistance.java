package org.thermodiff.plugins.distances;

import java.util.Optional;
import org.thermodiff.math.NormalScoreRule;
import org.thermodiff.spi.Distance;
import org.thermodiff.spi.Distribution;
import org.thermodiff.spi.Param;
import org.thermodiff.spi.TransportPlan;
import org.thermodiff.spi.sampling.Cloud;
import org.thermodiff.spi.sampling.PointCloud;

/**
 * The p-Wasserstein distance on the real line, {@code p ∈ {1, 2}}, exact through the quantile
 * representation {@code W_p^p = ∫_0^1 |F⁻¹(u) − G⁻¹(u)|^p du}.
 *
 * <p>Between distributions the integral is taken by normal-score quadrature with panel breaks at the
 * crossings of the two quantile functions (where {@code |·|} has its kinks). Between weighted clouds
 * it is exact for the discrete measures, through the {@link MonotoneCoupling}.
 */
final class WassersteinDistance implements Distance {

    /**
     * Parameters of {@code w1} and {@code w2}.
     *
     * @param nodes      quadrature nodes for distances between distributions
     * @param candidates nearest candidate arcs per point for exact transport in {@code R^d}
     *                   ({@link ExactTransport}); 0 hands all arcs to OR-Tools at once
     */
    record Params(
            @Param(doc = "normal-score quadrature nodes when comparing two distributions", defaultValue = "" + DEFAULT_NODES, min = 64,
                    max = 10_000_000) int nodes,
            @Param(doc = "nearest candidate arcs per point for exact transport between clouds in R^d (arcs are added until LP "
                    + "duality certifies the optimum over all arcs; 0: all n*m arcs at once, slower)",
                    defaultValue = "" + ExactTransport.DEFAULT_CANDIDATES, min = 0, max = 1_000_000) int candidates) {
    }

    /** Default quadrature nodes ({@link Params#nodes}). */
    static final int DEFAULT_NODES = 4096;
    private static final int ORDER = 8;
    private static final int CROSSING_SCAN = 4096;

    private final int p;
    private final Params params;
    private final ExactTransport exact;

    WassersteinDistance(int p, Params params) {
        this.p = p;
        this.params = params;
        this.exact = new ExactTransport(ExactTransport.DEFAULT_COST_LEVELS, ExactTransport.DEFAULT_MASS_LEVELS,
                params.candidates());
    }

    @Override
    public double between(Distribution a, Distribution b) {
        double range = NormalScoreRule.DEFAULT_RANGE;
        double[] kinks = NormalScoreRule.crossings(a::fromNormalScore, b::fromNormalScore, range, CROSSING_SCAN);
        NormalScoreRule rule = NormalScoreRule.of(params.nodes(), ORDER, range, kinks);
        double cost = rule.expectation(z -> {
            double d = Math.abs(a.fromNormalScore(z) - b.fromNormalScore(z));
            return p == 1 ? d : d * d;
        });
        return root(cost);
    }

    @Override
    public boolean isTransport() {
        return true;
    }

    @Override
    public double between(Cloud a, Cloud b) {
        return root(MonotoneCoupling.of(a, b).cost(a.positions(), b.positions(), p));
    }

    @Override
    public Optional<TransportPlan> plan(Cloud a, Cloud b) {
        return Optional.of(MonotoneCoupling.of(a, b));
    }

    /** Exact: the monotone coupling in 1-D, OR-Tools in {@code R^d} ({@link ExactTransport}). */
    @Override
    public double between(PointCloud a, PointCloud b) {
        if (a.dimension() == 1 && b.dimension() == 1) {
            return root(plan(a, b).orElseThrow().cost(a.positions(), b.positions(), p));
        }
        return exact.solve(a, b, p).distance(p);
    }

    @Override
    public Optional<TransportPlan> plan(PointCloud a, PointCloud b) {
        if (a.dimension() == 1 && b.dimension() == 1) {
            return Optional.of(MonotoneCoupling.of(a.positions(), a.weights(), b.positions(), b.weights()));
        }
        return Optional.of(exact.solve(a, b, p).plan());
    }

    private double root(double cost) {
        return p == 1 ? cost : Math.sqrt(cost);
    }
}
