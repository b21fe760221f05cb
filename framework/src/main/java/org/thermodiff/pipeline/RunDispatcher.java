package org.thermodiff.pipeline;

import org.thermodiff.experiment.RunSpec;

/**
 * Where the runs of an experiment are computed: this JVM's pipeline ({@link ExperimentRunner#local})
 * or the workers of a cluster. Whatever computes a run must send its outcome to
 * {@link Addresses#REPORTER} ({@link Messages.RunCompleted}, {@link Messages.RunFailed} or
 * {@link Messages.RunReported}).
 */
public interface RunDispatcher {

    /** Most runs handed over and not yet settled at any time. */
    int capacity();

    /** Hands a run over; called on an event loop, so it must not block. */
    void dispatch(RunSpec run);
}
