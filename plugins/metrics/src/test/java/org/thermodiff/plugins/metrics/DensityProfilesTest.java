package org.thermodiff.plugins.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.thermodiff.distribution.Gaussian;
import org.thermodiff.math.NormalScoreRule;
import org.thermodiff.spi.Distribution;
import org.thermodiff.spi.metrics.MetricAccumulator;
import org.thermodiff.spi.metrics.MetricResult;
import org.thermodiff.spi.metrics.RunContext;
import org.thermodiff.spi.metrics.Series;
import org.thermodiff.spi.process.ForwardProcess;
import org.thermodiff.spi.process.VelocityField;
import org.thermodiff.spi.sampling.Cloud;
import org.thermodiff.spi.sampling.Snapshot;
import org.thermodiff.spi.sampling.TimeGrid;

/**
 * Profiles against a process known in closed form: P_t = N(0, S_t²) and P̃_t = N(S_t μ, S_t²), with
 * clouds on normal-score nodes carrying the exact log-densities.
 */
class DensityProfilesTest {

    static final double MU = 0.7;

    private static double scale(double t) {
        return Math.sqrt((1 - t) * (1 - t) * 0.25 + t * t);
    }

    private static RunContext context(TimeGrid grid) {
        ForwardProcess forward = new ForwardProcess() {
            @Override
            public double tau() {
                return 1;
            }

            @Override
            public Distribution marginal(double t) {
                return Gaussian.of(0, scale(t));
            }

            @Override
            public VelocityField velocity() {
                // The context holds the field as the run's estimate; the metric never evaluates it.
                return (t, x, v, from, to) -> {
                    throw new UnsupportedOperationException("not needed by the metric");
                };
            }

            @Override
            public OptionalDouble temperature(double t) {
                return OptionalDouble.empty();
            }

            @Override
            public String describe() {
                return "closed form";
            }
        };
        return new RunContext(Map.of(), grid, Gaussian.of(0, 0.5), Gaussian.STANDARD, Gaussian.STANDARD, Gaussian.of(MU, 1),
                forward, name -> {
                    throw new UnsupportedOperationException();
                });
    }

    private static MetricResult measure(TimeGrid grid, boolean tracked) {
        NormalScoreRule rule = NormalScoreRule.of(2048, 16, 8.5);
        double[] z = rule.nodes();
        MetricAccumulator acc = new DensityProfiles(new DensityProfiles.Params(
                new double[] {0, 1 / 3.0, 2 / 3.0, 1}, 201, 1e-3)).open(context(grid));
        for (int k = grid.size() - 1; k >= 0; k--) {
            double s = scale(grid.time(k));
            Gaussian estimated = Gaussian.of(s * MU, s);
            double[] y = new double[z.length];
            double[] ld = new double[z.length];
            for (int i = 0; i < z.length; i++) {
                y[i] = s * (z[i] + MU);
                ld[i] = Math.log(estimated.density(y[i]));
            }
            Cloud cloud = new Cloud(y, rule.weights(), new double[z.length], tracked ? ld : new double[0], new int[0], 0);
            acc.accept(new Snapshot(k, grid.time(k), cloud, cloud));
        }
        return acc.finish();
    }

    /**
     * The forward column is the exact marginal; the estimated column interpolates exact log-densities
     * linearly between nodes spaced ≲ 0.02·S apart, an error ≲ (0.02)²/8 ≈ 5e-5 relative.
     */
    @Test
    void profilesAtTheThirdsMatchTheClosedForm() {
        MetricResult r = measure(TimeGrid.gaussLegendre(1, 2, 8).withMarks(3), true);
        assertEquals(4, r.tables().size());
        Series third = r.tables().get("density_t0.3333");
        double s = scale(1 / 3.0);
        for (int k = 0; k < third.rows(); k++) {
            double x = third.get(k, "x");
            assertEquals(Gaussian.of(0, s).density(x), third.get(k, "forward"), 1e-15);
            double expected = Gaussian.of(s * MU, s).density(x);
            assertEquals(expected, third.get(k, "estimated"), 1e-4 * expected + 1e-12);
        }
        // The x range covers both densities up to 1e-3 of mass on each side.
        assertTrue(third.get(0, "x") <= s * -3.09 + 1e-9 && third.get(third.rows() - 1, "x") >= s * (MU + 3.09) - 1e-9);
    }

    /** Without tracked densities the estimate is a histogram, and the column says so. */
    @Test
    void untrackedCloudsFallBackToAHistogram() {
        Series end = measure(TimeGrid.gaussLegendre(1, 2, 8).withMarks(3), false).tables().get("density_t1.0000");
        assertTrue(end.names().contains("estimated_histogram"), end.names().toString());
        double mass = 0;
        for (int k = 1; k < end.rows(); k++) {
            mass += end.get(k, "estimated_histogram") * (end.get(k, "x") - end.get(k - 1, "x"));
        }
        assertEquals(1, mass, 0.02, "a histogram still integrates to about one");
    }

    @Test
    void timesOffTheGridAreReportedWithTheRemedy() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new DensityProfiles(new DensityProfiles.Params(new double[] {0.5}, 101, 1e-3))
                        .open(context(TimeGrid.gaussLegendre(1, 2, 8).withMarks(3))));
        assertTrue(e.getMessage().contains("time.marks"), e.getMessage());
    }
}
