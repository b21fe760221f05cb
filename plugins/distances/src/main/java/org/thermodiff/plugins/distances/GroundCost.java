package org.thermodiff.plugins.distances;

import org.thermodiff.spi.sampling.PointCloud;

/**
 * The ground cost {@code c(x, y) = |x − y|^p} (Euclidean norm, {@code p ∈ {1, 2}}) between every
 * pair of two clouds in {@code R^d}, as one row-major {@code n × m} array.
 */
final class GroundCost {

    private GroundCost() {
    }

    /**
     * {@code C[i·m + j] = |x_i − y_j|^p}.
     *
     * @throws IllegalArgumentException if the dimensions differ, a cloud is empty or {@code p} is not 1 or 2
     */
    static double[] matrix(PointCloud a, PointCloud b, int p) {
        checkExponent(p);
        checkComparable(a, b);
        int d = a.dimension();
        int n = a.size();
        int m = b.size();
        double[] x = a.positions();
        double[] y = b.positions();
        double[] c = new double[Math.multiplyExact(n, m)];
        for (int i = 0; i < n; i++) {
            int row = i * m;
            for (int j = 0; j < m; j++) {
                c[row + j] = at(x, i, y, j, d, p);
            }
        }
        return c;
    }

    /**
     * {@code |x_i − y_j|^p} for row-major positions in {@code R^d}: the one formula every cost of this
     * package is evaluated with, so a cost recomputed later is bitwise the same.
     */
    static double at(double[] x, int i, double[] y, int j, int d, int p) {
        int xi = i * d;
        int yj = j * d;
        double s = 0;
        for (int k = 0; k < d; k++) {
            double t = x[xi + k] - y[yj + k];
            s += t * t;
        }
        return p == 2 ? s : Math.sqrt(s);
    }

    /** {@code max_ij |x_i − y_j|^p}, without storing the matrix. */
    static double max(PointCloud a, PointCloud b, int p) {
        double[] x = a.positions();
        double[] y = b.positions();
        int d = a.dimension();
        double max = 0;
        for (int i = 0; i < a.size(); i++) {
            for (int j = 0; j < b.size(); j++) {
                max = Math.max(max, at(x, i, y, j, d, p));
            }
        }
        return max;
    }

    /** {@code Σ_k mass_k |x_{source_k} − y_{target_k}|^p}. */
    static double planCost(PointCloud a, PointCloud b, int p, int[] source, int[] target, double[] mass) {
        double s = 0;
        for (int k = 0; k < mass.length; k++) {
            s += mass[k] * at(a.positions(), source[k], b.positions(), target[k], a.dimension(), p);
        }
        return s;
    }

    static void checkExponent(int p) {
        if (p != 1 && p != 2) {
            throw new IllegalArgumentException("the ground cost |x - y|^p is supported for p = 1 or 2, got p = " + p);
        }
    }

    static void checkComparable(PointCloud a, PointCloud b) {
        if (a.dimension() != b.dimension()) {
            throw new IllegalArgumentException("cannot compare clouds of dimensions " + a.dimension() + " and "
                    + b.dimension());
        }
        if (a.size() == 0 || b.size() == 0) {
            throw new IllegalArgumentException("cannot compare an empty cloud (sizes " + a.size() + " and " + b.size() + ")");
        }
    }

    /** {@code Σ_k mass_k C[source_k·m + target_k]}. */
    static double planCost(double[] c, int m, int[] source, int[] target, double[] mass) {
        double s = 0;
        for (int k = 0; k < mass.length; k++) {
            s += mass[k] * c[source[k] * m + target[k]];
        }
        return s;
    }
}
