package org.thermodiff.plugins.distances;

import java.util.Arrays;
import java.util.BitSet;

/**
 * The integer transportation problem {@code min Σ ĉ_ij f_ij}, {@code Σ_j f_ij = â_i},
 * {@code Σ_i f_ij = b̂_j}, {@code f ≥ 0}, over all {@code n × m} arcs, solved exactly on a few of
 * them: column generation with an LP-duality certificate.
 *
 * <ol>
 *   <li>Candidate arcs: each row's {@code k} cheapest columns, each column's {@code k} cheapest rows,
 *       and the north-west-corner arcs of {@code â, b̂}, which alone carry a feasible flow (so every
 *       restricted problem is feasible).</li>
 *   <li>An exact integer solver (OR-Tools) finds an optimal flow {@code f} on the candidates.</li>
 *   <li>Dual potentials: shortest distances {@code d} from a virtual source (0 to every node) in the
 *       residual graph of the restricted problem — arc {@code i → j} of cost {@code ĉ_ij} for every
 *       candidate, {@code j → i} of cost {@code −ĉ_ij} where {@code f_ij > 0} — by Bellman–Ford with
 *       a queue, in exact {@code long} arithmetic. The arc capacities {@code min(â_i, b̂_j)} that
 *       OR-Tools is given never bind (every feasible flow obeys them), so {@code f} is optimal for the
 *       uncapacitated restricted problem too; its residual graph has no negative cycle and the
 *       distances exist. They give reduced costs {@code r_ij = ĉ_ij + d_i − d_j ≥ 0} on every
 *       candidate, {@code = 0} where {@code f_ij > 0}.</li>
 *   <li>Pricing: {@code r_ij} is evaluated on all {@code n·m} arcs. If none is negative, {@code f}
 *       (extended by zeros) and {@code (−d_i, d_j)} satisfy primal feasibility, dual feasibility and
 *       complementary slackness of the full problem: {@code f} is optimal over all arcs, with
 *       certificate. Otherwise the most negative arcs of each offending row are added and the loop
 *       returns to 2. Each round adds at least one arc that was not a candidate (candidates have
 *       {@code r ≥ 0}), so the loop ends, at worst with all arcs (the dense problem); past
 *       {@link #maxArcs} candidates it hands over to the dense solve at once.</li>
 * </ol>
 *
 * The result is therefore an optimum of exactly the problem the dense solve would have solved (same
 * integer costs, same integer masses), so {@link ExactTransport}'s error bound holds unchanged; only
 * ties may be broken differently.
 */
final class CertifiedSparseTransport {

    /** An exact solver of the integer transportation problem restricted to the given arcs. */
    interface ArcSolver {
        /**
         * @return an optimal flow per arc (index {@code a < arcs})
         * @throws IllegalStateException if the solver does not report an optimum
         */
        long[] solve(int[] tail, int[] head, long[] cost, int arcs);
    }

    /**
     * The certified optimum.
     *
     * @param tail   row of each arc
     * @param head   column of each arc
     * @param flow   optimal integer flow of each arc
     * @param arcs   number of arcs (the arrays may be longer)
     * @param rounds solves it took (1: the first candidate set was already optimal)
     * @param dense  whether the repair loop gave up for the dense solve ({@link #maxArcs})
     */
    record Outcome(int[] tail, int[] head, long[] flow, int arcs, int rounds, boolean dense) {
    }

    private final double[] x;
    private final double[] y;
    private final int dim;
    private final int p;
    private final int n;
    private final int m;
    private final long[] qa;
    private final long[] qb;
    private final double s;
    private final BitSet present;
    private int[] tail = new int[16];
    private int[] head = new int[16];
    private long[] cost = new long[16];
    private int arcs;

    private CertifiedSparseTransport(double[] x, double[] y, int dim, int p, int n, int m, long[] qa, long[] qb, double s) {
        this.x = x;
        this.y = y;
        this.dim = dim;
        this.p = p;
        this.n = n;
        this.m = m;
        this.qa = qa;
        this.qb = qb;
        this.s = s;
        this.present = new BitSet(n * m);
    }

    /** The integer cost the solvers see: {@code round(c_ij · S)} (the same everywhere, so the certificate is exact). */
    static long integerCost(double cij, double s) {
        return Math.round(cij * s);
    }

    /**
     * Solves the integer problem over all arcs with positive masses at both ends.
     *
     * @param x       row positions, row-major {@code n × dim}
     * @param y       column positions, {@code m × dim}
     * @param p       the exponent of the cost {@code c_ij = |x_i − y_j|^p} ({@link GroundCost#at})
     * @param qa      integer supplies (rows), summing to the demands' sum
     * @param qb      integer demands (columns)
     * @param s       the cost scale {@code S}: integer costs are {@code round(c_ij S)}
     * @param k       nearest candidates per row and per column ({@code ≥ 1})
     * @param perRow  at most this many violating arcs added per row and round ({@code ≥ 1})
     * @param solver  the exact restricted solver
     */
    static Outcome solve(double[] x, double[] y, int dim, int p, int n, int m, long[] qa, long[] qb, double s, int k,
                         int perRow, ArcSolver solver) {
        return solve(x, y, dim, p, n, m, qa, qb, s, k, perRow, -1, solver);
    }

