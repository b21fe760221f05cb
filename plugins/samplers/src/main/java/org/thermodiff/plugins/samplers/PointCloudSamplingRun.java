package org.thermodiff.plugins.samplers;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import org.thermodiff.spi.sampling.PointCloud;
import org.thermodiff.spi.sampling.PointSamplingRun;
import org.thermodiff.spi.sampling.PointSnapshot;
import org.thermodiff.spi.sampling.TimeGrid;

/**
 * Steps a pair of n-D clouds backwards through the time grid, yielding a snapshot at each grid time
 * from {@code τ} down to {@code 0}: the {@code R^d} counterpart of {@link CloudSamplingRun}.
 *
 * <p>The flow's state holds the reverse cloud's particles {@code [0, n)} and then the estimated
 * cloud's {@code [n, 2n)}; snapshots copy them out, so they stay valid as the run goes on.
 */
final class PointCloudSamplingRun implements PointSamplingRun {

    private final TimeGrid grid;
    private final PointCloudFlow flow;
    private final int n;
    private final int d;
    private final double[] weights;
    private final int[] batches;
    private final int batchCount;
    private final Map<String, Object> setup;
    private int next;

    /**
     * @param grid       output times
     * @param flow       the integrator over both clouds ({@code 2n} particles)
     * @param n          particles per cloud
     * @param weights    weights of each cloud ({@code n}), shared by the snapshots
     * @param batches    batch labels of each cloud ({@code n}), shared, or empty
     * @param batchCount number of batches, 0 if none
     * @param setup      facts about the set-up for {@link #diagnostics()}
     */
    PointCloudSamplingRun(TimeGrid grid, PointCloudFlow flow, int n, int d, double[] weights, int[] batches, int batchCount,
                          Map<String, Object> setup) {
        this.grid = grid;
        this.flow = flow;
        this.n = n;
        this.d = d;
        this.weights = weights;
        this.batches = batches;
        this.batchCount = batchCount;
        this.setup = setup;
        this.next = grid.size() - 1;
    }

    @Override
    public boolean hasNext() {
        return next >= 0;
    }

    @Override
    public PointSnapshot next() {
        if (next < 0) {
            throw new NoSuchElementException("sampling is complete");
        }
        int k = next--;
        double t = grid.time(k);
        if (k < grid.size() - 1) {
            flow.advance(grid.time(k + 1), t);
        }
        // Reverse-SDE particles do not move with ν̂: the velocity of their marginals involves the score
        // of the estimated process, which is unknown, so they carry none (metrics that need one say so).
        double[] velocity = flow.stochastic() ? null : flow.velocitiesAt(t);
        return new PointSnapshot(k, t, cloud(0, velocity), cloud(n, velocity));
    }

    private PointCloud cloud(int offset, double[] velocity) {
        double[] x = flow.positions();
        double[] lp = flow.logDensities();
        double[] ld = lp.length == 0 ? lp : Arrays.copyOfRange(lp, offset, offset + n);
        double[] v = velocity == null ? new double[0] : Arrays.copyOfRange(velocity, offset * d, (offset + n) * d);
        return new PointCloud(d, Arrays.copyOfRange(x, offset * d, (offset + n) * d), weights, v, ld, batches, batchCount);
    }

    @Override
    public Map<String, Object> diagnostics() {
        Map<String, Object> out = new LinkedHashMap<>(setup);
        out.put("flow", flow.method());
        out.put("integrator_steps", flow.steps());
        out.put("rejected_steps", flow.rejected());
        out.put("velocity_evaluations", flow.evaluations());
        return out;
    }
}
