package org.thermodiff.plugins.distances;

import com.google.ortools.graph.LinearSumAssignment;
import com.google.ortools.graph.MinCostFlow;
import com.google.ortools.graph.MinCostFlowBase;
import java.util.Arrays;
import org.thermodiff.spi.TransportPlan;
import org.thermodiff.spi.sampling.PointCloud;

/**
 * Exact optimal transport between two weighted clouds in {@code R^d} for the ground cost
 * {@code |x − y|^p}, {@code p ∈ {1, 2}} (W1 and W2², DESIGN.md §2), by OR-Tools' integer solvers:
 * {@link LinearSumAssignment} when both clouds have {@code n} points of weight {@code 1/n} (an
 * optimal plan is then a permutation, Birkhoff), {@link MinCostFlow} on the complete bipartite
 * graph otherwise.
 *
 * <h2>Sparse solve with an optimality certificate</h2>
 * By default OR-Tools does not see all {@code n·m} arcs: {@link CertifiedSparseTransport} solves on
 * a few nearest-neighbour candidates per point, derives dual potentials from the restricted optimum
 * (shortest paths in its residual graph, exact integers), checks the reduced cost of every arc and
 * adds the violating ones until none is left. The returned plan is then optimal for the full
 * integer problem — the same problem the dense solve ({@code candidates = 0}) hands to OR-Tools —
 * so the bound below applies unchanged. For two 2-D clouds of 2000 points this is several times
 * faster than the dense solve (CONTRIBUTING.md, Benchmark).
 *
 * <h2>Quantisation, and the bound on its error</h2>
 * The solvers take 64-bit integers. Costs are scaled by {@code S = K / C_max} ({@code C_max} the
 * largest cost) and rounded, {@code |ĉ_ij/S − c_ij| ≤ 1/(2S)}. A plan optimal for {@code ĉ} is
 * then within {@code 2 · 1/(2S) = C_max/K} of optimal for {@code c} (its ĉ-cost is at most the
 * ĉ-cost of the c-optimal plan, and each cost moves by at most {@code 1/(2S)} per unit mass).
 *
 * <p>The min-cost flow also quantises the masses: supplies {@code â_i} and demands {@code b̂_j}
 * are integers summing to {@code M} (largest remainders, so {@code |â_i/M − a_i| < 1/M}; exact
 * when a cloud is uniform, {@code M} being a multiple of its size). Its plan couples {@code â/M}
 * and {@code b̂/M}; it is repaired into a coupling of the true weights by scaling down rows and
 * columns that carry too much and coupling the leftover mass {@code δ} by the north-west corner
 * rule. A gluing argument gives {@code |OT(a, b) − OT(â, b̂)| ≤ C_max (TV(a, â) + TV(b, b̂))}
 * (remove the excess mass, re-route the deficit at cost at most {@code C_max}); the repair removes
 * mass (cost ≥ 0) and adds {@code δ} at most {@code C_max} per unit. Hence the returned plan,
 * a true coupling, satisfies
 * <pre>  0 ≤ cost − OT(a, b) ≤ C_max/K + C_max (TV(a, â) + TV(b, b̂) + δ) =: errorBound,</pre>
 * with the total variations and {@code δ} measured, not estimated. At the default resolutions the
 * first term is {@code 2.3e-10 C_max} and the second at most {@code (n + m) 2⁻⁴⁰ C_max}; the
 * rounding of the double sums ({@code ~ n · 2⁻⁵³ · cost}) is below them.
 *
 * <p>Resolution limits: OR-Tools' cost scaling multiplies costs by (nodes + 1) and its prices grow
 * by another factor of the node count, so {@code K ≤ 2⁶³ / (4 (N + 1)²)} for {@code N} nodes.
 */
public final class ExactTransport {

    /** Mass resolution of the min-cost flow: {@code M ≈ 2⁴⁰}, supplies are multiples of {@code 1/M}. */
    static final long DEFAULT_MASS_LEVELS = 1L << 40;
    /**
     * Largest integer cost {@code K = 2³²}: the error bound {@code C_max/K ≈ 2.3e-10 C_max} is far below
     * sampling errors, and each factor 2 more costs OR-Tools another scaling phase (2⁵⁰, capped by the
     * node limit at 2³⁷ for n = 2000, is 1.6 times slower).
     */
    static final long DEFAULT_COST_LEVELS = 1L << 32;

    /**
     * Default candidate arcs per point for the certified sparse solve ({@link CertifiedSparseTransport}):
     * measured on the transport benchmark (two 2-D Gaussian clouds, n = 2000), see CONTRIBUTING.md.
     */
    static final int DEFAULT_CANDIDATES = 48;

    private final long costLevels;
    private final long massLevels;
    private final int candidates;
    private final long maxArcs;

