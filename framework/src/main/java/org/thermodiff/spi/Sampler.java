package org.thermodiff.spi;

import org.thermodiff.spi.sampling.SamplingProblem;
import org.thermodiff.spi.sampling.SamplingRun;

/** Builds the reverse and estimated clouds and integrates them through the estimated field. */
public interface Sampler {

    /** Starts sampling; the work happens as the returned run is iterated. */
    SamplingRun start(SamplingProblem problem);
}
