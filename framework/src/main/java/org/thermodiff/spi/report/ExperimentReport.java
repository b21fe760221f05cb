package org.thermodiff.spi.report;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything reporters write about one experiment.
 *
 * @param name         experiment name
 * @param description  the experiment's free-text description, empty if it has none
 * @param source       the YAML file it came from
 * @param definition   the YAML text of that file, as run
 * @param directory    where reporters write: {@code <out>/<name>}
 * @param axes         matrix axis names, in order
 * @param runs         one report per run, in matrix order
 * @param provenance   version, seed, JVM and similar facts, in a stable order
 * @param wallMillis   wall time of the whole experiment
 */
public record ExperimentReport(String name, String description, Path source, String definition, Path directory,
                               List<String> axes, List<RunReport> runs, Map<String, Object> provenance, long wallMillis) {

    public ExperimentReport {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(directory, "directory");
        axes = List.copyOf(axes);
        runs = List.copyOf(runs);
        provenance = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(provenance));
    }

    /** A report without a description. */
    public ExperimentReport(String name, Path source, String definition, Path directory, List<String> axes,
                            List<RunReport> runs, Map<String, Object> provenance, long wallMillis) {
        this(name, "", source, definition, directory, axes, runs, provenance, wallMillis);
    }

    /** Number of runs that failed. */
    public long failures() {
        return runs.stream().filter(r -> !r.succeeded()).count();
    }

    /** Number of completed runs with a violated bound. */
    public long violations() {
        return runs.stream().filter(r -> r.succeeded() && !r.boundsHold()).count();
    }
}
