package org.thermodiff.thermo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.linear.SingularValueDecomposition;

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
 * fixed seed, {@code h} the median pairwise distance of the centres. Both are ordered so that
 * leading subsets are the smaller bases of the same family (degrees 1…q; the first K' centres),
 * and {@link Result} reports the bound for each of these nested sizes, to show convergence.
 *
 * <p>Every number this class returns is the TUR ratio of an actual observable (the maximiser found
 * within the numerically resolved part of the span, see {@link #solve}), so it is a lower bound on
 * {@code v2²} up to rounding, whatever the truncation.
 *
 * <p>Instances ({@link BasisSpec}, {@link Observable}, {@link Result}) are immutable; the static
 * methods take the cloud as row-major positions {@code x} ({@code n × d}), weights {@code w} and
 * velocities {@code v} ({@code n × d}) and never write them.
 */
public final class TurSpeed {

    /**
     * Relative cut-off on the eigenvalues of the Jacobi-scaled Gram matrix (unit diagonal, so its
     * eigenvalues lie in [0, m]). Its entries are weighted sums over up to ~10⁶ particles, accurate
     * to about {@code n·u ≈ 1e-10} relative in the worst case ({@code u ≈ 1.1e-16}); directions with
     * eigenvalues below that are noise, not information about the cloud, and inverting them would
     * amplify rounding in {@code b} by up to 1e16. Dropping them restricts the maximisation to the
     * resolved subspace, which can only lower the bound (it stays a valid TUR ratio).
     */
    static final double EIGENVALUE_CUTOFF = 1e-10;

    /** Largest basis (functions) accepted: building {@code G} costs {@code n·m²·d/2} per cloud. */
    public static final int MAX_BASIS = 600;

    /** Seed of the k-means++ choice of radial centres (fixed, so the basis is a function of the cloud). */
    static final long CENTRE_SEED = 0x5EEDL;

    private TurSpeed() {
    }

    /** Families of basis functions. */
    public enum BasisKind { POLYNOMIAL, RADIAL }

    /**
     * A basis family and size: the degree {@code p ≥ 1} for {@code polynomial}, the number of
     * centres {@code K ≥ 1} for {@code radial}.
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
         * {@code K, ⌈K/2⌉, ⌈K/4⌉, …} down to at most 4 levels, ascending.
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
            return l.stream().sorted().mapToInt(Integer::intValue).toArray();
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
     * @param kinetic   {@code E|ν|² = T·Ṡ}, the upper bound (Eq. 67)
     */
    public record Result(int[] levels, int[] functions, double[] v2Squared, double bound, double kinetic) {
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
        Gradients basis = spec.kind() == BasisKind.POLYNOMIAL ? polynomial(d, x, w, spec.size()) : radial(d, x, w, spec.size());
        List<Gradients> parts = new ArrayList<>();
        parts.add(basis);
        for (Observable r : extra) {
            r.check(d);
            parts.add(r.asGradients(d));
        }
        Gradients all = concat(d, parts);
        int m = all.size();
        double[][] g = new double[m][m];
        double[] b = new double[m];
        accumulate(d, x, w, v, all, g, b);
        int[] levels = spec.levels();
        int[] functions = new int[levels.length];
        double[] values = new double[levels.length];
        for (int q = 0; q < levels.length; q++) {
            functions[q] = spec.kind() == BasisKind.POLYNOMIAL ? monomialCount(d, levels[q]) : levels[q];
            values[q] = solve(g, b, functions[q]);
        }
        double full = extra.isEmpty() ? values[values.length - 1] : solve(g, b, m);
        return new Result(levels, functions, values, full, kinetic(d, w, v));
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

    /** {@code b_k = Σ w_i ν_i·∇φ_k(x_i)}, {@code G_kl = Σ w_i ∇φ_k(x_i)·∇φ_l(x_i)} (full symmetric). */
    private static void accumulate(int d, double[] x, double[] w, double[] v, Gradients basis, double[][] g, double[] b) {
        int m = basis.size();
        double[] grad = new double[m * d];
        for (int i = 0; i < w.length; i++) {
            double wi = w[i];
            if (wi == 0) {
                continue;
            }
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
        for (int k = 0; k < m; k++) {
            for (int l = 0; l < k; l++) {
                g[k][l] = g[l][k];
            }
        }
    }

    /**
     * {@code max_c (cᵀb)² / cᵀGc} over the first {@code m} functions.
     *
     * <p>Method: Jacobi scaling {@code Ĝ = S G S}, {@code S = diag(G_kk^{-1/2})} (functions with zero
     * gradient on the cloud are dropped), then the singular-value (here: eigen-) decomposition of
     * {@code Ĝ} and the pseudo-inverse over eigenvalues above {@link #EIGENVALUE_CUTOFF}·λ_max. Why not Cholesky: the
     * bases are near-dependent by design (broad bumps, many monomials on a concentrated cloud), so
     * {@code G} is often numerically singular; a ridge would bias every value, while the eigen cut-off
     * only removes the directions the data cannot resolve. The value returned is
     * {@code (cᵀb)²/(cᵀGc)} for the computed maximiser {@code c}, i.e. the TUR ratio of a concrete
     * observable, so truncation can only make it smaller (still a valid lower bound on {@code v2²}),
     * never larger; in exact arithmetic with nothing cut it equals {@code bᵀG⁻¹b}.
     */
    static double solve(double[][] g, double[] b, int m) {
        int[] keep = new int[m];
        int kept = 0;
        for (int k = 0; k < m; k++) {
            if (g[k][k] > 0) {
                keep[kept++] = k;
            }
        }
        if (kept == 0) {
            return 0;
        }
        double[] s = new double[kept];
        double[][] gs = new double[kept][kept];
        double[] bs = new double[kept];
        for (int p = 0; p < kept; p++) {
            s[p] = 1 / Math.sqrt(g[keep[p]][keep[p]]);
        }
        for (int p = 0; p < kept; p++) {
            bs[p] = s[p] * b[keep[p]];
            for (int q = 0; q < kept; q++) {
                gs[p][q] = s[p] * g[keep[p]][keep[q]] * s[q];
            }
        }
        // Ĝ is symmetric positive semi-definite, so its singular values are its eigenvalues and
        // Ĝ⁺ = V Σ⁺ Uᵀ. Commons Math's SVD rather than its EigenDecomposition: the latter's QL
        // iteration fails to converge on near-degenerate spectra (seen with 128 radial bumps on the
        // Swiss roll: MaxCountExceededException), which these near-dependent bases produce.
        SingularValueDecomposition svd = new SingularValueDecomposition(new Array2DRowRealMatrix(gs, false));
        double[] lambda = svd.getSingularValues();
        double max = Arrays.stream(lambda).max().orElse(0);
        if (!(max > 0)) {
            return 0;
        }
        RealMatrix uMatrix = svd.getU();
        RealMatrix vMatrix = svd.getV();
        double[] cs = new double[kept];
        for (int j = 0; j < lambda.length; j++) {
            if (lambda[j] > EIGENVALUE_CUTOFF * max) {
                RealVector u = uMatrix.getColumnVector(j);
                RealVector v = vMatrix.getColumnVector(j);
                double proj = 0;
                for (int p = 0; p < kept; p++) {
                    proj += u.getEntry(p) * bs[p];
                }
                double f = proj / lambda[j];
                for (int p = 0; p < kept; p++) {
                    cs[p] += f * v.getEntry(p);
                }
            }
        }
        // Back in the scaled coordinates: c'ᵀb̂ and c'ᵀĜc' equal cᵀb and cᵀGc for c = S c'.
        RealMatrix gm = new Array2DRowRealMatrix(gs, false);
        double num = 0;
        for (int p = 0; p < kept; p++) {
            num += cs[p] * bs[p];
        }
        double den = gm.operate(new org.apache.commons.math3.linear.ArrayRealVector(cs, false))
                .dotProduct(new org.apache.commons.math3.linear.ArrayRealVector(cs, false));
        return den > 0 ? num * num / den : 0;
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
        double[] mean = new double[d];
        double[] scale = new double[d];
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
                scale[c] += w[i] * u * u;
            }
        }
        for (int c = 0; c < d; c++) {
            double sd = Math.sqrt(scale[c] / total);
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
     * Weighted k-means++ seeding (Arthur &amp; Vassilvitskii 2007) with a fixed seed: the first centre
     * drawn with probability {@code ∝ w_i}, each next one {@code ∝ w_i D_i²} ({@code D_i} the distance
     * to the nearest centre so far). Points already chosen have {@code D = 0}, so centres are distinct
     * positions while the cloud has at least K of them.
     */
    static double[] centres(int d, double[] x, double[] w, int k) {
        int n = w.length;
        SplittableRandom rng = new SplittableRandom(CENTRE_SEED);
        double[] c = new double[k * d];
        double[] dist = new double[n];
        Arrays.fill(dist, Double.POSITIVE_INFINITY);
        int chosen = pick(w, null, rng.nextDouble());
        for (int j = 0; j < k; j++) {
            System.arraycopy(x, chosen * d, c, j * d, d);
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
        return c;
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
        double[] c = centres(d, x, w, k);
        double h = width(d, c, k);
        double inv = 1 / (h * h);
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
                    double phi = Math.exp(-0.5 * s * inv);
                    for (int q = 0; q < d; q++) {
                        out[j * d + q] = -(xs[i * d + q] - c[j * d + q]) * inv * phi;
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
