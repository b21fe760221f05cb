package org.thermodiff.spi.metrics;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a metric reports for one run.
 *
 * @param values scalar results in a stable order (numbers as {@code Double}, flags as
 *               {@code Boolean}); keys are the names in results.json
 * @param series per-time columns
 * @param checks inequalities checked
 * @param tables further tables by name (e.g. density profiles {@code density_t0.3333}), written
 *               next to the series
 */
public record MetricResult(Map<String, Object> values, Series series, List<BoundCheck> checks,
                           Map<String, Series> tables) {

    public MetricResult {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        checks = List.copyOf(checks);
        tables = Collections.unmodifiableMap(new LinkedHashMap<>(tables));
    }

    /** A result without extra tables. */
    public MetricResult(Map<String, Object> values, Series series, List<BoundCheck> checks) {
        this(values, series, checks, Map.of());
    }
}
