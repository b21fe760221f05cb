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
 * <p>The pipeline calls {@link #start(PointSamplingProblem)}, which by default serves problems with
 * {@code d = 1} through {@link #start(SamplingProblem)}. A sampler for any dimension overrides it
 * too (and answers 1-D problems as point problems with {@code d = 1}).
 */
public interface Sampler {

    /** Starts sampling a 1-D problem; the work happens as the returned run is iterated. */
    SamplingRun start(SamplingProblem problem);

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