    /** At the default (finest safe) resolutions, by the certified sparse solve. */
    public ExactTransport() {
        this(DEFAULT_COST_LEVELS, DEFAULT_MASS_LEVELS);
    }

    /**
     * At chosen resolutions (coarse ones let tests see the quantisation bound at work), by the
     * certified sparse solve.
     *
     * @param costLevels {@code K}, the integer the largest cost is scaled to (lowered if the node
     *                   count demands it)
     * @param massLevels {@code M}, the integer total mass of the min-cost flow
     */
    public ExactTransport(long costLevels, long massLevels) {
        this(costLevels, massLevels, DEFAULT_CANDIDATES);
    }

    /**
     * At chosen resolutions and sparsity.
     *
     * @param costLevels {@code K}, the integer the largest cost is scaled to (lowered if the node
     *                   count demands it)
     * @param massLevels {@code M}, the integer total mass of the min-cost flow
     * @param candidates nearest candidate arcs per point for the certified sparse solve (which adds
     *                   arcs until LP duality proves the optimum over all arcs); {@code 0}: hand all
     *                   {@code n·m} arcs to OR-Tools at once (the dense solve). Both give an optimum of
     *                   the same integer problem.
     */
    public ExactTransport(long costLevels, long massLevels, int candidates) {
        this(costLevels, massLevels, candidates, -1);
    }

    /**
     * As above; the repair loop hands over to the dense solve past {@code maxArcs} candidates
     * ({@code < 0}: {@link CertifiedSparseTransport#maxArcs}; tests lift it to see the loop itself).
     */
    ExactTransport(long costLevels, long massLevels, int candidates, long maxArcs) {
        if (costLevels < 1 || massLevels < 1) {
            throw new IllegalArgumentException("cost and mass levels must be >= 1, got " + costLevels + " and " + massLevels);
        }
        if (candidates < 0) {
            throw new IllegalArgumentException("candidate arcs per point must be >= 0, got " + candidates);
        }
        this.costLevels = costLevels;
        this.massLevels = massLevels;
        this.candidates = candidates;
        this.maxArcs = maxArcs;
    }

    /**
     * An optimal coupling for the cost {@code |x − y|^p}, with its cost and error bound.
     *
     * @param p 1 (W1) or 2 (W2², the result's {@link TransportResult#distance} takes the root)
     * @throws IllegalArgumentException if the dimensions differ, a cloud is empty, a weight is
     *                                  negative or not finite, or {@code p} is not 1 or 2
     */
    public TransportResult solve(PointCloud a, PointCloud b, int p) {
        return solveCounted(a, b, p).result();
    }

    /**
     * The result, and how many restricted solves the certified sparse solve took.
     *
     * @param result the optimal coupling
     * @param rounds OR-Tools solves (1 for the dense solve, or when the first candidates sufficed)
     * @param dense  whether the last solve had all arcs (dense solve, or the repair loop handed over)
     */
    record Counted(TransportResult result, int rounds, boolean dense) {
    }

    /** {@link #solve}, with the number of restricted solves (tests check that the repair loop ran). */
    Counted solveCounted(PointCloud a, PointCloud b, int p) {
        GroundCost.checkExponent(p);
        GroundCost.checkComparable(a, b);
        double[] wa = normalised(a.weights(), "first");
        double[] wb = normalised(b.weights(), "second");
        OrTools.load();
        // The n × m costs are never stored: every use recomputes them by GroundCost.at, bitwise the same.
        double cMax = GroundCost.max(a, b, p);
        if (a.size() == b.size() && a.hasUniformWeights() && b.hasUniformWeights()) {
            return assignment(cMax, a, b, p);
        }
        return minCostFlow(cMax, wa, wb, a, b, p);
    }

    /** Largest cost, and the integer scale {@code S = K/C_max} allowed for {@code nodes} nodes. */
    private double scale(double cMax, int nodes) {
        double limit = Long.MAX_VALUE / (4.0 * (nodes + 1.0) * (nodes + 1.0));
        double k = Math.min(costLevels, limit);
        return cMax > 0 ? Math.floor(k) / cMax : 0;
    }

    /** The integer problem over all arcs: certified sparse, or dense when {@code candidates == 0}. */
    private CertifiedSparseTransport.Outcome optimum(PointCloud a, PointCloud b, int p, long[] qa, long[] qb, double s,
                                                     CertifiedSparseTransport.ArcSolver solver) {
        if (candidates > 0) {
            return CertifiedSparseTransport.solve(a.positions(), b.positions(), a.dimension(), p, a.size(), b.size(), qa, qb, s,
                    candidates, candidates, maxArcs, solver);
        }
        return CertifiedSparseTransport.dense(a.positions(), b.positions(), a.dimension(), p, a.size(), b.size(), qa, qb, s,
                solver);
    }

