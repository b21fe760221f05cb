package org.thermodiff.spi.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Named numeric columns of equal length: a run's time series (first column {@code t}, row
 * {@code k} at time {@code k} of the run's {@code TimeGrid}) or another table such as a density
 * profile (first column {@code x}).
 */
public final class Series {

    private final Map<String, double[]> columns;

    private Series(Map<String, double[]> columns) {
        this.columns = columns;
    }

    /** A builder that starts with the column {@code t}. */
    public static Builder withTimes(double[] times) {
        return withKey("t", times);
    }

    /** A builder whose first (key) column is {@code name}. */
    public static Builder withKey(String name, double[] values) {
        return new Builder(name, values);
    }

    /** An empty series (a metric with no time series). */
    public static Series empty() {
        return new Series(new LinkedHashMap<>());
    }

    /** Column names in order. */
    public List<String> names() {
        return List.copyOf(columns.keySet());
    }

    /** Number of rows. */
    public int rows() {
        return columns.isEmpty() ? 0 : columns.values().iterator().next().length;
    }

    /** A copy of one column. */
    public double[] column(String name) {
        double[] c = columns.get(name);
        if (c == null) {
            throw new IllegalArgumentException("no column '" + name + "'; have " + columns.keySet());
        }
        return c.clone();
    }

    /** Value at ({@code row}, {@code name}). */
    public double get(int row, String name) {
        return columns.get(name)[row];
    }

    /** This series followed by the columns of {@code other} (other's key column, if the same as ours, is dropped). */
    public Series join(Series other) {
        if (other.columns.isEmpty()) {
            return this;
        }
        if (columns.isEmpty()) {
            return other;
        }
        if (other.rows() != rows()) {
            throw new IllegalArgumentException("cannot join series of " + rows() + " and " + other.rows() + " rows");
        }
        Map<String, double[]> joined = new LinkedHashMap<>(columns);
        String key = columns.keySet().iterator().next();
        other.columns.forEach((k, v) -> {
            if (!k.equals(key) && joined.putIfAbsent(k, v) != null) {
                throw new IllegalArgumentException("duplicate series column '" + k + "'");
            }
        });
        return new Series(joined);
    }

    /** Builds a series column by column. */
    public static final class Builder {
        private final Map<String, double[]> columns = new LinkedHashMap<>();
        private final int rows;

        private Builder(String key, double[] values) {
            rows = values.length;
            columns.put(key, values.clone());
        }

        /** Adds a column; its length must match the times. */
        public Builder column(String name, double[] values) {
            if (values.length != rows) {
                throw new IllegalArgumentException("column '" + name + "' has " + values.length + " rows, expected " + rows);
            }
            if (columns.putIfAbsent(name, values.clone()) != null) {
                throw new IllegalArgumentException("duplicate column '" + name + "'");
            }
            return this;
        }

        /** The series. */
        public Series build() {
            return new Series(new LinkedHashMap<>(columns));
        }
    }

    @Override
    public String toString() {
        return "Series" + new ArrayList<>(columns.keySet()) + "×" + rows();
    }
}
