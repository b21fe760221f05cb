package org.thermodiff.spi;

import java.util.Map;
import org.thermodiff.spi.sampling.PointSamplingProblem;
import org.thermodiff.spi.sampling.PointSamplingRun;
import org.thermodiff.spi.sampling.PointSnapshot;
import org.thermodiff.spi.sampling.SamplingProblem;
import org.thermodiff.spi.sampling.SamplingRun;

/**
 * Builds the reverse and estimated clouds and integrates them through the estimated field.
 *
 * <p>The pipeline calls {@link #start(PointSamplingProblem)}. A sampler overrides at least one of
 * the two {@code start} methods: a 1-D sampler (quadrature clouds) overrides
 * {@link #start(SamplingProblem)} and serves every problem with {@code d = 1}; a sampler for any
 * dimension overrides {@link #start(PointSamplingProblem)}.
 */
public interface Sampler {

    /**
     * Starts sampling a 1-D problem; the work happens as the returned run is iterated.
     *
     * @throws UnsupportedOperationException if this sampler only has the n-D form
     */
    default SamplingRun start(SamplingProblem problem) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " samples point clouds only");
    }

    /**
     * Starts sampling a problem in {@code R^d}; by default the 1-D {@link #start(SamplingProblem)},
     * its snapshots seen as point snapshots with {@code d = 1}.
     *
     * @throws IllegalArgumentException if this sampler is one-dimensional and the problem is not
     */
    default PointSamplingRun start(PointSamplingProblem problem) {
        if (!(problem.reverseStart() instanceof Distribution reverse)
                || !(problem.perturbedStart() instanceof Distribution perturbed)) {
            throw new IllegalArgumentException(getClass().getSimpleName() + " is a one-dimensional sampler; the data are "
                    + problem.dimension() + "-dimensional");
        }
        SamplingRun run = start(new SamplingProblem(problem.grid(), reverse, perturbed, problem.field(), problem.seed()));
        return new PointSamplingRun() {
            @Override
            public boolean hasNext() {
                return run.hasNext();
            }

            @Override
            public PointSnapshot next() {
                return PointSnapshot.of(run.next());
            }

            @Override
            public Map<String, Object> diagnostics() {
                return run.diagnostics();
            }
        };
    }
}
