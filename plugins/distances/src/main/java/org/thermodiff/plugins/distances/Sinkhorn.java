package org.thermodiff.plugins.distances;

import java.util.Arrays;
import java.util.Optional;
import org.thermodiff.spi.Distance;
import org.thermodiff.spi.Distribution;
import org.thermodiff.spi.Param;
import org.thermodiff.spi.TransportPlan;
import org.thermodiff.spi.sampling.Cloud;
import org.thermodiff.spi.sampling.PointCloud;

/**
 * Entropic optimal transport (Cuturi 2013) by Sinkhorn's iterations in the log domain:
 * {@code π_ε = argmin ⟨π, C⟩ − ε H(π)} over couplings of {@code a} and {@code b}, with
 * {@code π_ij = exp((f_i + g_j − C_ij)/ε) a_i b_j} and the dual potentials updated by
 * <pre>  f_i = −ε log Σ_j b_j exp((g_j − C_ij)/ε),   g_j = −ε log Σ_i a_i exp((f_i − C_ij)/ε),</pre>
 * each a log-sum-exp, stable for any {@code ε > 0} (no underflow of {@code e^{−C/ε}}).
 *
 * <p>After a {@code g}-update the column marginals are exact; iterations stop when the row
 * marginals are within {@code tolerance} in L1, or after {@code maxIterations}. The returned
 * cost is the transport cost {@code ⟨π_ε, C⟩} of the regularised plan (not the entropic
 * objective): it decreases to the optimal cost as {@code ε → 0}, with
 * {@code 0 ≤ ⟨π_ε, C⟩ − OT ≤ ε log min(n, m)} for an exact fixed point. Entries of the plan
 * below {@code 10⁻¹⁵/(n m)} are dropped, so at most {@code 10⁻¹⁵} of the mass is lost.
 */
final class Sinkhorn implements Distance {

    /**
     * Parameters of {@code sinkhorn}.
     *
     * @param epsilon       regularisation {@code ε}, in units of the cost
     * @param maxIterations most iterations
     * @param tolerance     L1 error allowed in the row marginals
     * @param order         exponent {@code p} of the cost {@code |x − y|^p}
     */
    record Params(
            @Param(doc = "entropic regularisation ε, in units of the cost |x − y|^p", defaultValue = "0.01", min = 0,
                    exclusiveMin = true) double epsilon,
            @Param(doc = "most Sinkhorn iterations", defaultValue = "10000", min = 1, max = 1_000_000_000)
            int maxIterations,
            @Param(doc = "stop when the row marginals are this close in L1", defaultValue = "1e-9", min = 0,
                    exclusiveMin = true) double tolerance,
            @Param(doc = "exponent p of the ground cost |x − y|^p (1 or 2); the distance is ⟨π_ε, C⟩^{1/p}",
                    defaultValue = "2", min = 1, max = 2) int order) {
    }

    /** Total mass that dropping tiny plan entries may lose. */
    private static final double DROPPED_MASS = 1e-15;

    private final double epsilon;
    private final int maxIterations;
    private final double tolerance;
    private final int order;

    Sinkhorn(Params params) {
        this(params.epsilon(), params.maxIterations(), params.tolerance(), params.order());
    }

    /**
     * @param epsilon       regularisation {@code ε > 0}, in units of the cost
     * @param maxIterations most (f, g) update pairs
     * @param tolerance     stop when {@code Σ_i |Σ_j π_ij − a_i| ≤ tolerance}
     * @param order         exponent {@code p} of the cost, 1 or 2
     */
    Sinkhorn(double epsilon, int maxIterations, double tolerance, int order) {
        GroundCost.checkExponent(order);
        if (!(epsilon > 0) || !Double.isFinite(epsilon)) {
            throw new IllegalArgumentException("epsilon must be finite and > 0, got " + epsilon);
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("max-iterations must be >= 1, got " + maxIterations);
        }
        if (!(tolerance > 0)) {
            throw new IllegalArgumentException("tolerance must be > 0, got " + tolerance);
        }
        this.epsilon = epsilon;
        this.maxIterations = maxIterations;
        this.tolerance = tolerance;
        this.order = order;
    }

    /** Entropic OT compares clouds only; between distributions use {@code w1} or {@code w2}. */
    @Override
    public double between(Distribution p, Distribution q) {
        throw new IllegalArgumentException("sinkhorn compares clouds, not distributions; use w1 or w2 between "
                + p.describe() + " and " + q.describe());
    }

    @Override
    public boolean isTransport() {
        return true;
    }

    @Override
    public double between(Cloud a, Cloud b) {
        return between(PointCloud.of(a), PointCloud.of(b));
    }