    private Counted assignment(double cMax, PointCloud a, PointCloud b, int p) {
        int n = a.size();
        double s = scale(cMax, 2 * n);
        long[] ones = new long[n];
        Arrays.fill(ones, 1);
        CertifiedSparseTransport.Outcome o = optimum(a, b, p, ones, ones, s, ExactTransport::linearSumAssignment);
        int[] source = new int[n];
        int[] target = new int[n];
        double[] mass = new double[n];
        int k = 0;
        for (int arc = 0; arc < o.arcs(); arc++) {
            if (o.flow()[arc] > 0) {
                source[k] = o.tail()[arc];
                target[k] = o.head()[arc];
                mass[k] = 1.0 / n;
                k++;
            }
        }
        if (k != n) {
            throw new IllegalStateException("the assignment of " + n + " x " + n + " matched " + k + " rows");
        }
        double cost = GroundCost.planCost(a, b, p, source, target, mass);
        return new Counted(new TransportResult(cost, new TransportPlan(source, target, mass), s > 0 ? 1 / s : 0),
                o.rounds(), o.dense());
    }

    /** OR-Tools' {@link LinearSumAssignment} on the given arcs; flow 1 on the matched ones. */
    static long[] linearSumAssignment(int[] tail, int[] head, long[] cost, int arcs) {
        LinearSumAssignment solver = new LinearSumAssignment();
        try {
            for (int a = 0; a < arcs; a++) {
                solver.addArcWithCost(tail[a], head[a], cost[a]);
            }
            LinearSumAssignment.Status status = solver.solve();
            if (status != LinearSumAssignment.Status.OPTIMAL) {
                throw new IllegalStateException("OR-Tools LinearSumAssignment failed on " + arcs + " arcs: " + status);
            }
            long[] flow = new long[arcs];
            for (int a = 0; a < arcs; a++) {
                flow[a] = solver.getRightMate(tail[a]) == head[a] ? 1 : 0;
            }
            return flow;
        } finally {
            solver.delete();
        }
    }

    private Counted minCostFlow(double cMax, double[] wa, double[] wb, PointCloud a, PointCloud b, int p) {
        boolean uniformA = a.hasUniformWeights();
        boolean uniformB = b.hasUniformWeights();
        int n = wa.length;
        int m = wb.length;
        long total = massLevels;
        if (uniformA || uniformB) {
            // A multiple of the uniform cloud's size (or of both sizes' lcm) makes its masses exact.
            long unit = uniformA && uniformB ? lcm(n, m) : uniformA ? n : m;
            total = unit <= massLevels ? massLevels / unit * unit : unit;
        }
        long[] qa = quantise(wa, total);
        long[] qb = quantise(wb, total);
        double s = scale(cMax, n + m);
        CertifiedSparseTransport.Outcome o = optimum(a, b, p, qa, qb, s,
                (tail, head, cost, arcs) -> minCostFlow(n, qa, qb, tail, head, cost, arcs));
        int[] src = new int[o.arcs()];
        int[] dst = new int[o.arcs()];
        double[] mass = new double[o.arcs()];
        int k = 0;
        for (int arc = 0; arc < o.arcs(); arc++) {
            long f = o.flow()[arc];
            if (f > 0) {
                src[k] = o.tail()[arc];
                dst[k] = o.head()[arc];
                mass[k] = f / (double) total;
                k++;
            }
        }
        double tv = totalVariation(wa, qa, total) + totalVariation(wb, qb, total);
        return new Counted(repaired(a, b, p, wa, wb, Arrays.copyOf(src, k), Arrays.copyOf(dst, k), Arrays.copyOf(mass, k), cMax,
                (s > 0 ? 1 / s : 0) + cMax * tv), o.rounds(), o.dense());
    }

    /** OR-Tools' {@link MinCostFlow} on the given arcs (capacities {@code min(â_i, b̂_j)}, which never bind). */
    private static long[] minCostFlow(int n, long[] qa, long[] qb, int[] tail, int[] head, long[] cost, int arcs) {
        MinCostFlow solver = new MinCostFlow();
        try {
            for (int a = 0; a < arcs; a++) {
                solver.addArcWithCapacityAndUnitCost(tail[a], n + head[a], Math.min(qa[tail[a]], qb[head[a]]), cost[a]);
            }
            for (int i = 0; i < n; i++) {
                solver.setNodeSupply(i, qa[i]);
            }
            for (int j = 0; j < qb.length; j++) {
                solver.setNodeSupply(n + j, -qb[j]);
            }
            MinCostFlowBase.Status status = solver.solve();
            if (status != MinCostFlowBase.Status.OPTIMAL) {
                throw new IllegalStateException("OR-Tools MinCostFlow failed on " + n + " x " + qb.length + " (" + arcs
                        + " arcs): " + status);
            }
            long[] flow = new long[arcs];
            for (int a = 0; a < arcs; a++) {
                flow[a] = solver.getFlow(a);
            }
            return flow;
        } finally {
            solver.delete();
        }
    }