    /** As above, handing over to the dense solve past {@code maxArcs} candidates ({@code < 0}: {@link #maxArcs}). */
    static Outcome solve(double[] x, double[] y, int dim, int p, int n, int m, long[] qa, long[] qb, double s, int k,
                         int perRow, long maxArcs, ArcSolver solver) {
        CertifiedSparseTransport t = new CertifiedSparseTransport(x, y, dim, p, n, m, qa, qb, s);
        t.initialCandidates(matched(x, qa, y, qb, dim), y, dim, Math.min(k, Math.max(n, m)));
        long limit = maxArcs >= 0 ? maxArcs : maxArcs(n, m);
        long[] d = new long[n + m];
        for (int round = 1; ; round++) {
            long[] flow = solver.solve(t.tail, t.head, t.cost, t.arcs);
            t.potentials(flow, d);
            if (!t.price(d, perRow)) {
                return new Outcome(t.tail, t.head, flow, t.arcs, round, false);
            }
            if (t.arcs > limit) {
                Outcome full = dense(x, y, dim, p, n, m, qa, qb, s, solver);
                return new Outcome(full.tail(), full.head(), full.flow(), full.arcs(), round + 1, true);
            }
        }
    }

    /**
     * Beyond this many candidates the repair loop hands over to the dense solve: when the first
     * candidates are far from the optimum each round's solve approaches the dense one's cost
     * (clusters of unequal sizes, n = 2000, without a limit: 16 rounds growing to 10⁶ arcs, 11 s,
     * against the dense solve's 1.2 s). {@code n·m/16}: measured, that case then costs one sparse round
     * more than the dense solve.
     */
    static long maxArcs(int n, int m) {
        return (long) n * m / 16;
    }

    /** All arcs with positive masses at both ends, solved at once (no certificate needed). */
    static Outcome dense(double[] x, double[] y, int dim, int p, int n, int m, long[] qa, long[] qb, double s,
                         ArcSolver solver) {
        int count = 0;
        for (long v : qa) {
            count += v > 0 ? 1 : 0;
        }
        int cols = 0;
        for (long v : qb) {
            cols += v > 0 ? 1 : 0;
        }
        int arcs = Math.multiplyExact(count, cols);
        int[] tail = new int[arcs];
        int[] head = new int[arcs];
        long[] cost = new long[arcs];
        int a = 0;
        for (int i = 0; i < n; i++) {
            if (qa[i] == 0) {
                continue;
            }
            for (int j = 0; j < m; j++) {
                if (qb[j] > 0) {
                    tail[a] = i;
                    head[a] = j;
                    cost[a] = integerCost(GroundCost.at(x, i, y, j, dim, p), s);
                    a++;
                }
            }
        }
        return new Outcome(tail, head, solver.solve(tail, head, cost, arcs), arcs, 1, true);
    }

    private void add(int i, int j) {
        int index = i * m + j;
        if (present.get(index)) {
            return;
        }
        present.set(index);
        if (arcs == tail.length) {
            int size = 2 * arcs;
            tail = Arrays.copyOf(tail, size);
            head = Arrays.copyOf(head, size);
            cost = Arrays.copyOf(cost, size);
        }
        tail[arcs] = i;
        head[arcs] = j;
        cost[arcs] = integerCost(GroundCost.at(x, i, y, j, dim, p), s);
        arcs++;
    }

    /**
     * The first cloud moved by the per-coordinate affine map that matches its weighted means and
     * standard deviations to the second's: {@code x̃ = m_b + (σ_b/σ_a)(x − m_a)}. For clouds related
     * by such a map (a shift, an axis scaling) the optimal partners of {@code x̃_i} are near it, so its
     * nearest neighbours are good candidates; for identical clouds it is the identity. It only picks
     * candidates: the certificate decides optimality on the true costs.
     */
    static double[] matched(double[] x, long[] qa, double[] y, long[] qb, int dim) {
        double[][] ma = moments(x, qa, dim);
        double[][] mb = moments(y, qb, dim);
        double[] out = new double[x.length];
        for (int k = 0; k < dim; k++) {
            double ratio = ma[1][k] > 0 && mb[1][k] > 0 ? mb[1][k] / ma[1][k] : 1;
            for (int i = k; i < x.length; i += dim) {
                out[i] = mb[0][k] + ratio * (x[i] - ma[0][k]);
            }
        }
        return out;
    }

