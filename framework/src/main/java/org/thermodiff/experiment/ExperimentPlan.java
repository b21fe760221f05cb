package org.thermodiff.experiment;

import java.nio.file.Path;
import java.util.List;
import org.thermodiff.spi.Reporter;

/**
 * A validated experiment: its runs (the expanded matrix) and how to report them.
 *
 * @param name        experiment name (also its output directory)
 * @param description free text, may be empty
 * @param source      the YAML file
 * @param text        the YAML text as read
 * @param axes        matrix axis names, in order
 * @param runs        the runs, in matrix order (combinations not excluded, then included rows); run i has index i
 * @param reporters   the reporters
 * @param seed        the experiment seed
 */
public record ExperimentPlan(String name, String description, Path source, String text, List<String> axes,
                             List<RunSpec> runs, List<PluginSpec<Reporter>> reporters, long seed) {

    public ExperimentPlan {
        axes = List.copyOf(axes);
        runs = List.copyOf(runs);
        reporters = List.copyOf(reporters);
    }
}
