package org.thermodiff.plugins.samplers;

import java.util.Locale;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.thermodiff.spi.process.Diffusion;
import org.thermodiff.spi.process.FlowMap;
import org.thermodiff.spi.process.VelocityField;

/**
 * Moves particles in {@code R^d} along a velocity field in forward time {@code t}, run backwards
 * from {@code τ} to {@code 0} by the sampler: the reverse process {@code dx̃/dt̃ = −ν̂_{τ−t̃}(x̃)} of
 * Eqs. 11 and 15, or the reverse-time SDE of Eq. 9.
 *
 * <p>State: positions, row-major ({@code particles·d} values), and, when densities are tracked,
 * one log-density per particle, which follows the continuity equation along a trajectory,
 * {@code d ln p/dt = −∇·ν̂}. Work is split into the fixed {@link Blocks}; each block makes one
 * field call per stage over its slice (never one per particle), and blocks run in parallel.
 * Because particles do not interact, a fixed-step scheme (RK4, Heun, Euler–Maruyama) takes each
 * block through a whole output interval in one task; the adaptive scheme shares one step size over
 * the whole state and meets at a barrier once per step, where the blocks' error norms are combined
 * by {@code max}, which does not depend on the order of combination. Results therefore never
 * depend on the number of threads. Not thread-safe; one per run.
 *
 * <p>A closed-form {@link FlowMap} is read in {@code d} dimensions the way {@link VelocityField}
 * is: {@code from}, {@code to} count particles, positions are row-major, and the log-stretch is
 * {@code ln |det ∂Φ/∂x|}, one value per particle (for {@code d = 1}, the 1-D contract).
 */
final class PointCloudFlow {

    // Dormand–Prince 5(4) (Dormand & Prince 1980; Hairer, Nørsett & Wanner, Table II.5.2).
    private static final double C2 = 1.0 / 5;
    private static final double C3 = 3.0 / 10;
    private static final double C4 = 4.0 / 5;
    private static final double C5 = 8.0 / 9;
    private static final double A21 = 1.0 / 5;
    private static final double A31 = 3.0 / 40;
    private static final double A32 = 9.0 / 40;
    private static final double A41 = 44.0 / 45;
    private static final double A42 = -56.0 / 15;
    private static final double A43 = 32.0 / 9;
    private static final double A51 = 19372.0 / 6561;
    private static final double A52 = -25360.0 / 2187;
    private static final double A53 = 64448.0 / 6561;
    private static final double A54 = -212.0 / 729;
    private static final double A61 = 9017.0 / 3168;
    private static final double A62 = -355.0 / 33;
    private static final double A63 = 46732.0 / 5247;
    private static final double A64 = 49.0 / 176;
    private static final double A65 = -5103.0 / 18656;
    private static final double B1 = 35.0 / 384;
    private static final double B3 = 500.0 / 1113;
    private static final double B4 = 125.0 / 192;
    private static final double B5 = -2187.0 / 6784;
    private static final double B6 = 11.0 / 84;
    /** 5th- minus 4th-order weights: the local error estimate. */
    private static final double E1 = 71.0 / 57600;
    private static final double E3 = -71.0 / 16695;
    private static final double E4 = 71.0 / 1920;
    private static final double E5 = -17253.0 / 339200;
    private static final double E6 = 22.0 / 525;
    private static final double E7 = -1.0 / 40;

    private final VelocityField field;
    private final Diffusion diffusion;
    private final FlowMap exact;
    private final int d;
    private final int particles;
    private final boolean densities;
    private final PointScheme scheme;
    private final double maxStep;
    private final double tolerance;
    private final double tau;
    private final Blocks blocks;
    /** One Gaussian stream per block (SDE only). */
    private final NormalizedGaussianSampler[] noise;

    private double[] x;
    private double[] lp;
    /** Stage derivatives: {@code kx[s]} for positions ({@code particles·d}), {@code kp[s]} for log-densities. */
    private final double[][] kx;
    private final double[][] kp;
    private double[] tx;
    private double[] tp;
    /** Adaptive: the proposed new state. */
    private double[] yx;
    private double[] yp;
    private final double[] blockError;
    /** Time at which {@code kx[0]}, {@code kp[0]} hold the derivative of the current state, or NaN. */
    private double cachedT = Double.NaN;
    /** Adaptive: the step size to try next (magnitude). */
    private double nextStep;
    private long evaluations;
    private long steps;
    private long rejected;