    @Override
    public Optional<TransportPlan> plan(Cloud a, Cloud b) {
        return plan(PointCloud.of(a), PointCloud.of(b));
    }

    @Override
    public double between(PointCloud a, PointCloud b) {
        return solve(a, b, order).distance(order);
    }

    @Override
    public Optional<TransportPlan> plan(PointCloud a, PointCloud b) {
        return Optional.of(solve(a, b, order).plan());
    }

    /**
     * The regularised plan and its transport cost for {@code |x − y|^p}.
     *
     * @throws IllegalStateException if the marginals are not within tolerance after the iterations
     */
    TransportResult solve(PointCloud a, PointCloud b, int p) {
        double[] c = GroundCost.matrix(a, b, p);
        double[] wa = ExactTransport.normalised(a.weights(), "first");
        double[] wb = ExactTransport.normalised(b.weights(), "second");
        return solve(c, wa, wb);
    }

    TransportResult solve(double[] c, double[] wa, double[] wb) {
        int n = wa.length;
        int m = wb.length;
        double[] logA = logs(wa);
        double[] logB = logs(wb);
        double[] f = new double[n];
        double[] g = new double[m];
        double[] work = new double[Math.max(n, m)];
        double violation = Double.POSITIVE_INFINITY;
        int iteration = 0;
        while (iteration < maxIterations && violation > tolerance) {
            for (int i = 0; i < n; i++) {
                int row = i * m;
                for (int j = 0; j < m; j++) {
                    work[j] = logB[j] + (g[j] - c[row + j]) / epsilon;
                }
                f[i] = -epsilon * logSumExp(work, m);
            }
            updateColumns(c, f, g, logA, n, m, work);
            violation = rowViolation(c, f, g, logA, logB, wa, n, m);
            iteration++;
        }
        if (!(violation <= tolerance)) {
            throw new IllegalStateException("Sinkhorn did not reach tolerance " + tolerance + " in " + maxIterations
                    + " iterations (row marginal error " + violation + ", epsilon " + epsilon
                    + "); raise max-iterations or epsilon");
        }
        return plan(c, f, g, logA, logB, n, m);
    }

    private void updateColumns(double[] c, double[] f, double[] g, double[] logA, int n, int m, double[] work) {
        for (int j = 0; j < m; j++) {
            for (int i = 0; i < n; i++) {
                work[i] = logA[i] + (f[i] - c[i * m + j]) / epsilon;
            }
            g[j] = -epsilon * logSumExp(work, n);
        }
    }

    private double rowViolation(double[] c, double[] f, double[] g, double[] logA, double[] logB, double[] wa, int n,
                                int m) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            double row = 0;
            for (int j = 0; j < m; j++) {
                row += Math.exp(logA[i] + logB[j] + (f[i] + g[j] - c[i * m + j]) / epsilon);
            }
            s += Math.abs(row - wa[i]);
        }
        return s;
    }

    private TransportResult plan(double[] c, double[] f, double[] g, double[] logA, double[] logB, int n, int m) {
        double threshold = DROPPED_MASS / ((double) n * m);
        int[] src = new int[16];
        int[] dst = new int[16];
        double[] mass = new double[16];
        int k = 0;
        double cost = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                double pij = Math.exp(logA[i] + logB[j] + (f[i] + g[j] - c[i * m + j]) / epsilon);
                if (pij > threshold) {
                    if (k == mass.length) {
                        src = Arrays.copyOf(src, 2 * k);
                        dst = Arrays.copyOf(dst, 2 * k);
                        mass = Arrays.copyOf(mass, 2 * k);
                    }
                    src[k] = i;
                    dst[k] = j;
                    mass[k] = pij;
                    cost += pij * c[i * m + j];
                    k++;
                }
            }
        }
        TransportPlan plan = new TransportPlan(Arrays.copyOf(src, k), Arrays.copyOf(dst, k), Arrays.copyOf(mass, k));
        return new TransportResult(cost, plan, Double.NaN);
    }

    /** {@code log w}, with {@code −∞} for zero weights (they then carry no mass). */
    private static double[] logs(double[] w) {
        double[] out = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            out[i] = Math.log(w[i]);
        }
        return out;
    }

    /** {@code log Σ_{k<len} e^{v_k}}, shifted by the maximum. */
    private static double logSumExp(double[] v, int len) {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < len; k++) {
            max = Math.max(max, v[k]);
        }
        if (max == Double.NEGATIVE_INFINITY) {
            return max;
        }
        double s = 0;
        for (int k = 0; k < len; k++) {
            s += Math.exp(v[k] - max);
        }
        return max + Math.log(s);
    }
}
