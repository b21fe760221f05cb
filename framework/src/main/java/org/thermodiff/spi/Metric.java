package org.thermodiff.spi;

import org.thermodiff.spi.metrics.MetricAccumulator;
import org.thermodiff.spi.metrics.RunContext;

/** Turns the stream of snapshots of a run into numbers, time series and bound checks. */
public interface Metric {

    /** Opens an accumulator for one run. */
    MetricAccumulator open(RunContext context);
}
