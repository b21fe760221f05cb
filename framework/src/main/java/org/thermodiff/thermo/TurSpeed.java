package org.thermodiff.thermo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The speed {@code v2} in Wasserstein space (Eq. 66) from the thermodynamic uncertainty relation
 * (Eqs. 72–76), on a weighted particle cloud that carries the velocities {@code ν(x_i)} of the field.
 *
 * <p>For every observable {@code r}, the continuity equation gives {@code ∂_t E_P[r] = E_P[ν·∇r]}
 * and the TUR reads {@code v2² ≥ (E[ν·∇r])² / E|∇r|²}, with equality at the optimal {@code r*}
 * (whose gradient is the gradient part of {@code ν}, its L²(P) projection onto gradients). Over a
 * basis {@code r = Σ_k c_k φ_k} the maximum is {@code bᵀ G⁻¹ b} with {@code b_k = E[ν·∇φ_k]} and
 * {@code G_kl = E[∇φ_k·∇φ_l]} (DESIGN.md §2): a lower bound on {@code v2²} that increases to it as
 * the basis grows, while {@code E|ν|² = T·Ṡ} (Eq. 36) is the upper bound of Eq. 67, reached when
 * {@code ν} is a gradient.
 *
 * <p>Bases ({@link BasisSpec}): {@code polynomial} — every monomial of degree 1…p in the
 * coordinates centred and scaled by the cloud's weighted mean and standard deviation (the span is
 * the same as in raw coordinates; the scaling only conditions {@code G}); {@code radial} — Gaussian
 * bumps {@code exp(−|x − c_j|²/(2h²))} at K centres chosen by weighted k-means++ seeding with a
 * fixed seed, {@code h} the median pairwise distance of the centres; {@code mixed} — the monomials
 * of degree 1…{@value #MIXED_DEGREE} followed by K multi-scale bumps
 * {@code exp(−|x − c_j|²/(2h_j²))} at the same k-means++ centres, each with its own width
 * {@code h_j = }{@value #MIXED_WIDTH}{@code ·D_j}, where {@code D_j} is the distance from
 * {@code c_j} to the nearest earlier centre {@code c_0…c_{j−1}} (for {@code c_0}: the cloud's rms
 * radius {@code sqrt(E|x − E x|²)}). k-means++ draws each centre with probability
 * {@code ∝ D²}, so {@code D_j} shrinks like the covering radius of the first j centres: the first
 * bumps are broad, the later ones resolve the scale of the cloud where they sit (a thin curved
 * ridge as well as a broad blob), and the quadratics carry the smooth global part (a quadratic
 * potential exactly). All three are ordered so that leading subsets are the smaller bases of the
 * same family (degrees 1…q; the first K' centres, for {@code mixed} with the same widths as a
 * K'-centre basis of its own, since {@code D_j} depends on earlier centres only), and
 * {@link Result} reports the bound for each of these nested sizes, to show convergence.
 *
 * <p>Every number this class returns is the TUR ratio of an actual observable (the maximiser found
 * within the numerically resolved part of the span, see {@link #solve}), so it is a lower bound on
 * {@code v2²} up to rounding, whatever the truncation — a bound on the cloud's, which for a field
 * that is not a gradient can exceed the population's: fitted to the same n particles it is measured on,
 * m functions also absorb about {@code m/n} of the non-gradient part {@code E|ν − ∇r*|²}. The
 * cross-fitted {@link Result#heldOut()} (observable fitted on one half of the cloud, its ratio
 * measured on the other) has no such optimism — it errs low instead, each fit seeing half the
 * particles — so, up to the truncation, the two bracket the population's value, and their gap
 * measures the optimism.
 *
 * <p>Instances ({@link BasisSpec}, {@link Observable}, {@link Result}) are immutable; the static
 * methods take the cloud as row-major positions {@code x} ({@code n × d}), weights {@code w} and
 * velocities {@code v} ({@code n × d}) and never write them.
 */
public final class TurSpeed {

    /**
     * Cut-off on the pivots of the Cholesky factorisation of the Jacobi-scaled Gram matrix (unit
     * diagonal): a function is kept only if the part of its gradient outside the span of the
     * functions kept before it has squared L²(P) norm above this fraction of its own. The entries
     * are weighted sums over up to ~10⁶ particles, accurate to about {@code n·u ≈ 1e-10} relative in
     * the worst case ({@code u ≈ 1.1e-16}); a smaller remainder is rounding, not information about the
     * cloud, and solving with it would amplify rounding in {@code b} by up to 1e16. Dropping such
     * functions restricts the maximisation to a resolved sub-span, which can only lower the bound (it
     * stays a valid TUR ratio).
     */
    static final double PIVOT_CUTOFF = 1e-10;

    /** Largest basis (functions) accepted: building {@code G} costs {@code n·m²·d/2} per cloud. */
    public static final int MAX_BASIS = 600;

    /** Seed of the k-means++ choice of radial centres (fixed, so the basis is a function of the cloud). */
    static final long CENTRE_SEED = 0x5EEDL;

    /**
     * Degree of the monomials in the {@code mixed} basis: 2, so that a quadratic potential (a linear
     * field, e.g. every Gaussian-to-Gaussian velocity) is represented exactly; degree 3 added less
     * than 0.3% of {@code ∫v2²} on the Swiss roll once 64 or more bumps are present (2.6% with 16).
     */
    public static final int MIXED_DEGREE = 2;

    /**
     * Width of the {@code mixed} basis's bumps in units of the distance {@code D_j} to the nearest
     * earlier centre. Measured on the Swiss roll at g = 0 (10⁴ independent draws of P_t with their
     * exact velocities at each of 24 times, 128 bumps): 1.5 recovers 99.3% of {@code ∫E|ν|²}, 2 99.2%,
     * 3 98.8%; below 1 neighbouring bumps barely overlap and the span has holes (0.5: 90%, with 3000
     * draws).
     */
    static final double MIXED_WIDTH = 1.5;

    private TurSpeed() {
    }

    /** Families of basis functions. */
    public enum BasisKind { POLYNOMIAL, RADIAL, MIXED }

    /**
     * A basis family and size: the degree {@code p ≥ 1} for {@code polynomial}, the number of
     * centres {@code K ≥ 1} for {@code radial} and {@code mixed}.
     */
    public record BasisSpec(BasisKind kind, int size) {
        public BasisSpec {
            if (kind == null) {
                throw new IllegalArgumentException("basis kind is null");
            }
            if (size < 1) {
                throw new IllegalArgumentException("basis size must be at least 1, got " + size);
            }
        }

        /**
         * The nested sizes reported: degrees {@code 1…p} for polynomial; for radial
         * {@code K, ⌈K/2⌉, ⌈K/4⌉, …} down to at most 4 levels, ascending; for mixed the same numbers
         * of bumps after 0 (the quadratics alone).
         */
        public int[] levels() {
            if (kind == BasisKind.POLYNOMIAL) {
                int[] l = new int[size];
                for (int q = 1; q <= size; q++) {
                    l[q - 1] = q;
                }
                return l;
            }
            List<Integer> l = new ArrayList<>();
            for (int k = size; l.size() < 4; k = (k + 1) / 2) {
                if (l.isEmpty() || l.get(l.size() - 1) != k) {
                    l.add(k);
                }
                if (k == 1) {
                    break;
                }
            }
            if (kind == BasisKind.MIXED) {
                l.add(0);
            }
            return l.stream().sorted().mapToInt(Integer::intValue).toArray();
        }

        /** Number of functions in {@code d} dimensions at nested size {@code level} (see {@link #levels}). */
        public int functions(int d, int level) {
            return switch (kind) {
                case POLYNOMIAL -> monomialCount(d, level);
                case RADIAL -> level;
                case MIXED -> monomialCount(d, MIXED_DEGREE) + level;
            };
        }
    }

    /**
     * The TUR bound on one cloud.
     *
     * @param levels    the nested basis sizes (degree or number of centres), ascending
     * @param functions number of basis functions at each level
     * @param v2Squared the bound {@code bᵀG⁻¹b} at each level, non-decreasing up to rounding
     * @param bound     the bound over the full basis together with any extra observables (the
     *                  last level when there are none)
     * @param heldOut   the same functions cross-fitted: the particles split into two random halves
     *                  ({@link #halves}), the maximising observable of each half's {@code (G, b)}
     *                  and its TUR ratio on the other half, the two ratios averaged with the halves'
     *                  weights. Each is the TUR ratio of an observable on a cloud it was not fitted
     *                  to, so unlike {@code bound} it carries no in-sample optimism; it is at most
     *                  {@code kinetic} (Cauchy–Schwarz on each half), and for a gradient field it is
     *                  below {@code bound} by the noise of a fit to half the cloud
     * @param kinetic   {@code E|ν|² = T·Ṡ}, the upper bound (Eq. 67)
     */
    public record Result(int[] levels, int[] functions, double[] v2Squared, double bound, double heldOut,
                         double kinetic) {
    }

    /**
     * Estimated truncation error of a TUR bound: how far the exact {@code v2²} lies above
     * {@code a_L}, given the bound's values {@code a_1 ≤ … ≤ a_L} at the nested sizes of
     * {@link BasisSpec#levels()} (at one time, or integrated over time).
     *
     * <p>The nested bounds increase to {@code v2²}. If the increments shrink geometrically,
     * {@code Δ_{j+1} = ρΔ_j}, the remainder is {@code v2² − a_L = Δ_L ρ/(1 − ρ)}; the estimate is
     * {@code max(Δ_L, Δ_L ρ/(1 − ρ))} with {@code ρ = Δ_L/Δ_{L−1}} from the last two increments. It is
     * never below the last increment, which already bounds the remainder of any sequence whose
     * error at least halves per level (mixed levels double the bumps; on the Swiss roll the error
     * falls about 3-fold per doubling), and it is the geometric remainder when convergence is
     * slower. Where no rate can be read off — fewer than three levels, or increments that do not
     * shrink ({@code ρ ≥ 1}) — the estimate is {@code gap}, the distance to the upper bound
     * {@code E|ν|²} (Eq. 67), the most the bound can miss; it is never above {@code gap}, and 0 when
     * the last level added nothing. For the polynomial basis the increments alternate with parity
     * (odd degrees add nothing to an even potential), so the rate is read over steps of two degrees,
     * {@code a_L, a_{L−2}, a_{L−4}} (degree ≥ 5, else {@code gap}). For the radial basis it is always
     * {@code gap}: its one width does not shrink as bumps are added, so the span stops growing finer
     * and the levels converge to a value below {@code v2²} — their increments say nothing about the
     * distance to it (on the Swiss roll at g = 0, 64 → 128 bumps added 0.003 while 0.12 was missing).
     *
     * @param gap {@code E|ν|² − a_L} (or its time integral), clipped at 0
     */
    public static double truncation(BasisKind kind, double[] levels, double gap) {
        int step = kind == BasisKind.POLYNOMIAL ? 2 : 1;
        double cap = Math.max(0, gap);
        int n = levels.length;
        if (kind == BasisKind.RADIAL || n < 2 * step + 1) {
            return cap;
        }
        double last = levels[n - 1] - levels[n - 1 - step];
        double before = levels[n - 1 - step] - levels[n - 1 - 2 * step];
        if (!(last > 0)) {
            return 0;
        }
        if (!(before > 0) || last >= before) {
            return cap;
        }
        double rho = last / before;
        return Math.min(cap, Math.max(last, last * rho / (1 - rho)));
    }

    /**
     * Gradients of a finite family of functions: {@code gradients(x, i, out)} writes
     * {@code ∂_c φ_k(x_i)} to {@code out[k·d + c]}.
     */
    private interface Gradients {
        int size();

        void gradients(double[] x, int i, double[] out);
    }

    /** {@code E|ν|²}. */
    public static double kinetic(int d, double[] w, double[] v) {
        double s = 0;
        for (int i = 0; i < w.length; i++) {
            double sq = 0;
            for (int c = 0; c < d; c++) {
                double vc = v[i * d + c];
                sq += vc * vc;
            }
            s += w[i] * sq;
        }
        return s;
    }

    /** The TUR bound over {@code spec}'s basis (and its nested sub-bases). */
    public static Result bound(int d, double[] x, double[] w, double[] v, BasisSpec spec) {
        return bound(d, x, w, v, spec, List.of());
    }

    /**
     * The TUR bound over {@code spec}'s basis and its nested sub-bases; {@link Result#bound()} also
     * includes the gradients of {@code extra} observables, so that it is at least the speed of each
     * of them (on which {@code v_r ≤ v2} can then be checked without a truncation error).
     */
    public static Result bound(int d, double[] x, double[] w, double[] v, BasisSpec spec, List<Observable> extra) {
        checkCloud(d, x, w, v);
        Gradients basis = basis(d, x, w, spec);
        List<Gradients> parts = new ArrayList<>();
        parts.add(basis);
        for (Observable r : extra) {
            r.check(d);
            parts.add(r.asGradients(d));
        }
        Gradients all = concat(d, parts);
        int m = all.size();
        double[][][] g = new double[2][m][m];
        double[][] b = new double[2][m];
        boolean[] second = halves(w.length);
        accumulate(d, x, w, v, all, second, g, b);
        double[][] gAll = new double[m][m];
        double[] bAll = new double[m];
        for (int k = 0; k < m; k++) {
            bAll[k] = b[0][k] + b[1][k];
            for (int l = 0; l < m; l++) {
                gAll[k][l] = g[0][k][l] + g[1][k][l];
            }
        }
        int[] levels = spec.levels();
        int[] functions = new int[levels.length];
        double[] values = new double[levels.length];
        for (int q = 0; q < levels.length; q++) {
            functions[q] = spec.functions(d, levels[q]);
            values[q] = solve(gAll, bAll, functions[q]);
        }
        double full = extra.isEmpty() ? values[values.length - 1] : solve(gAll, bAll, m);
        double[] half = new double[2];
        for (int i = 0; i < w.length; i++) {
            half[second[i] ? 1 : 0] += w[i];
        }
        double heldOut = 0;
        for (int h = 0; h < 2; h++) {
            // Observable fitted on the other half, its ratio on this one (normalised by this half's weight).
            double[] c = maximiser(g[1 - h], b[1 - h], m);
            if (half[h] > 0) {
                heldOut += ratio(g[h], b[h], c); // = half[h] · (ratio on the normalised half)
            }
        }
        return new Result(levels, functions, values, full, heldOut, kinetic(d, w, v));
    }

    /**
     * {@link Result#bound()} alone (no nested levels, no cross-fit, no extra observables): the cheap
     * form for the per-batch standard errors.
     */
    public static double fullBound(int d, double[] x, double[] w, double[] v, BasisSpec spec) {
        checkCloud(d, x, w, v);
        Gradients basis = basis(d, x, w, spec);
        int m = basis.size();
        double[][][] g = new double[2][m][m];
        double[][] b = new double[2][m];
        accumulate(d, x, w, v, basis, new boolean[w.length], g, b);
        for (int k = 0; k < m; k++) {
            b[0][k] += b[1][k];
            for (int l = 0; l < m; l++) {
                g[0][k][l] += g[1][k][l];
            }
        }
        return solve(g[0], b[0], m);
    }

    private static Gradients basis(int d, double[] x, double[] w, BasisSpec spec) {
        return switch (spec.kind()) {
            case POLYNOMIAL -> polynomial(d, x, w, spec.size());
            case RADIAL -> radial(d, x, w, spec.size());
            case MIXED -> mixed(d, x, w, spec.size());
        };
    }

    /** {@code v_r = |E[ν·∇r]| / sqrt(E|∇r|²)}, the speed of observable {@code r} (Eq. 72); 0 if {@code ∇r = 0} on the cloud. */
    public static double observableSpeed(int d, double[] x, double[] w, double[] v, Observable r) {
        checkCloud(d, x, w, v);
        r.check(d);
        Gradients grad = r.asGradients(d);
        double[] g = new double[d];
        double num = 0;
        double den = 0;
        for (int i = 0; i < w.length; i++) {
            grad.gradients(x, i, g);
            double dot = 0;
            double sq = 0;
            for (int c = 0; c < d; c++) {
                dot += v[i * d + c] * g[c];
                sq += g[c] * g[c];
            }
            num += w[i] * dot;
            den += w[i] * sq;
        }
        return den > 0 ? Math.abs(num) / Math.sqrt(den) : 0;
    }

    private static void checkCloud(int d, double[] x, double[] w, double[] v) {
        if (d < 1 || x.length != (long) w.length * d || v.length != x.length) {
            throw new IllegalArgumentException("expected " + w.length + " x " + d + " positions and velocities, got "
                    + x.length + " and " + v.length + " values");
        }
    }

    /**
     * Which particles form the second half of the cross-fit: a uniformly random half (⌈n/2⌉ of them),
     * from a permutation with a fixed seed, so the split is a function of n alone. Random rather than
     * by index parity: particle order can carry structure (lattices, quadrature nodes, components
     * drawn in turn), and halves that differ systematically would measure extrapolation, not
     * optimism.
     */
    static boolean[] halves(int n) {
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        SplittableRandom rng = new SplittableRandom(CENTRE_SEED);
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        boolean[] second = new boolean[n];
        for (int i = n / 2; i < n; i++) {
            second[perm[i]] = true;
        }
        return second;
    }

    /**
     * {@code b_k = Σ w_i ν_i·∇φ_k(x_i)}, {@code G_kl = Σ w_i ∇φ_k(x_i)·∇φ_l(x_i)} (full symmetric),
     * summed separately over the first ({@code g[0], b[0]}) and the second half ({@code g[1], b[1]}).
     */
    private static void accumulate(int d, double[] x, double[] w, double[] v, Gradients basis, boolean[] second,
            double[][][] gHalves, double[][] bHalves) {
        int m = basis.size();
        double[] grad = new double[m * d];
        for (int i = 0; i < w.length; i++) {
            double wi = w[i];
            if (wi == 0) {
                continue;
            }
            double[][] g = gHalves[second[i] ? 1 : 0];
            double[] b = bHalves[second[i] ? 1 : 0];
            basis.gradients(x, i, grad);
            for (int k = 0; k < m; k++) {
                double dot = 0;
                for (int c = 0; c < d; c++) {
                    dot += grad[k * d + c] * v[i * d + c];
                }
                b[k] += wi * dot;
                double[] row = g[k];
                for (int l = k; l < m; l++) {
                    double s = 0;
                    for (int c = 0; c < d; c++) {
                        s += grad[k * d + c] * grad[l * d + c];
                    }
                    row[l] += wi * s;
                }
            }
        }
        for (double[][] g : gHalves) {
            for (int k = 0; k < m; k++) {
                for (int l = 0; l < k; l++) {
                    g[k][l] = g[l][k];
                }
            }
        }
    }

    /**
     * {@code max_c (cᵀb)² / cᵀGc} over the first {@code m} functions: {@link #ratio} at the
     * {@link #maximiser}. In exact arithmetic with nothing cut it equals {@code bᵀG⁻¹b}; computed, it
     * is the TUR ratio of the concrete observable {@code Σ c_k φ_k}, so truncation can only make it
     * smaller (still a valid lower bound on {@code v2²}), never larger.
     */
    static double solve(double[][] g, double[] b, int m) {
        return ratio(g, b, maximiser(g, b, m));
    }

    /**
     * {@code (cᵀb)² / cᵀGc} for the coefficients {@code c} (over the first {@code c.length}
     * functions); 0 when {@code cᵀGc = 0}. By Cauchy–Schwarz it is at most {@code Σ w_i|ν_i|²} of the
     * particles {@code (G, b)} were summed over.
     */
    static double ratio(double[][] g, double[] b, double[] c) {
        int m = c.length;
        double num = 0;
        double den = 0;
        for (int k = 0; k < m; k++) {
            if (c[k] == 0) {
                continue;
            }
            num += c[k] * b[k];
            double s = 0;
            for (int l = 0; l < m; l++) {
                s += g[k][l] * c[l];
            }
            den += c[k] * s;
        }
        return den > 0 ? num * num / den : 0;
    }

    /**
     * The maximising coefficients {@code c = G⁻¹b} over the first {@code m} functions, restricted to
     * the functions the data resolve (zero for the others).
     *
     * <p>Method: Jacobi scaling {@code Ĝ = S G S}, {@code S = diag(G_kk^{-1/2})} (functions with zero
     * gradient on the cloud are dropped), then a Cholesky factorisation {@code Ĝ_KK = L Lᵀ} with
     * diagonal pivoting (each step takes the function with the largest remaining pivot, the squared
     * norm of its gradient's part outside the span of those taken), stopped when no pivot exceeds
     * {@link #PIVOT_CUTOFF}; then {@code c_K = S L⁻ᵀ L⁻¹ S b_K} over the kept set K. Why not plain
     * Cholesky: the bases are near-dependent by design (broad bumps, many monomials on a concentrated
     * cloud), so {@code G} is often numerically singular; a ridge would bias every value, while the
     * pivoting only drops functions the data cannot tell apart from the kept ones. Why not an
     * eigen-decomposition: same resolved span up to the cut, at {@code m³/3} flops without an
     * iteration (Commons Math's EigenDecomposition failed to converge on these spectra, its SVD took
     * 20 ms at m = 133, which the per-time, per-level, per-batch solves multiply into minutes).
     */
    static double[] maximiser(double[][] g, double[] b, int m) {
        double[] c = new double[m];
        int[] order = new int[m];
        int kept = 0;
        for (int k = 0; k < m; k++) {
            if (g[k][k] > 0) {
                order[kept++] = k;
            }
        }
        double[] s = new double[m];
        double[] pivot = new double[m];
        for (int p = 0; p < kept; p++) {
            s[order[p]] = 1 / Math.sqrt(g[order[p]][order[p]]);
            pivot[order[p]] = 1;
        }
        // Column j of L holds L[p][j] for the function order[p], p ≥ j.
        double[][] l = new double[kept][];
        int rank = 0;
        for (int j = 0; j < kept; j++) {
            int best = j;
            for (int p = j + 1; p < kept; p++) {
                if (pivot[order[p]] > pivot[order[best]]) {
                    best = p;
                }
            }
            if (!(pivot[order[best]] > PIVOT_CUTOFF)) {
                break;
            }
            int swap = order[j];
            order[j] = order[best];
            order[best] = swap;
            for (int q = 0; q < j; q++) {
                double t = l[q][j];
                l[q][j] = l[q][best];
                l[q][best] = t;
            }
            int fj = order[j];
            double diag = Math.sqrt(pivot[fj]);
            double[] column = new double[kept];
            column[j] = diag;
            for (int p = j + 1; p < kept; p++) {
                int fp = order[p];
                double v = s[fp] * g[fp][fj] * s[fj];
                for (int q = 0; q < j; q++) {
                    v -= l[q][p] * l[q][j];
                }
                column[p] = v / diag;
                pivot[fp] -= column[p] * column[p];
            }
            l[j] = column;
            rank++;
        }
        // Forward and back substitution on the kept (leading) part: L y = S b, Lᵀ z = y, c = S z.
        double[] y = new double[rank];
        for (int p = 0; p < rank; p++) {
            double v = s[order[p]] * b[order[p]];
            for (int q = 0; q < p; q++) {
                v -= l[q][p] * y[q];
            }
            y[p] = v / l[p][p];
        }
        for (int p = rank - 1; p >= 0; p--) {
            double v = y[p];
            for (int q = p + 1; q < rank; q++) {
                v -= l[p][q] * y[q];
            }
            y[p] = v / l[p][p];
        }
        for (int p = 0; p < rank; p++) {
            c[order[p]] = s[order[p]] * y[p];
        }
        return c;
    }

    // ---------------------------------------------------------------- bases

    /** Number of monomials of degree 1…p in d variables: {@code C(d+p, p) − 1}. */
    static int monomialCount(int d, int p) {
        long c = 1;
        for (int k = 1; k <= p; k++) {
            c = c * (d + k) / k;
            if (c > Integer.MAX_VALUE) {
                return Integer.MAX_VALUE;
            }
        }
        return (int) (c - 1);
    }

    /** Exponent vectors of all monomials of degree 1…p, ordered by degree. */
    private static int[][] exponents(int d, int p) {
        List<int[]> out = new ArrayList<>();
        for (int q = 1; q <= p; q++) {
            addExponents(new int[d], 0, q, out);
        }
        return out.toArray(int[][]::new);
    }

    private static void addExponents(int[] e, int c, int left, List<int[]> out) {
        if (c == e.length - 1) {
            e[c] = left;
            out.add(e.clone());
            e[c] = 0;
            return;
        }
        for (int k = left; k >= 0; k--) {
            e[c] = k;
            addExponents(e, c + 1, left - k, out);
        }
        e[c] = 0;
    }

    private static Gradients polynomial(int d, double[] x, double[] w, int p) {
        int m = monomialCount(d, p);
        if (m > MAX_BASIS) {
            throw new IllegalArgumentException("a polynomial basis of degree " + p + " in " + d + " dimensions has " + m
                    + " functions, more than " + MAX_BASIS + "; lower the degree or use the radial basis");
        }
        int[][] exps = exponents(d, p);
        double[][] moments = moments(d, x, w);
        double[] mean = moments[0];
        double[] scale = new double[d];
        for (int c = 0; c < d; c++) {
            double sd = Math.sqrt(moments[1][c]);
            scale[c] = sd > 0 ? sd : 1; // a coordinate constant on the cloud: any scale will do
        }
        return new Gradients() {
            private final double[][] pow = new double[d][p + 1];

            @Override
            public int size() {
                return exps.length;
            }

            @Override
            public void gradients(double[] xs, int i, double[] out) {
                for (int c = 0; c < d; c++) {
                    double u = (xs[i * d + c] - mean[c]) / scale[c];
                    pow[c][0] = 1;
                    for (int e = 1; e <= p; e++) {
                        pow[c][e] = pow[c][e - 1] * u;
                    }
                }
                for (int k = 0; k < exps.length; k++) {
                    int[] e = exps[k];
                    for (int c = 0; c < d; c++) {
                        if (e[c] == 0) {
                            out[k * d + c] = 0;
                            continue;
                        }
                        double g = e[c] * pow[c][e[c] - 1] / scale[c];
                        for (int c2 = 0; c2 < d; c2++) {
                            if (c2 != c) {
                                g *= pow[c2][e[c2]];
                            }
                        }
                        out[k * d + c] = g;
                    }
                }
            }
        };
    }

    /**
     * Centres {@code c_j} (row-major, {@code k × d}) and their spacings {@code D_j}: the distance from
     * {@code c_j} to the nearest of {@code c_0…c_{j−1}} ({@code +∞} for {@code c_0}).
     */
    record Centres(double[] positions, double[] spacing) {
    }

    /**
     * Weighted k-means++ seeding (Arthur &amp; Vassilvitskii 2007) with a fixed seed: the first centre
     * drawn with probability {@code ∝ w_i}, each next one {@code ∝ w_i D_i²} ({@code D_i} the distance
     * to the nearest centre so far, recorded as the new centre's spacing). Points already chosen have
     * {@code D = 0}, so centres are distinct positions while the cloud has at least K of them. The
     * first K' centres do not depend on K.
     */
    static Centres centres(int d, double[] x, double[] w, int k) {
        int n = w.length;
        SplittableRandom rng = new SplittableRandom(CENTRE_SEED);
        double[] c = new double[k * d];
        double[] spacing = new double[k];
        double[] dist = new double[n];
        Arrays.fill(dist, Double.POSITIVE_INFINITY);
        int chosen = pick(w, null, rng.nextDouble());
        for (int j = 0; j < k; j++) {
            System.arraycopy(x, chosen * d, c, j * d, d);
            spacing[j] = Math.sqrt(dist[chosen]);
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int q = 0; q < d; q++) {
                    double diff = x[i * d + q] - c[j * d + q];
                    s += diff * diff;
                }
                dist[i] = Math.min(dist[i], s);
            }
            if (j + 1 < k) {
                chosen = pick(w, dist, rng.nextDouble());
            }
        }
        return new Centres(c, spacing);
    }

    /** Index drawn with probability {@code ∝ w_i · dist_i} (or {@code ∝ w_i}); the first positive one if all are 0. */
    private static int pick(double[] w, double[] dist, double u) {
        double total = 0;
        for (int i = 0; i < w.length; i++) {
            total += w[i] * (dist == null ? 1 : dist[i]);
        }
        if (!(total > 0)) {
            return 0;
        }
        double target = u * total;
        double acc = 0;
        int last = 0;
        for (int i = 0; i < w.length; i++) {
            double p = w[i] * (dist == null ? 1 : dist[i]);
            if (p > 0) {
                acc += p;
                last = i;
                if (acc > target) {
                    return i;
                }
            }
        }
        return last;
    }

    /** Median of the pairwise distances of the centres; 1 if fewer than two distinct centres. */
    static double width(int d, double[] c, int k) {
        List<Double> dist = new ArrayList<>();
        for (int a = 0; a < k; a++) {
            for (int b = a + 1; b < k; b++) {
                double s = 0;
                for (int q = 0; q < d; q++) {
                    double diff = c[a * d + q] - c[b * d + q];
                    s += diff * diff;
                }
                if (s > 0) {
                    dist.add(Math.sqrt(s));
                }
            }
        }
        if (dist.isEmpty()) {
            return 1;
        }
        double[] sorted = dist.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int h = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[h] : 0.5 * (sorted[h - 1] + sorted[h]);
    }

    private static Gradients radial(int d, double[] x, double[] w, int k) {
        if (k > MAX_BASIS) {
            throw new IllegalArgumentException("a radial basis of " + k + " centres is more than " + MAX_BASIS);
        }
        double[] c = centres(d, x, w, k).positions();
        double[] h = new double[k];
        Arrays.fill(h, width(d, c, k));
        return bumps(d, c, h);
    }

    /**
     * The {@code mixed} basis: monomials of degree 1…{@value #MIXED_DEGREE}, then K bumps of widths
     * {@value #MIXED_WIDTH}{@code ·D_j} (see the class comment).
     */
    private static Gradients mixed(int d, double[] x, double[] w, int k) {
        int polynomials = monomialCount(d, MIXED_DEGREE);
        if (polynomials > MAX_BASIS - k) {
            throw new IllegalArgumentException("a mixed basis in " + d + " dimensions has " + polynomials
                    + " monomials of degree <= " + MIXED_DEGREE + " plus " + k + " bumps, more than " + MAX_BASIS
                    + " functions; use fewer bumps or the radial basis");
        }
        Centres centres = centres(d, x, w, k);
        double[] h = new double[k];
        for (int j = 0; j < k; j++) {
            // c_0 has no earlier centre: the scale of the whole cloud. A repeated point (D = 0, only when
            // the cloud has fewer than K distinct positions) gets width 0, i.e. no gradient: dropped.
            h[j] = MIXED_WIDTH * (j == 0 ? rmsRadius(d, x, w) : centres.spacing()[j]);
        }
        return concat(d, List.of(polynomial(d, x, w, MIXED_DEGREE), bumps(d, centres.positions(), h)));
    }

    /** {@code sqrt(E|x − E x|²)}. */
    static double rmsRadius(int d, double[] x, double[] w) {
        return Math.sqrt(Arrays.stream(moments(d, x, w)[1]).sum());
    }

    /** The weighted mean {@code E x} and the variance {@code E (x_c − E x_c)²} of every coordinate. */
    private static double[][] moments(int d, double[] x, double[] w) {
        double[] mean = new double[d];
        double[] variance = new double[d];
        double total = 0;
        for (int i = 0; i < w.length; i++) {
            total += w[i];
            for (int c = 0; c < d; c++) {
                mean[c] += w[i] * x[i * d + c];
            }
        }
        for (int c = 0; c < d; c++) {
            mean[c] /= total;
        }
        for (int i = 0; i < w.length; i++) {
            for (int c = 0; c < d; c++) {
                double u = x[i * d + c] - mean[c];
                variance[c] += w[i] * u * u;
            }
        }
        for (int c = 0; c < d; c++) {
            variance[c] /= total;
        }
        return new double[][] {mean, variance};
    }

    /**
     * Gradients of the bumps {@code exp(−|x − c_j|²/(2h_j²))}: {@code −(x − c_j)/h_j² · φ_j(x)}; a
     * bump of width 0 has none.
     */
    private static Gradients bumps(int d, double[] c, double[] h) {
        int k = h.length;
        double[] inv = new double[k];
        for (int j = 0; j < k; j++) {
            inv[j] = h[j] > 0 ? 1 / (h[j] * h[j]) : 0;
        }
        return new Gradients() {
            @Override
            public int size() {
                return k;
            }

            @Override
            public void gradients(double[] xs, int i, double[] out) {
                for (int j = 0; j < k; j++) {
                    double s = 0;
                    for (int q = 0; q < d; q++) {
                        double diff = xs[i * d + q] - c[j * d + q];
                        s += diff * diff;
                    }
                    double phi = inv[j] > 0 ? Math.exp(-0.5 * s * inv[j]) : 0;
                    for (int q = 0; q < d; q++) {
                        out[j * d + q] = -(xs[i * d + q] - c[j * d + q]) * inv[j] * phi;
                    }
                }
            }
        };
    }

    private static Gradients concat(int d, List<Gradients> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        int total = parts.stream().mapToInt(Gradients::size).sum();
        if (total > MAX_BASIS + 64) {
            throw new IllegalArgumentException("basis and observables have " + total + " functions, too many");
        }
        return new Gradients() {
            private final double[][] buffers = parts.stream().map(p -> new double[p.size() * d]).toArray(double[][]::new);

            @Override
            public int size() {
                return total;
            }

            @Override
            public void gradients(double[] x, int i, double[] out) {
                int off = 0;
                for (int p = 0; p < parts.size(); p++) {
                    parts.get(p).gradients(x, i, buffers[p]);
                    System.arraycopy(buffers[p], 0, out, off, buffers[p].length);
                    off += buffers[p].length;
                }
            }
        };
    }

    // ---------------------------------------------------------------- observables

    /**
     * A built-in observable {@code r(x)} in raw coordinates: {@code x<j>} (coordinate j, 1-based),
     * {@code r2} ({@code |x|²}) or {@code x<i>x<j>} (a product of coordinates; {@code x1x1 = x1²}).
     *
     * @param name the spelling it was parsed from
     * @param i    first coordinate (0-based), −1 for {@code r2}
     * @param j    second coordinate (0-based) of a product, −1 otherwise
     */
    public record Observable(String name, int i, int j) {

        private static final Pattern COORDINATE = Pattern.compile("x([1-9][0-9]*)");
        private static final Pattern PRODUCT = Pattern.compile("x([1-9][0-9]*)x([1-9][0-9]*)");

        /** The forms {@link #parse} accepts, for error messages. */
        public static final String FORMS = "x<j> (coordinate j, 1-based, e.g. x1), r2 (|x|²), "
                + "x<i>x<j> (product of coordinates i and j, e.g. x1x2 or x1x1)";

        /** Parses one observable; surrounding blanks are ignored, case is not. */
        public static Observable parse(String text) {
            String s = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
            if (s.equals("r2")) {
                return new Observable(s, -1, -1);
            }
            try {
                Matcher m = COORDINATE.matcher(s);
                if (m.matches()) {
                    return new Observable(s, Integer.parseInt(m.group(1)) - 1, -1);
                }
                m = PRODUCT.matcher(s);
                if (m.matches()) {
                    return new Observable(s, Integer.parseInt(m.group(1)) - 1, Integer.parseInt(m.group(2)) - 1);
                }
            } catch (NumberFormatException e) {
                // a coordinate index beyond int: reported below like any other bad form
            }
            throw new IllegalArgumentException("unknown observable '" + text + "'; allowed forms: " + FORMS);
        }

        /** Parses a comma-separated list; an empty or blank string gives none. */
        public static List<Observable> parseList(String text) {
            List<Observable> out = new ArrayList<>();
            if (text == null || text.isBlank()) {
                return out;
            }
            for (String part : text.split(",", -1)) {
                Observable r = parse(part);
                if (out.stream().anyMatch(o -> o.name().equals(r.name()))) {
                    throw new IllegalArgumentException("observable '" + r.name() + "' is listed twice");
                }
                out.add(r);
            }
            return out;
        }

        /** @throws IllegalArgumentException if a coordinate index exceeds {@code d} */
        void check(int d) {
            if (i >= d || j >= d) {
                throw new IllegalArgumentException("observable '" + name + "' needs coordinate " + (Math.max(i, j) + 1)
                        + " but the cloud has dimension " + d);
            }
        }

        private Gradients asGradients(int d) {
            return new Gradients() {
                @Override
                public int size() {
                    return 1;
                }

                @Override
                public void gradients(double[] x, int p, double[] out) {
                    Arrays.fill(out, 0, d, 0);
                    if (i < 0) {
                        for (int c = 0; c < d; c++) {
                            out[c] = 2 * x[p * d + c];
                        }
                    } else if (j < 0) {
                        out[i] = 1;
                    } else {
                        out[i] += x[p * d + j];
                        out[j] += x[p * d + i];
                    }
                }
            };
        }
    }
}