    /** Weighted means and standard deviations per coordinate. */
    private static double[][] moments(double[] x, long[] q, int dim) {
        double[] mean = new double[dim];
        double[] sd = new double[dim];
        double total = 0;
        for (long v : q) {
            total += v;
        }
        for (int i = 0; i < q.length; i++) {
            for (int k = 0; k < dim; k++) {
                mean[k] += q[i] / total * x[i * dim + k];
            }
        }
        for (int i = 0; i < q.length; i++) {
            for (int k = 0; k < dim; k++) {
                double t = x[i * dim + k] - mean[k];
                sd[k] += q[i] / total * t * t;
            }
        }
        for (int k = 0; k < dim; k++) {
            sd[k] = Math.sqrt(sd[k]);
        }
        return new double[][] {mean, sd};
    }

    /**
     * Each row's and each column's {@code k} nearest partners by {@code |x̃_i − y_j|²}, and the
     * north-west-corner arcs.
     */
    private void initialCandidates(double[] xt, double[] y, int dim, int k) {
        int[] colBest = new int[m * k];
        double[] colBestCost = new double[m * k];
        int[] colCount = new int[m];
        // The largest kept value of each column (its heap root), contiguous so the common "not kept" test stays in cache.
        double[] colWorst = new double[m];
        Arrays.fill(colWorst, Double.POSITIVE_INFINITY);
        int[] rowBest = new int[k];
        double[] rowBestCost = new double[k];
        for (int i = 0; i < n; i++) {
            if (qa[i] == 0) {
                continue;
            }
            int count = 0;
            double rowWorst = Double.POSITIVE_INFINITY;
            for (int j = 0; j < m; j++) {
                if (qb[j] == 0) {
                    continue;
                }
                double v = GroundCost.at(xt, i, y, j, dim, 2);
                if (v < rowWorst) {
                    count = keepSmallest(rowBest, rowBestCost, 0, count, k, j, v);
                    rowWorst = count == k ? rowBestCost[0] : Double.POSITIVE_INFINITY;
                }
                if (v < colWorst[j]) {
                    colCount[j] = keepSmallest(colBest, colBestCost, j * k, colCount[j], k, i, v);
                    colWorst[j] = colCount[j] == k ? colBestCost[j * k] : Double.POSITIVE_INFINITY;
                }
            }
            for (int t = 0; t < count; t++) {
                add(i, rowBest[t]);
            }
        }
        for (int j = 0; j < m; j++) {
            for (int t = 0; t < colCount[j]; t++) {
                add(colBest[j * k + t], j);
            }
        }
        // North-west corner: a feasible flow on these arcs alone.
        long[] restA = qa.clone();
        long[] restB = qb.clone();
        int i = 0;
        int j = 0;
        while (i < n && j < m) {
            if (restA[i] == 0) {
                i++;
            } else if (restB[j] == 0) {
                j++;
            } else {
                add(i, j);
                long moved = Math.min(restA[i], restB[j]);
                restA[i] -= moved;
                restB[j] -= moved;
            }
        }
    }

    /**
     * Keeps the {@code k} smallest values seen in {@code best[from, from + count)} as a max-heap (its
     * root, the largest kept, is the one compared against).
     *
     * @return the new count
     */
    private static int keepSmallest(int[] best, double[] bestCost, int from, int count, int k, int index, double v) {
        if (count == k) {
            if (!(v < bestCost[from])) {
                return count;
            }
            siftDown(best, bestCost, from, k, index, v);
            return count;
        }
        int pos = count;
        while (pos > 0) {
            int parent = (pos - 1) >> 1;
            if (bestCost[from + parent] >= v) {
                break;
            }
            best[from + pos] = best[from + parent];
            bestCost[from + pos] = bestCost[from + parent];
            pos = parent;
        }
        best[from + pos] = index;
        bestCost[from + pos] = v;
        return count + 1;
    }

    /** Replaces the root of the max-heap {@code [from, from + k)} by {@code (index, v)}. */
    private static void siftDown(int[] best, double[] bestCost, int from, int k, int index, double v) {
        int pos = 0;
        while (true) {
            int child = 2 * pos + 1;
            if (child >= k) {
                break;
            }
            if (child + 1 < k && bestCost[from + child + 1] > bestCost[from + child]) {
                child++;
            }
            if (bestCost[from + child] <= v) {
                break;
            }
            best[from + pos] = best[from + child];
            bestCost[from + pos] = bestCost[from + child];
            pos = child;
        }
        best[from + pos] = index;
        bestCost[from + pos] = v;
    }