    /**
     * @param field      the velocity {@code ν̂_t}
     * @param positions  initial positions, row-major, {@code particles·d} values; taken over
     * @param logDensity initial {@code ln p} per particle, taken over; {@code null} when not tracked
     * @param scheme     how to move particles
     * @param stepCount  fixed-step schemes: at least this many steps over {@code [0, τ]}; adaptive: initial step {@code τ/stepCount}
     * @param tolerance  adaptive: absolute and relative tolerance per component
     * @param tau        duration {@code τ}
     * @param exactFlow  move ODE particles by the field's closed-form flow when it has one
     * @param blocks     partition of the particles
     * @param seed       run seed (SDE noise streams)
     */
    PointCloudFlow(VelocityField field, double[] positions, double[] logDensity, PointScheme scheme, int stepCount,
                   double tolerance, double tau, boolean exactFlow, Blocks blocks, long seed) {
        this.field = field;
        this.d = field.dimension();
        this.particles = positions.length / d;
        this.densities = logDensity != null;
        this.scheme = scheme;
        if (densities && !scheme.deterministic()) {
            throw new IllegalArgumentException("reverse-SDE particles carry no densities: switch track-density off");
        }
        if (densities && !field.hasDivergence()) {
            throw new IllegalArgumentException("track-density needs a velocity field with ∇·ν; "
                    + field.getClass().getSimpleName() + " has none");
        }
        this.diffusion = scheme.deterministic() ? null : field.diffusion().orElseThrow(() -> new IllegalArgumentException(
                "sde-euler-maruyama needs the field's temperature and score (Eq. 9); " + field.getClass().getSimpleName()
                        + " offers no diffusion"));
        this.exact = exactFlow && scheme.deterministic() ? field.flowMap().orElse(null) : null;
        this.maxStep = tau / stepCount;
        this.tolerance = tolerance;
        this.tau = tau;
        this.blocks = blocks;
        this.nextStep = tau / stepCount;
        this.x = positions;
        this.lp = densities ? logDensity : new double[0];
        int stages = switch (scheme) {
            case RK4 -> 4;
            case HEUN, SDE_EULER_MARUYAMA -> 2;
            case ADAPTIVE -> 7;
        };
        int size = positions.length;
        int dsize = densities ? particles : 0;
        this.kx = new double[stages][size];
        this.kp = new double[stages][dsize];
        if (exact == null && scheme != PointScheme.SDE_EULER_MARUYAMA) {
            this.tx = new double[size];
            this.tp = new double[dsize];
        }
        if (scheme == PointScheme.ADAPTIVE && exact == null) {
            this.yx = new double[size];
            this.yp = new double[dsize];
        }
        if (exact != null && densities) {
            this.tp = new double[dsize];   // receives ln |det ∂Φ/∂x|
        }
        this.blockError = new double[blocks.count()];
        this.noise = new NormalizedGaussianSampler[diffusion == null ? 0 : blocks.count()];
        for (int b = 0; b < noise.length; b++) {
            noise[b] = ZigguratSampler.NormalizedGaussian.of(
                    Streams.of(seed, Streams.NOISE, blocks.cloud(b), blocks.indexInCloud(b)));
        }
    }

    /** Whether particles follow the reverse SDE (Eq. 9) rather than a flow. */
    boolean stochastic() {
        return scheme == PointScheme.SDE_EULER_MARUYAMA;
    }

