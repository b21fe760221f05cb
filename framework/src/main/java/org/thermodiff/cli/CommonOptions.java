package org.thermodiff.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Options shared by the commands that start the engine. */
final class CommonOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    int threads = Runtime.getRuntime().availableProcessors();

    /** Rejected at parse time (exit 2) when below 1. */
    @Option(names = "--threads", paramLabel = "N", description = "worker threads; runs proceed in parallel up to N "
            + "(default: the number of processors)")
    void threads(int n) {
        if (n < 1) {
            throw new ParameterException(spec.commandLine(), "--threads must be at least 1, got " + n);
        }
        threads = n;
    }

    @Option(names = "--plugins", paramLabel = "DIR", description = "load every *.jar in DIR as a plugin (repeatable); "
            + "also searched: the directories in $" + PluginPath.VARIABLE + " (a path list) or, if it is not set, "
            + "~/.thermodiff/plugins when it exists")
    List<Path> plugins = new ArrayList<>();

    @Option(names = {"-v", "--verbose"}, description = "log details, with stack traces of failed runs")
    boolean verbose;

    @Option(names = {"-q", "--quiet"}, description = "log only warnings and errors")
    boolean quiet;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
    boolean help;
}