    /**
     * Turns a coupling of the quantised weights into one of {@code wa}, {@code wb}: rows, then
     * columns, that carry too much are scaled down; the leftover mass {@code δ} is coupled by the
     * north-west corner rule, costing at most {@code δ C_max} more.
     */
    private static TransportResult repaired(PointCloud a, PointCloud b, int p, double[] wa, double[] wb, int[] src, int[] dst,
                                            double[] mass, double cMax, double bound) {
        int n = wa.length;
        int m = wb.length;
        double[] row = new double[n];
        for (int k = 0; k < mass.length; k++) {
            row[src[k]] += mass[k];
        }
        for (int k = 0; k < mass.length; k++) {
            if (row[src[k]] > wa[src[k]]) {
                mass[k] *= wa[src[k]] / row[src[k]];
            }
        }
        double[] col = new double[m];
        for (int k = 0; k < mass.length; k++) {
            col[dst[k]] += mass[k];
        }
        for (int k = 0; k < mass.length; k++) {
            if (col[dst[k]] > wb[dst[k]]) {
                mass[k] *= wb[dst[k]] / col[dst[k]];
            }
        }
        double[] restA = wa.clone();
        double[] restB = wb.clone();
        for (int k = 0; k < mass.length; k++) {
            restA[src[k]] -= mass[k];
            restB[dst[k]] -= mass[k];
        }
        double delta = 0;
        for (int i = 0; i < n; i++) {
            restA[i] = Math.max(restA[i], 0);
            delta += restA[i];
        }
        for (int j = 0; j < m; j++) {
            restB[j] = Math.max(restB[j], 0);
        }
        int size = mass.length;
        int[] s2 = Arrays.copyOf(src, size + n + m);
        int[] d2 = Arrays.copyOf(dst, size + n + m);
        double[] m2 = Arrays.copyOf(mass, size + n + m);
        int i = 0;
        int j = 0;
        while (i < n && j < m) {
            double moved = Math.min(restA[i], restB[j]);
            if (moved > 0) {
                s2[size] = i;
                d2[size] = j;
                m2[size] = moved;
                size++;
                restA[i] -= moved;
                restB[j] -= moved;
            }
            if (restA[i] <= restB[j]) {
                i++;
            } else {
                j++;
            }
        }
        TransportPlan plan = new TransportPlan(Arrays.copyOf(s2, size), Arrays.copyOf(d2, size), Arrays.copyOf(m2, size));
        double cost = GroundCost.planCost(a, b, p, plan.source(), plan.target(), plan.mass());
        return new TransportResult(cost, plan, bound + cMax * delta);
    }

    /** Integers summing to {@code total}, {@code |q_i − w_i total| < 1} (largest remainders). */
    static long[] quantise(double[] w, long total) {
        int n = w.length;
        long[] q = new long[n];
        double[] remainder = new double[n];
        long sum = 0;
        for (int i = 0; i < n; i++) {
            double exact = w[i] * total;
            q[i] = (long) Math.floor(exact);
            remainder[i] = exact - q[i];
            sum += q[i];
        }
        long missing = total - sum;
        if (missing > 0) {
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (x, y) -> Double.compare(remainder[y], remainder[x]));
            for (int k = 0; missing > 0; k = (k + 1) % n, missing--) {
                q[order[k]]++;
            }
        } else {
            for (int k = 0; missing < 0; k = (k + 1) % n) {
                if (q[k] > 0) {
                    q[k]--;
                    missing++;
                }
            }
        }
        return q;
    }

    /** {@code ½ Σ |w_i − q_i/total|}. */
    private static double totalVariation(double[] w, long[] q, long total) {
        double s = 0;
        for (int i = 0; i < w.length; i++) {
            s += Math.abs(w[i] - q[i] / (double) total);
        }
        return 0.5 * s;
    }

    /** The weights divided by their sum, which must be positive and finite. */
    static double[] normalised(double[] w, String which) {
        double sum = 0;
        for (int i = 0; i < w.length; i++) {
            if (!(w[i] >= 0) || !Double.isFinite(w[i])) {
                throw new IllegalArgumentException("weight " + i + " of the " + which + " cloud must be finite and >= 0, got "
                        + w[i]);
            }
            sum += w[i];
        }
        if (!(sum > 0) || !Double.isFinite(sum)) {
            throw new IllegalArgumentException("the weights of the " + which + " cloud must have a positive finite sum, got "
                    + sum);
        }
        double[] out = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            out[i] = w[i] / sum;
        }
        return out;
    }

    private static long lcm(long a, long b) {
        long x = a;
        long y = b;
        while (y != 0) {
            long t = x % y;
            x = y;
            y = t;
        }
        return a / x * b;
    }
}
