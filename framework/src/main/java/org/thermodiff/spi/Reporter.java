package org.thermodiff.spi;

import java.io.IOException;
import org.thermodiff.spi.report.ExperimentReport;

/** Writes or prints the results of an experiment once all its runs have finished. */
public interface Reporter {

    /**
     * Reports; files go under {@link ExperimentReport#directory()} and are written atomically.
     *
     * @throws IOException if writing fails
     */
    void report(ExperimentReport report) throws IOException;
}