    /**
     * Shortest distances from a virtual source in the residual graph (rows {@code 0..n−1}, columns
     * {@code n..n+m−1}), by Bellman–Ford with a FIFO queue, into {@code d}. The source's arc to node
     * {@code v} costs the incoming {@code d_v} (the last round's potentials: any start is valid, since
     * at the end {@code d_v ≤ d_u + w_uv} on every residual arc, which is all the certificate uses; a
     * warm start saves passes).
     *
     * @throws IllegalStateException on a negative cycle (the flow was not optimal: a solver fault)
     */
    private void potentials(long[] flow, long[] d) {
        int nodes = n + m;
        // Out-arcs in compressed rows: row i → column (every candidate), column j → row (flow > 0).
        int[] start = new int[nodes + 1];
        for (int a = 0; a < arcs; a++) {
            start[tail[a] + 1]++;
            if (flow[a] > 0) {
                start[n + head[a] + 1]++;
            }
        }
        for (int v = 0; v < nodes; v++) {
            start[v + 1] += start[v];
        }
        int[] to = new int[start[nodes]];
        long[] w = new long[start[nodes]];
        int[] fill = Arrays.copyOf(start, nodes);
        for (int a = 0; a < arcs; a++) {
            int e = fill[tail[a]]++;
            to[e] = n + head[a];
            w[e] = cost[a];
            if (flow[a] > 0) {
                e = fill[n + head[a]]++;
                to[e] = tail[a];
                w[e] = -cost[a];
            }
        }
        int[] queue = new int[nodes + 1];
        boolean[] queued = new boolean[nodes];
        int[] pushes = new int[nodes];
        int headQ = 0;
        int tailQ = 0;
        for (int v = 0; v < nodes; v++) {
            queue[tailQ++] = v;
            queued[v] = true;
        }
        int size = nodes;
        while (size > 0) {
            int u = queue[headQ];
            headQ = headQ == nodes ? 0 : headQ + 1;
            size--;
            queued[u] = false;
            long du = d[u];
            for (int e = start[u]; e < start[u + 1]; e++) {
                int v = to[e];
                long dv = du + w[e];
                if (dv < d[v]) {
                    d[v] = dv;
                    if (!queued[v]) {
                        // Without negative cycles a node is improved at most (nodes − 1) times after its first pass.
                        if (++pushes[v] > nodes) {
                            throw new IllegalStateException("negative cycle in the residual graph: the restricted "
                                    + "transport solution of " + n + " x " + m + " is not optimal");
                        }
                        queued[v] = true;
                        queue[tailQ] = v;
                        tailQ = tailQ == nodes ? 0 : tailQ + 1;
                        size++;
                    }
                }
            }
        }
    }

    /**
     * Checks {@code r_ij = ĉ_ij + d_i − d_j ≥ 0} on all arcs and adds up to {@code perRow} of the most
     * negative ones of each row.
     *
     * @return whether an arc was added (false: the flow is certified optimal)
     */
    private boolean price(long[] d, int perRow) {
        int before = arcs;
        int[] worst = new int[perRow];
        long[] worstR = new long[perRow];
        for (int i = 0; i < n; i++) {
            if (qa[i] == 0) {
                continue;
            }
            int row = i * m;
            long di = d[i];
            int count = 0;
            for (int j = 0; j < m; j++) {
                if (qb[j] == 0) {
                    continue;
                }
                long dd = di - d[n + j];
                double cs = GroundCost.at(x, i, y, j, dim, p) * s;
                // Cheap filter: r = round(cs) + dd ≥ cs + dd − 1/2, and the double sum cs + dd errs by at most
                // 2⁻⁵³ (cs + |dd|); so a double sum ≥ 1 + 2⁻⁵⁰ (cs + |dd|) proves r ≥ 1/2, i.e. r ≥ 1 > 0.
                // Below that margin r is evaluated exactly in integers.
                if (cs + dd >= 1 + (cs + Math.abs(dd)) * 0x1p-50) {
                    continue;
                }
                long r = Math.round(cs) + dd;
                if (r < 0) {
                    if (present.get(row + j)) {
                        throw new IllegalStateException("candidate arc (" + i + ", " + j + ") has negative reduced cost "
                                + r + " after the shortest paths converged");
                    }
                    count = keepSmallestLong(worst, worstR, count, perRow, j, r);
                }
            }
            for (int t = 0; t < count; t++) {
                add(i, worst[t]);
            }
        }
        return arcs > before;
    }

    private static int keepSmallestLong(int[] best, long[] bestR, int count, int k, int index, long r) {
        if (count < k) {
            best[count] = index;
            bestR[count] = r;
            return count + 1;
        }
        int worst = 0;
        for (int t = 1; t < k; t++) {
            if (bestR[t] > bestR[worst]) {
                worst = t;
            }
        }
        if (r < bestR[worst]) {
            best[worst] = index;
            bestR[worst] = r;
        }
        return count;
    }
}
