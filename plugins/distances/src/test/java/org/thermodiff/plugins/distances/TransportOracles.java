package org.thermodiff.plugins.distances;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Random;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.thermodiff.spi.sampling.PointCloud;

/** Independent, simple optimal-transport solvers for small problems, and random test clouds. */
final class TransportOracles {

    private TransportOracles() {
    }

    /** {@code |x_i − y_j|^p}, written out independently of {@link GroundCost}. */
    static double cost(PointCloud a, int i, PointCloud b, int j, int p) {
        double s = 0;
        for (int k = 0; k < a.dimension(); k++) {
            double t = a.coordinate(i, k) - b.coordinate(j, k);
            s += t * t;
        }
        return p == 2 ? s : Math.sqrt(s);
    }

    /** Min over all {@code n!} permutations of {@code (1/n) Σ c(x_i, y_σ(i))} (Birkhoff: optimal for uniform weights). */
    static double bruteForce(PointCloud a, PointCloud b, int p) {
        int n = a.size();
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        double best = Double.POSITIVE_INFINITY;
        do {
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += cost(a, i, b, perm[i], p);
            }
            best = Math.min(best, s / n);
        } while (nextPermutation(perm));
        return best;
    }

    private static boolean nextPermutation(int[] p) {
        int i = p.length - 2;
        while (i >= 0 && p[i] >= p[i + 1]) {
            i--;
        }
        if (i < 0) {
            return false;
        }
        int j = p.length - 1;
        while (p[j] <= p[i]) {
            j--;
        }
        swap(p, i, j);
        for (int l = i + 1, r = p.length - 1; l < r; l++, r--) {
            swap(p, l, r);
        }
        return true;
    }

    private static void swap(int[] p, int i, int j) {
        int t = p[i];
        p[i] = p[j];
        p[j] = t;
    }

    /** The transport LP {@code min Σ π_ij c_ij}, {@code Σ_j π_ij = a_i}, {@code Σ_i π_ij = b_j}, {@code π ≥ 0}, by the simplex method. */
    static double linearProgram(PointCloud a, PointCloud b, int p) {
        int n = a.size();
        int m = b.size();
        double[] objective = new double[n * m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                objective[i * m + j] = cost(a, i, b, j, p);
            }
        }
        Collection<LinearConstraint> constraints = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double[] row = new double[n * m];
            for (int j = 0; j < m; j++) {
                row[i * m + j] = 1;
            }
            constraints.add(new LinearConstraint(row, Relationship.EQ, a.weights()[i]));
        }
        // One column constraint is implied by the others (equal totals); dropping it keeps the system non-degenerate.
        for (int j = 0; j < m - 1; j++) {
            double[] col = new double[n * m];
            for (int i = 0; i < n; i++) {
                col[i * m + j] = 1;
            }
            constraints.add(new LinearConstraint(col, Relationship.EQ, b.weights()[j]));
        }
        PointValuePair solution = new SimplexSolver().optimize(new MaxIter(10_000),
                new LinearObjectiveFunction(objective, 0), new LinearConstraintSet(constraints), GoalType.MINIMIZE,
                new NonNegativeConstraint(true));
        return solution.getValue();
    }

    /** {@code n} points in {@code R^d} with standard normal coordinates (scaled) and random positive weights, or uniform ones. */
    static PointCloud random(Random rng, int n, int d, double shift, boolean uniform) {
        double[] x = new double[n * d];
        for (int i = 0; i < x.length; i++) {
            x[i] = shift + rng.nextGaussian();
        }
        if (uniform) {
            return PointCloud.uniform(d, x);
        }
        double[] w = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            w[i] = 0.05 + rng.nextDouble();
            sum += w[i];
        }
        for (int i = 0; i < n; i++) {
            w[i] /= sum;
        }
        return PointCloud.of(d, x, w);
    }

    /** Row and column sums of a plan. */
    static double[][] marginals(org.thermodiff.spi.TransportPlan plan, int n, int m) {
        double[] row = new double[n];
        double[] col = new double[m];
        for (int k = 0; k < plan.size(); k++) {
            row[plan.source()[k]] += plan.mass()[k];
            col[plan.target()[k]] += plan.mass()[k];
        }
        return new double[][] {row, col};
    }

    static List<Integer> sizes(int... s) {
        List<Integer> out = new ArrayList<>();
        for (int v : s) {
            out.add(v);
        }
        return out;
    }
}