    /** {@code exact}, {@code rk4}, {@code heun}, {@code adaptive} or {@code sde-euler-maruyama}. */
    String method() {
        return exact != null ? "exact" : scheme.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The current positions (live; copy before handing out). */
    double[] positions() {
        return x;
    }

    /** The current log-densities (live), empty when not tracked. */
    double[] logDensities() {
        return lp;
    }

    /** {@code ν̂_t} at the current positions (live), computed on all blocks unless already known. */
    double[] velocitiesAt(double t) {
        if (cachedT != t) {
            blocks.forEach((b, from, to) -> eval(t, x, lp, kx[0], kp[0], from, to));
            evaluations += particles;
            cachedT = t;
        }
        return kx[0];
    }

    /** Particle-evaluations of the field so far (one per particle per stage). */
    long evaluations() {
        return evaluations;
    }

    /** Steps taken (accepted steps for the adaptive scheme, transports for an exact flow). */
    long steps() {
        return steps;
    }

    /** Adaptive steps rejected by the error control. */
    long rejected() {
        return rejected;
    }

    /**
     * {@code d state/dt} on particles {@code [from, to)}: {@code ν̂_t(x)} into {@code v} and, when
     * densities are tracked, {@code −∇·ν̂_t(x)} into {@code dp}.
     */
    private void eval(double t, double[] px, double[] pp, double[] v, double[] dp, int from, int to) {
        if (densities) {
            field.velocityAndDivergence(t, px, v, dp, from, to);
            for (int i = from; i < to; i++) {
                dp[i] = -dp[i];
            }
        } else {
            field.velocity(t, px, v, from, to);
        }
    }

    /** Moves the state from forward time {@code a} to {@code b} (usually {@code b < a}). */
    void advance(double a, double b) {
        if (a == b) {
            return;
        }
        if (exact != null) {
            blocks.forEach((blk, from, to) -> transport(a, b, from, to));
            steps++;
            evaluations += particles;
            cachedT = Double.NaN;
        } else if (scheme == PointScheme.ADAPTIVE) {
            adaptive(a, b);
        } else {
            int substeps = Math.max(1, (int) Math.ceil(Math.abs(b - a) / maxStep - 1e-9));
            double h = (b - a) / substeps;
            boolean cached = cachedT == a;
            switch (scheme) {
                case RK4 -> blocks.forEach((blk, from, to) -> rk4(a, b, h, substeps, cached, from, to));
                case HEUN -> blocks.forEach((blk, from, to) -> heun(a, b, h, substeps, cached, from, to));
                default -> blocks.forEach((blk, from, to) -> eulerMaruyama(a, b, h, substeps, noise[blk], from, to));
            }
            int stages = scheme == PointScheme.RK4 ? 4 : scheme == PointScheme.HEUN ? 2 : 1;
            evaluations += (long) particles * (stages * substeps - (cached && scheme != PointScheme.SDE_EULER_MARUYAMA ? 1 : 0));
            steps += substeps;
            cachedT = Double.NaN;
        }
    }

    private void transport(double a, double b, int from, int to) {
        exact.transport(a, b, x, x, densities ? tp : null, from, to);
        if (densities) {
            for (int i = from; i < to; i++) {
                lp[i] -= tp[i];   // ln p_b(Φ(x)) = ln p_a(x) − ln |det ∂Φ/∂x|
            }
        }
    }

    /** Classical RK4 on one block over {@code [a, b]}, in the operation order of {@link CloudFlow}. */
    private void rk4(double a, double b, double h, int substeps, boolean cached, int from, int to) {
        double[] k1 = kx[0];
        double[] k2 = kx[1];
        double[] k3 = kx[2];
        double[] k4 = kx[3];
        double[] q1 = kp[0];
        double[] q2 = kp[1];
        double[] q3 = kp[2];
        double[] q4 = kp[3];
        int lo = from * d;
        int hi = to * d;
        int plo = densities ? from : 0;
        int phi = densities ? to : 0;
        for (int j = 0; j < substeps; j++) {
            double t = j == 0 ? a : a + j * h;
            double hh = j == substeps - 1 ? b - t : h;
            if (j > 0 || !cached) {
                eval(t, x, lp, k1, q1, from, to);
            }
            for (int i = lo; i < hi; i++) {
                tx[i] = x[i] + 0.5 * hh * k1[i];
            }
            for (int i = plo; i < phi; i++) {
                tp[i] = lp[i] + 0.5 * hh * q1[i];
            }
            eval(t + 0.5 * hh, tx, tp, k2, q2, from, to);
            for (int i = lo; i < hi; i++) {
                tx[i] = x[i] + 0.5 * hh * k2[i];
            }
            for (int i = plo; i < phi; i++) {
                tp[i] = lp[i] + 0.5 * hh * q2[i];
            }
            eval(t + 0.5 * hh, tx, tp, k3, q3, from, to);
            for (int i = lo; i < hi; i++) {
                tx[i] = x[i] + hh * k3[i];
            }
            for (int i = plo; i < phi; i++) {
                tp[i] = lp[i] + hh * q3[i];
            }
            eval(t + hh, tx, tp, k4, q4, from, to);
            for (int i = lo; i < hi; i++) {
                x[i] += hh / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
            }
            for (int i = plo; i < phi; i++) {
                lp[i] += hh / 6 * (q1[i] + 2 * q2[i] + 2 * q3[i] + q4[i]);
            }
        }
    }

    /** Heun's method (explicit trapezoid) on one block over {@code [a, b]}. */
    private void heun(double a, double b, double h, int substeps, boolean cached, int from, int to) {
        double[] k1 = kx[0];
        double[] k2 = kx[1];
        double[] q1 = kp[0];
        double[] q2 = kp[1];
        int lo = from * d;
        int hi = to * d;
        int plo = densities ? from : 0;
        int phi = densities ? to : 0;
        for (int j = 0; j < substeps; j++) {
            double t = j == 0 ? a : a + j * h;
            double hh = j == substeps - 1 ? b - t : h;
            if (j > 0 || !cached) {
                eval(t, x, lp, k1, q1, from, to);
            }
            for (int i = lo; i < hi; i++) {
                tx[i] = x[i] + hh * k1[i];
            }
            for (int i = plo; i < phi; i++) {
                tp[i] = lp[i] + hh * q1[i];
            }
            eval(t + hh, tx, tp, k2, q2, from, to);
            for (int i = lo; i < hi; i++) {
                x[i] += 0.5 * hh * (k1[i] + k2[i]);
            }
            for (int i = plo; i < phi; i++) {
                lp[i] += 0.5 * hh * (q1[i] + q2[i]);
            }
        }
    }

    /**
     * Euler–Maruyama for the reverse SDE (Eq. 9) on one block over {@code [a, b]}, {@code b < a}: with
     * the reverse-time step {@code Δt̃ = −h > 0},
     * {@code x ← x + (−ν̂_t(x) + T_t ∇ln P_t(x)) Δt̃ + √(2 T_t Δt̃) ξ}, {@code ξ ~ N(0, I)} from the
     * block's own stream. Drift and temperature are taken at the midpoint {@code t} of each step
     * (still weak order 1): neither end of {@code [0, τ]} is evaluated, where {@code T} is infinite
     * ({@code m_τ = 0}: cosine, cond-OT) or the score singular ({@code t = 0}).
     */
    private void eulerMaruyama(double a, double b, double h, int substeps, NormalizedGaussianSampler xi, int from, int to) {
        double[] v = kx[0];
        double[] score = kx[1];
        int lo = from * d;
        int hi = to * d;
        for (int j = 0; j < substeps; j++) {
            double start = j == 0 ? a : a + j * h;
            double dt = -(j == substeps - 1 ? b - start : h);
            if (!(dt > 0)) {
                throw new IllegalArgumentException("the reverse SDE runs backwards in forward time only (from "
                        + a + " to " + b + ")");
            }
            double t = start - 0.5 * dt;
            field.velocity(t, x, v, from, to);
            diffusion.score(t, x, score, from, to);
            double temperature = diffusion.temperature(t);
            double amplitude = Math.sqrt(2 * temperature * dt);
            for (int i = lo; i < hi; i++) {
                x[i] += (temperature * score[i] - v[i]) * dt + amplitude * xi.sample();
            }
        }
    }

    /**
     * Dormand–Prince 5(4) over {@code [a, b]} with one step size for the whole state: a step is
     * accepted when {@code max_i |err_i| / (tol + tol·max(|y_i|, |y_i'|)) ≤ 1} over every position and
     * log-density, and the next step is {@code h·clamp(0.9·err^{−1/5}, 0.2, 5)}. The 5th-order
     * solution is kept (local extrapolation), and its last stage is the next step's first (FSAL).
     */
    private void adaptive(double a, double b) {
        double direction = Math.signum(b - a);
        double t = a;
        boolean cached = cachedT == a;
        double minStep = 1e-14 * tau;
        while (t != b) {
            double h = direction * Math.min(nextStep, Math.abs(b - t));
            boolean last = Math.abs(b - t) <= nextStep;
            double t0 = t;
            boolean k1Ready = cached;
            blocks.forEach((blk, from, to) -> blockError[blk] = dormandPrince(t0, h, k1Ready, from, to));
            evaluations += (long) particles * (k1Ready ? 6 : 7);
            cached = false;
            double err = 0;
            for (double e : blockError) {
                err = Math.max(err, e);   // Math.max propagates NaN (a blown-up stage): rejected below
            }
            if (err <= 1) {
                double[] swap = x;
                x = yx;
                yx = swap;
                swap = lp;
                lp = yp;
                yp = swap;
                swap = kx[0];   // FSAL: the last stage, at (t + h, y'), is the next first stage
                kx[0] = kx[6];
                kx[6] = swap;
                swap = kp[0];
                kp[0] = kp[6];
                kp[6] = swap;
                cached = true;
                t = last ? b : t + h;
                steps++;
            } else {
                rejected++;
            }
            double factor = err == 0 ? 5 : Double.isNaN(err) ? 0.2 : Math.min(5, Math.max(0.2, 0.9 * Math.pow(err, -0.2)));
            boolean clipped = last && Math.abs(h) < nextStep;
            if (!(err <= 1) || !clipped) {
                nextStep = Math.abs(h) * factor;   // a step cut short by the interval's end leaves the proposal as it was
            }
            if (nextStep < minStep) {
                throw new IllegalStateException("adaptive step size fell below " + minStep + " at t = " + t
                        + " (error norm " + err + ")");
            }
        }
        cachedT = cached ? b : Double.NaN;
    }

    /** One Dormand–Prince step on one block; returns the block's error norm. */
    private double dormandPrince(double t, double h, boolean k1Ready, int from, int to) {
        if (!k1Ready) {
            eval(t, x, lp, kx[0], kp[0], from, to);
        }
        int lo = from * d;
        int hi = to * d;
        int plo = densities ? from : 0;
        int phi = densities ? to : 0;
        stage(x, lp, tx, tp, h, new double[] {A21}, lo, hi, plo, phi);
        eval(t + C2 * h, tx, tp, kx[1], kp[1], from, to);
        stage(x, lp, tx, tp, h, new double[] {A31, A32}, lo, hi, plo, phi);
        eval(t + C3 * h, tx, tp, kx[2], kp[2], from, to);
        stage(x, lp, tx, tp, h, new double[] {A41, A42, A43}, lo, hi, plo, phi);
        eval(t + C4 * h, tx, tp, kx[3], kp[3], from, to);
        stage(x, lp, tx, tp, h, new double[] {A51, A52, A53, A54}, lo, hi, plo, phi);
        eval(t + C5 * h, tx, tp, kx[4], kp[4], from, to);
        stage(x, lp, tx, tp, h, new double[] {A61, A62, A63, A64, A65}, lo, hi, plo, phi);
        eval(t + h, tx, tp, kx[5], kp[5], from, to);
        stage(x, lp, yx, yp, h, new double[] {B1, 0, B3, B4, B5, B6}, lo, hi, plo, phi);
        eval(t + h, yx, yp, kx[6], kp[6], from, to);
        double ex = error(x, yx, kx, h, lo, hi);
        double ep = error(lp, yp, kp, h, plo, phi);
        return Double.isNaN(ex) || Double.isNaN(ep) ? Double.NaN : Math.max(ex, ep);
    }

    /** {@code out = y + h Σ_s c[s] k[s]} on the index range of positions and of log-densities. */
    private void stage(double[] y, double[] p, double[] out, double[] pout, double h, double[] c, int lo, int hi,
                       int plo, int phi) {
        combine(y, kx, out, h, c, lo, hi);
        combine(p, kp, pout, h, c, plo, phi);
    }

    private static void combine(double[] y, double[][] k, double[] out, double h, double[] c, int lo, int hi) {
        for (int i = lo; i < hi; i++) {
            double s = 0;
            for (int j = 0; j < c.length; j++) {
                s += c[j] * k[j][i];
            }
            out[i] = y[i] + h * s;
        }
    }

    /** {@code max_i |h Σ E_s k_s[i]| / (tol + tol·max(|y|, |y'|))}; NaN if any component is NaN. */
    private double error(double[] y, double[] y1, double[][] k, double h, int lo, int hi) {
        double worst = 0;
        for (int i = lo; i < hi; i++) {
            double e = h * (E1 * k[0][i] + E3 * k[2][i] + E4 * k[3][i] + E5 * k[4][i] + E6 * k[5][i] + E7 * k[6][i]);
            double r = Math.abs(e) / (tolerance + tolerance * Math.max(Math.abs(y[i]), Math.abs(y1[i])));
            if (r > worst) {
                worst = r;
            } else if (Double.isNaN(r)) {
                return r;
            }
        }
        return worst;
    }
}
