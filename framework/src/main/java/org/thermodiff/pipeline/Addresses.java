package org.thermodiff.pipeline;

/** Event-bus addresses of the pipeline stages, in the order data flows through them. */
public final class Addresses {

    /** {@link Messages.RunRequest} → source. */
    public static final String SOURCE = "thermodiff.source";
    /** {@link Messages.SourcesReady} → forward. */
    public static final String FORWARD = "thermodiff.forward";
    /** {@link Messages.ForwardReady} → estimator. */
    public static final String ESTIMATOR = "thermodiff.estimator";
    /** {@link Messages.FieldReady} → sampler. */
    public static final String SAMPLER = "thermodiff.sampler";
    /** {@link Messages.SamplingStarted}, {@link Messages.SnapshotReady}, {@link Messages.SamplingFinished} → metrics. */
    public static final String METRICS = "thermodiff.metrics";
    /** {@link Messages.ExperimentStarted}, {@link Messages.RunCompleted}, {@link Messages.RunFailed} → reporter. */
    public static final String REPORTER = "thermodiff.reporter";
    /** Published by the reporter: {@link Messages.RunSettled} and {@link Messages.ExperimentFinished}. */
    public static final String EVENTS = "thermodiff.events";

    private Addresses() {
    }
}
