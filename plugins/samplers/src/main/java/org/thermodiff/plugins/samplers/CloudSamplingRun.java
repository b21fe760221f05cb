package org.thermodiff.plugins.samplers;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import org.thermodiff.spi.sampling.Cloud;
import org.thermodiff.spi.sampling.SamplingRun;
import org.thermodiff.spi.sampling.Snapshot;
import org.thermodiff.spi.sampling.TimeGrid;

/**
 * Steps a pair of clouds backwards through the time grid, yielding a snapshot at each grid time
 * from {@code τ} down to {@code 0}.
 *
 * <p>State layout: reverse positions {@code [0, n)}, estimated positions {@code [n, 2n)}, then
 * (when tracked) their log-densities {@code [2n, 3n)} and {@code [3n, 4n)}.
 */
final class CloudSamplingRun implements SamplingRun {

    private final TimeGrid grid;
    private final CloudFlow flow;
    private final double[] state;
    private final double[] reverseWeights;
    private final double[] estimatedWeights;
    private final int[] reverseBatches;
    private final int[] estimatedBatches;
    private final int batchCount;
    private final int n;
    private final boolean densities;
    private final Map<String, Object> setup;
    private int next;

    /**
     * @param grid             output times
     * @param flow             the integrator over a state of {@code 2n} positions
     * @param reverse          initial reverse positions
     * @param estimated        initial estimated positions (same length)
     * @param reverseWeights   weights of the reverse cloud
     * @param estimatedWeights weights of the estimated cloud
     * @param logDensities     initial log-densities of both clouds ({@code 2n}), or {@code null}
     * @param reverseBatches   batch labels, or empty
     * @param estimatedBatches batch labels, or empty
     * @param batchCount       number of batches, 0 if none
     * @param setup            facts about the set-up for {@link #diagnostics()}
     */
    CloudSamplingRun(TimeGrid grid, CloudFlow flow, double[] reverse, double[] estimated, double[] reverseWeights,
                     double[] estimatedWeights, double[] logDensities, int[] reverseBatches, int[] estimatedBatches,
                     int batchCount, Map<String, Object> setup) {
        this.grid = grid;
        this.flow = flow;
        this.n = reverse.length;
        this.densities = logDensities != null;
        this.state = new double[flow.stateSize()];
        System.arraycopy(reverse, 0, state, 0, n);
        System.arraycopy(estimated, 0, state, n, n);
        if (densities) {
            System.arraycopy(logDensities, 0, state, 2 * n, 2 * n);
        }
        this.reverseWeights = reverseWeights;
        this.estimatedWeights = estimatedWeights;
        this.reverseBatches = reverseBatches;
        this.estimatedBatches = estimatedBatches;
        this.batchCount = batchCount;
        this.setup = setup;
        this.next = grid.size() - 1;
    }

    @Override
    public boolean hasNext() {
        return next >= 0;
    }

    @Override
    public Snapshot next() {
        if (next < 0) {
            throw new NoSuchElementException("sampling is complete");
        }
        int k = next--;
        double t = grid.time(k);
        if (k < grid.size() - 1) {
            flow.advance(state, grid.time(k + 1), t);
        }
        double[] velocity = flow.derivativeAt(t, state);
        Cloud reverse = cloud(0, velocity, reverseWeights, reverseBatches);
        Cloud estimated = cloud(n, velocity, estimatedWeights, estimatedBatches);
        return new Snapshot(k, t, reverse, estimated);
    }

    private Cloud cloud(int offset, double[] velocity, double[] weights, int[] batches) {
        double[] ld = densities ? Arrays.copyOfRange(state, 2 * n + offset, 3 * n + offset) : new double[0];
        return new Cloud(Arrays.copyOfRange(state, offset, offset + n), weights,
                Arrays.copyOfRange(velocity, offset, offset + n), ld, batches, batchCount);
    }

    @Override
    public Map<String, Object> diagnostics() {
        Map<String, Object> d = new LinkedHashMap<>(setup);
        d.put("flow", flow.method());
        d.put("integrator_steps", flow.steps());
        d.put("velocity_evaluations", flow.evaluations());
        return d;
    }
}
