package org.thermodiff.cli;

import picocli.CommandLine.Option;

/** Options shared by the commands that start the engine. */
final class CommonOptions {

    @Option(names = "--threads", paramLabel = "N", description = "worker threads; runs proceed in parallel up to N "
            + "(default: the number of processors, ${DEFAULT-VALUE})")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = {"-v", "--verbose"}, description = "log details, with stack traces of failed runs")
    boolean verbose;

    @Option(names = {"-q", "--quiet"}, description = "log only warnings and errors")
    boolean quiet;
}
