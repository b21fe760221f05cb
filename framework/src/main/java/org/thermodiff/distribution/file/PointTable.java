package org.thermodiff.distribution.file;

import java.util.Arrays;
import java.util.List;
import org.thermodiff.distribution.EmpiricalDistribution;
import org.thermodiff.spi.WeightedPoints;

/**
 * Points read from a file: {@code n} rows of {@code d} finite numbers, row-major (point {@code i}
 * at {@code [i·d, (i+1)·d)}), with the column names of a CSV header when there was one. The array
 * is copied in and out.
 *
 * @param dimension   {@code d ≥ 1}
 * @param values      {@code n·d} finite values, {@code n ≥ 1}
 * @param columnNames {@code d} names, or empty
 */
public record PointTable(int dimension, double[] values, List<String> columnNames) {

    public PointTable {
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be at least 1, got " + dimension);
        }
        if (values.length == 0 || values.length % dimension != 0) {
            throw new IllegalArgumentException("expected a positive multiple of " + dimension + " values, got "
                    + values.length);
        }
        if (!columnNames.isEmpty() && columnNames.size() != dimension) {
            throw new IllegalArgumentException("expected " + dimension + " column names, got " + columnNames.size());
        }
        values = values.clone();
        columnNames = List.copyOf(columnNames);
    }

    /** Number of points {@code n}. */
    public int size() {
        return values.length / dimension;
    }

    /** Coordinate {@code k} of point {@code i}. */
    public double value(int i, int k) {
        return values[i * dimension + k];
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    /** The points as equally weighted atoms. */
    public WeightedPoints toAtoms() {
        double[] w = new double[size()];
        Arrays.fill(w, 1.0 / w.length);
        return new WeightedPoints(dimension, values, w);
    }

    /** The empirical distribution of the points, equally weighted. */
    public EmpiricalDistribution toDistribution() {
        return EmpiricalDistribution.of(toAtoms());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PointTable t && dimension == t.dimension && Arrays.equals(values, t.values)
                && columnNames.equals(t.columnNames);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * dimension + Arrays.hashCode(values)) + columnNames.hashCode();
    }

    @Override
    public String toString() {
        return "PointTable[n=" + size() + ", d=" + dimension + (columnNames.isEmpty() ? "" : ", " + columnNames)
                + "]";
    }
}
