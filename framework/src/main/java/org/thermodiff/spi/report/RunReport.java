package org.thermodiff.spi.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.thermodiff.spi.metrics.BoundCheck;
import org.thermodiff.spi.metrics.Series;

/**
 * The outcome of one run of an experiment.
 *
 * @param index   position of the run in the expanded matrix
 * @param labels  value of every matrix axis, in axis order
 * @param seed    the run's seed
 * @param values  metric values (empty if the run failed)
 * @param series  per-time columns (empty if the run failed)
 * @param checks  bound checks (empty if the run failed)
 * @param error   why the run failed, empty if it succeeded
 * @param timings       wall time per pipeline stage in milliseconds, in stage order
 * @param diagnostics   facts reported by the sampler (nodes, steps, evaluations …)
 * @param tables        further tables of the metrics by name (density profiles …), empty if failed
 * @param configuration the run's resolved configuration: every plugin with all its parameters,
 *                      defaults included (JSON-ready: maps, lists, strings, numbers, booleans)
 */
public record RunReport(int index, Map<String, String> labels, long seed, Map<String, Object> values,
                        Series series, List<BoundCheck> checks, Optional<RunError> error,
                        Map<String, Long> timings, Map<String, Object> diagnostics, Map<String, Series> tables,
                        Map<String, Object> configuration) {

    public RunReport {
        labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        Objects.requireNonNull(series, "series");
        checks = List.copyOf(checks);
        Objects.requireNonNull(error, "error");
        timings = Collections.unmodifiableMap(new LinkedHashMap<>(timings));
        diagnostics = Collections.unmodifiableMap(new LinkedHashMap<>(diagnostics));
        tables = Collections.unmodifiableMap(new LinkedHashMap<>(tables));
        configuration = Collections.unmodifiableMap(new LinkedHashMap<>(configuration));
    }

    /** Why a run failed. */
    public record RunError(String stage, String message) {
    }

    /** The same outcome at another position of a matrix (a stored or remotely computed run placed in this sweep). */
    public RunReport at(int index, Map<String, String> labels) {
        return new RunReport(index, labels, seed, values, series, checks, error, timings, diagnostics, tables, configuration);
    }

    /** The same outcome with one more diagnostic (e.g. the cluster worker that computed it). */
    public RunReport withDiagnostic(String key, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(diagnostics);
        more.put(key, value);
        return new RunReport(index, labels, seed, values, series, checks, error, timings, more, tables, configuration);
    }

    /** Whether the run completed. */
    public boolean succeeded() {
        return error.isEmpty();
    }

    /** Whether every bound check held (vacuously true for a failed run). */
    public boolean boundsHold() {
        return checks.stream().allMatch(BoundCheck::holds);
    }

    /**
     * A file-name-safe identifier made of the label values, e.g. {@code cosine__gaussian-mean}
     * (DESIGN.md §4 names series files after it).
     */
    public String slug() {
        if (labels.isEmpty()) {
            return "run";
        }
        return labels.values().stream().map(v -> v.replaceAll("[^A-Za-z0-9._-]+", "_"))
                .collect(Collectors.joining("__"));
    }
}
