package org.thermodiff.plugins.schedules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.thermodiff.distribution.Gaussian;
import org.thermodiff.distribution.GaussianMixture;
import org.thermodiff.process.GaussianConditionalProcess;
import org.thermodiff.process.GaussianConditionalProcessNd;
import org.thermodiff.process.GaussianConditionalSchedule;
import org.thermodiff.spi.GaussianComponents;
import org.thermodiff.spi.MultivariateDistribution;
import org.thermodiff.spi.WeightedPoints;
import org.thermodiff.spi.process.Diffusion;
import org.thermodiff.spi.process.ForwardProcess;
import org.thermodiff.spi.process.VelocityField;

/**
 * The n-D forward process of Gaussian-conditional schedules (Eqs. 22–25, 96–97 in {@code d}
 * dimensions), checked against what it does not use: the 1-D implementation, an independent 2-D
 * density written here with explicit 2 × 2 inverses (no Cholesky), finite differences of that
 * density in {@code x} and {@code t} (score, continuity equation), finite differences of the
 * velocity (divergence), the identity {@code ν = f − T ∇ln P} (Eqs. 1, 22–23), Eq. 96 as printed for
 * atoms, and the analytic end-point limits.
 */
class GaussianConditionalProcessNdTest {

    static final double TAU = 2.0;
    static final List<GaussianConditionalSchedule> SCHEDULES = List.of(new CosineSchedule(), new CondOtSchedule(),
            new LinearVpSchedule(new LinearVpSchedule.Params(0.1, 8)),
            new VeSchedule(new VeSchedule.Params(0.05, 2.0, VeSchedule.Profile.GEOMETRIC)));

    /** The paper's bimodal data, Eq. 95. */
    static final GaussianMixture PAPER = GaussianMixture.of(new double[] {0.5, 0.5},
            new double[] {Math.sqrt(0.35), -Math.sqrt(0.35)}, new double[] {0.3, 0.3});

    /** A 2-D mixture with full (non-diagonal) covariances of both signs of correlation. */
    static final double[] W = {0.5, 0.3, 0.2};
    static final double[][] MU = {{1, 0.5}, {-1, -0.3}, {0.2, -1.2}};
    static final double[][][] SIGMA = {{{0.3, 0.12}, {0.12, 0.2}}, {{0.1, -0.05}, {-0.05, 0.4}},
            {{0.25, 0}, {0, 0.05}}};
    static final GaussianComponents FULL = new GaussianComponents(W, MU, SIGMA);

    /** Isotropic 2-D components (the diagonal fast path). */
    static final GaussianComponents ISOTROPIC = new GaussianComponents(W, MU,
            new double[][][] {{{0.2, 0}, {0, 0.2}}, {{0.05, 0}, {0, 0.05}}, {{0.1, 0}, {0, 0.1}}});

    /** Five weighted atoms in the plane. */
    static final double[] ATOM_Y = {1, 0.5, -1, -0.3, 0.2, -1.2, 0.8, -0.7, -0.4, 1.1};
    static final double[] ATOM_W = {0.3, 0.2, 0.1, 0.25, 0.15};
    static final WeightedPoints ATOMS = new WeightedPoints(2, ATOM_Y, ATOM_W);

    static final double[][] POINTS = grid();

    private static double[][] grid() {
        double[][] p = new double[25][];
        int i = 0;
        for (double a = -1.6; a < 1.7; a += 0.8) {
            for (double b = -1.6; b < 1.7; b += 0.8) {
                p[i++] = new double[] {a + 0.07, b - 0.03};
            }
        }
        return p;
    }

    private static GaussianConditionalProcessNd process(GaussianConditionalSchedule s, GaussianComponents q) {
        return GaussianConditionalProcessNd.of(s, q, TAU, "test mixture");
    }

    private static double[] velocity(VelocityField f, double t, double[] x) {
        double[] v = new double[x.length];
        f.velocity(t, x, v, 0, x.length / f.dimension());
        return v;
    }

    private static double divergence(VelocityField f, double t, double[] x) {
        double[] div = new double[1];
        f.divergence(t, x, div, 0, 1);
        return div[0];
    }

    private static double[] score(VelocityField f, double t, double[] x) {
        double[] g = new double[x.length];
        f.diffusion().orElseThrow().score(t, x, g, 0, 1);
        return g;
    }

    /**
     * {@code P_t(x)} of a 2-D mixture written independently: {@code C_k = m²Σ_k + σ²I} inverted by
     * the explicit 2 × 2 formula; atoms are components with {@code Σ_k = 0}.
     */
    private static double density2(GaussianConditionalSchedule sch, double[] w, double[][] mu, double[][][] cov,
            double t, double[] x) {
        double s = t / TAU;
        double m = sch.m(s);
        double v = sch.sigma(s) * sch.sigma(s);
        double p = 0;
        for (int k = 0; k < w.length; k++) {
            double a = m * m * cov[k][0][0] + v;
            double b = m * m * cov[k][0][1];
            double d = m * m * cov[k][1][1] + v;
            double det = a * d - b * b;
            double dx = x[0] - m * mu[k][0];
            double dy = x[1] - m * mu[k][1];
            double q = (d * dx * dx - 2 * b * dx * dy + a * dy * dy) / det;
            p += w[k] * Math.exp(-0.5 * q) / (2 * Math.PI * Math.sqrt(det));
        }
        return p;
    }

    private static double fullDensity(GaussianConditionalSchedule sch, double t, double[] x) {
        return density2(sch, W, MU, SIGMA, t, x);
    }

    /** 4th-order central difference of a scalar function along coordinate {@code j}. */
    private interface Scalar {
        double at(double[] x);
    }

    private static double partial(Scalar f, double[] x, int j, double h) {
        double[] y = x.clone();
        double[] vals = new double[4];
        double[] offsets = {-2, -1, 1, 2};
        for (int i = 0; i < 4; i++) {
            y[j] = x[j] + offsets[i] * h;
            vals[i] = f.at(y);
        }
        return (vals[0] - 8 * vals[1] + 8 * vals[2] - vals[3]) / (12 * h);
    }

    // ---- (a) d = 1 against the 1-D implementation ------------------------------------------

    /**
     * On the paper's mixture (Eq. 95) the n-D process in d = 1 and the 1-D
     * {@link GaussianConditionalProcess} compute the same regrouped Eq. 96 with different code
     * (flat per-coordinate arrays, a centred divergence): they agree to rounding. Terms are O(10) at
     * most (|ṁ/m| ≤ π/(2·0.001) does not enter: no 1/m is ever formed), so a few ulps of them is
     * ≲ 1e-14; 1e-12 leaves room for the exponentials' rounding.
     */
    @Test
    void inOneDimensionAgreesWithTheOneDimensionalProcess() {
        for (GaussianConditionalSchedule s : SCHEDULES) {
            var line = (GaussianConditionalProcess) s.forward(PAPER, Gaussian.STANDARD, TAU);
            GaussianConditionalProcessNd nd = process(s, PAPER.asGaussianComponents().orElseThrow());
            assertEquals(1, nd.dimension());
            for (double t : new double[] {0, 1e-9 * TAU, 1e-3 * TAU, 0.3 * TAU, 0.77 * TAU, 0.999 * TAU,
                    (1 - 1e-9) * TAU, TAU}) {
                double[] x = new double[41];
                for (int i = 0; i < x.length; i++) {
                    x[i] = -3 + 0.15 * i;
                }
                double[] v1 = new double[x.length];
                double[] d1 = new double[x.length];
                line.velocity().velocity(t, x, v1, 0, x.length);
                line.velocity().divergence(t, x, d1, 0, x.length);
                double[] v = new double[x.length];
                double[] div = new double[x.length];
                nd.velocity().velocityAndDivergence(t, x, v, div, 0, x.length);
                double[] vOnly = velocity(nd.velocity(), t, x);
                for (int i = 0; i < x.length; i++) {
                    String where = s.name() + " t=" + t + " x=" + x[i];
                    assertEquals(v1[i], v[i], 1e-12 * (1 + Math.abs(v1[i])), where);
                    assertEquals(v[i], vOnly[i], 1e-13 * (1 + Math.abs(v[i])), where);
                    assertEquals(d1[i], div[i], 1e-11 * (1 + Math.abs(d1[i])), where);
                }
                for (double y : new double[] {-2, 0.3, 1.1}) {
                    double expected = line.marginal(t).density(y);
                    assertEquals(expected, nd.marginal(t).density(y), 1e-14 * expected);
                }
            }
        }
    }

    // ---- (b) ν = f − T ∇ln P -----------------------------------------------------------------

    /**
     * The probability-flow form of Eq. 1 with f = (ṁ/m)x (Eq. 23) and T of Eq. 22, in the interior
     * where both are finite. The two terms are up to ≈ 30 in size (|ṁ/m| ≈ 13 at 0.95τ for the
     * cosine) and cancel; rounding of each is ≲ 1e-14 of its size, hence 1e-12 of the sum of sizes.
     */
    @Test
    void velocityIsForceMinusTemperatureTimesScore() {
        for (GaussianConditionalSchedule s : SCHEDULES) {
            for (GaussianComponents q : List.of(FULL, ISOTROPIC)) {
                GaussianConditionalProcessNd p = process(s, q);
                Diffusion diffusion = p.velocity().diffusion().orElseThrow();
                for (double t : new double[] {1e-3 * TAU, 0.3 * TAU, 0.6 * TAU, 0.95 * TAU}) {
                    double sn = t / TAU;
                    double force = s.mPrime(sn) / TAU / s.m(sn);
                    double temperature = diffusion.temperature(t);
                    assertEquals(p.temperature(t).getAsDouble(), temperature, 0);
                    for (double[] x : POINTS) {
                        double[] v = velocity(p.velocity(), t, x);
                        double[] g = score(p.velocity(), t, x);
                        for (int j = 0; j < 2; j++) {
                            double f = force * x[j];
                            double tg = temperature * g[j];
                            assertEquals(f - tg, v[j], 1e-12 * (1 + Math.abs(f) + Math.abs(tg)),
                                    s.name() + " t=" + t);
                        }
                    }
                }
            }
        }
    }

    // ---- (c), (g) score and density against the independent 2-D density ---------------------------

    /**
     * ∇ln P_t against a 4th-order central difference (h = 1e-3) of the independent ln P_t: truncation
     * h⁴·|∂⁵ln P| ≲ 1e-12·(1/σ_min⁵ ≈ 10³) and rounding ε·|ln P|/h ≈ 1e-12, so 1e-7 absolute-plus-
     * relative is generous yet fails on any algebra slip (a wrong sign of Σ's off-diagonal changes
     * the score by ≳ 1e-2). The marginal's log-density is checked against the same function.
     */
    @Test
    void scoreIsTheGradientOfTheLogDensityForFullCovariances() {
        double h = 1e-3;
        for (GaussianConditionalSchedule s : SCHEDULES) {
            GaussianConditionalProcessNd p = process(s, FULL);
            for (double t : new double[] {0, 0.05 * TAU, 0.4 * TAU, 0.8 * TAU}) {
                MultivariateDistribution law = p.marginalLaw(t);
                for (double[] x : POINTS) {
                    double logP = Math.log(fullDensity(s, t, x));
                    assertEquals(logP, law.logDensity(x), 1e-12 * (1 + Math.abs(logP)));
                    double[] g = score(p.velocity(), t, x);
                    for (int j = 0; j < 2; j++) {
                        double fd = partial(y -> Math.log(fullDensity(s, t, y)), x, j, h);
                        assertEquals(fd, g[j], 1e-7 * (1 + Math.abs(fd)), s.name() + " t=" + t + " j=" + j);
                    }
                }
            }
        }
    }

    // ---- (d) divergence against finite differences of ν -------------------------------------------

    /**
     * ∇·ν against Σ_j ∂ν_j/∂x_j by 4th-order central differences. ν varies on the scale of the
     * narrowest C_k, and for atoms on the scale σ²/|y_i − y_j| over which responsibilities switch
     * between atoms (separations ≳ 0.5), so the step is h = min(1e-3, 0.01 σ_t²): truncation
     * (h/scale)⁴ ≲ 1e-8 relative, rounding ε|ν|/h ≲ 1e-10 (σ_t² ≥ 1e-3 at the times used); the
     * tolerance 1e-7 (relative to 1 + |∇·ν|) covers both, for full, isotropic and atom data, end
     * points included.
     */
    @Test
    void divergenceIsTheTraceOfTheJacobian() {
        for (GaussianConditionalSchedule s : SCHEDULES) {
            List<GaussianConditionalProcessNd> processes = List.of(process(s, FULL), process(s, ISOTROPIC),
                    GaussianConditionalProcessNd.ofAtoms(s, ATOMS, TAU, "atoms"));
            for (GaussianConditionalProcessNd p : processes) {
                VelocityField f = p.velocity();
                assertTrue(f.hasDivergence());
                boolean atoms = p.data().covariances()[0][0][0] == 0;
                for (double t : new double[] {0, 0.2 * TAU, 0.5 * TAU, 0.9 * TAU, TAU}) {
                    if (t == 0 && atoms) {
                        continue; // atoms at σ = 0: divergence is +∞, see endPointsOfAtomData
                    }
                    double sigma = s.sigma(t / TAU);
                    double h = atoms ? Math.min(1e-3, 0.01 * sigma * sigma) : 1e-3;
                    for (double[] x : POINTS) {
                        double fd = 0;
                        for (int j = 0; j < 2; j++) {
                            final int jj = j;
                            fd += partial(y -> velocity(f, t, y)[jj], x, j, h);
                        }
                        double div = divergence(f, t, x);
                        assertEquals(fd, div, 1e-7 * (1 + Math.abs(fd)), s.name() + " t=" + t + " " + p.describe());
                        double[] v = new double[2];
                        double[] both = new double[1];
                        f.velocityAndDivergence(t, x, v, both, 0, 1);
                        assertEquals(div, both[0], 0);
                        double[] v0 = velocity(f, t, x);
                        assertEquals(v0[0], v[0], 1e-14 * (1 + Math.abs(v0[0])));
                        assertEquals(v0[1], v[1], 1e-14 * (1 + Math.abs(v0[1])));
                    }
                }
            }
        }
    }

    // ---- (e) the continuity equation --------------------------------------------------------------

    /**
     * ∂_t P_t + ∇·(ν P_t) = 0 pointwise (Eq. 1), both terms by 4th-order central differences: in t
     * of the independent density, in x of ν·P with ν from the code. Steps are 1e-4 (τ = 2 for t):
     * where P ≥ 1e-6 (points kept) the log-density changes at rates ≲ 150 in t and ≲ 40 in x
     * (atoms at σ_t ≈ 0.16), so the relative truncation (h·rate)⁴/30 is ≲ 1e-8 and rounding
     * ε/h ≈ 1e-12; the tolerance 1e-6 of the terms' size P·(1 + |∂_t ln P| + |ν|(1 + |∇ln P|) +
     * |∇·ν|) still fails on any wrong velocity (a 1 % error in ν gives ≳ 1e-3).
     */
    @Test
    void velocityCarriesTheMarginalsByTheContinuityEquation() {
        double ht = 1e-4 * TAU;
        double hx = 1e-4;
        for (GaussianConditionalSchedule s : SCHEDULES) {
            double[][][] zero = new double[5][2][2];
            double[][] atomMu = new double[5][];
            for (int k = 0; k < 5; k++) {
                atomMu[k] = new double[] {ATOM_Y[2 * k], ATOM_Y[2 * k + 1]};
            }
            record Case(GaussianConditionalProcessNd process, Density density) {
            }
            List<Case> cases = List.of(
                    new Case(process(s, FULL), (t, x) -> fullDensity(s, t, x)),
                    new Case(GaussianConditionalProcessNd.ofAtoms(s, ATOMS, TAU, "atoms"),
                            (t, x) -> density2(s, ATOM_W, atomMu, zero, t, x)));
            for (Case c : cases) {
                VelocityField f = c.process().velocity();
                for (double t : new double[] {0.1 * TAU, 0.35 * TAU, 0.6 * TAU, 0.9 * TAU}) {
                    for (double[] x : POINTS) {
                        double p = c.density().at(t, x);
                        if (p < 1e-6) {
                            continue; // far tails: |∇ln P| large, FD truncation (h|∇ln P|)⁴ no longer small
                        }
                        double dpdt = (c.density().at(t - 2 * ht, x) - 8 * c.density().at(t - ht, x)
                                + 8 * c.density().at(t + ht, x) - c.density().at(t + 2 * ht, x)) / (12 * ht);
                        double flux = 0;
                        for (int j = 0; j < 2; j++) {
                            final int jj = j;
                            flux += partial(y -> velocity(f, t, y)[jj] * c.density().at(t, y), x, j, hx);
                        }
                        double[] v = velocity(f, t, x);
                        double[] g = score(f, t, x);
                        double size = p * (1 + Math.abs(dpdt / p) + Math.hypot(v[0], v[1]) * (1 + Math.hypot(g[0], g[1]))
                                + Math.abs(divergence(f, t, x)));
                        assertEquals(0, dpdt + flux, 1e-6 * size,
                                s.name() + " " + c.process().describe() + " t=" + t + " x=" + x[0] + "," + x[1]);
                    }
                }
            }
        }
    }

    private interface Density {
        double at(double t, double[] x);
    }

    // ---- (f) atoms -----------------------------------------------------------------------------------

    /**
     * Atoms against Eq. 96 as printed, ν = (σ̇/σ)x − m(σ̇/σ − ṁ/m)ŷ with ŷ = Σ r_i y_i and
     * r_i ∝ w_i exp(−|x − m y_i|²/2σ²), evaluated here directly (defined for 0 < t < τ); and
     * against mixtures with Σ_k = ε²I, ε = 1e-6, which differ by O(m²ε²/σ²) ≲ 1e-10 at σ ≥ 0.1.
     * Eq. 96 as printed loses digits to the cancellation of (σ̇/σ)x against m(σ̇/σ)ŷ when σ is small
     * (terms ≈ 1/σ ≈ 10³ at the first time), hence 1e-10 relative.
     */
    @Test
    void atomDataFollowEquation96AndTheLimitOfNarrowMixtures() {
        for (GaussianConditionalSchedule s : SCHEDULES) {
            GaussianConditionalProcessNd atoms = GaussianConditionalProcessNd.ofAtoms(s, ATOMS, TAU, "atoms");
            double eps = 1e-6;
            double[][] mu = new double[5][];
            double[][][] cov = new double[5][][];
            for (int k = 0; k < 5; k++) {
                mu[k] = new double[] {ATOM_Y[2 * k], ATOM_Y[2 * k + 1]};
                cov[k] = new double[][] {{eps * eps, 0}, {0, eps * eps}};
            }
            GaussianConditionalProcessNd narrow = process(s, new GaussianComponents(ATOM_W, mu, cov));
            for (double t : new double[] {1e-3 * TAU, 0.1 * TAU, 0.5 * TAU, 0.9 * TAU}) {
                double sn = t / TAU;
                double m = s.m(sn);
                double sigma = s.sigma(sn);
                double mDot = s.mPrime(sn) / TAU;
                double sigmaDot = s.sigmaPrime(sn) / TAU;
                for (double[] x : POINTS) {
                    double[] yHat = new double[2];
                    double z = 0;
                    double nearest = Double.POSITIVE_INFINITY;
                    for (int k = 0; k < 5; k++) {
                        nearest = Math.min(nearest, Math.pow(x[0] - m * mu[k][0], 2) + Math.pow(x[1] - m * mu[k][1], 2));
                    }
                    for (int k = 0; k < 5; k++) {
                        double dx = x[0] - m * mu[k][0];
                        double dy = x[1] - m * mu[k][1];
                        // shifted by the nearest atom's exponent, or every weight underflows at small σ
                        double r = ATOM_W[k] * Math.exp(-(dx * dx + dy * dy - nearest) / (2 * sigma * sigma));
                        z += r;
                        yHat[0] += r * mu[k][0];
                        yHat[1] += r * mu[k][1];
                    }
                    double[] v = velocity(atoms.velocity(), t, x);
                    double[] post = new double[2];
                    atoms.posteriorMean(t, x, post, 0, 1);
                    double[] vNarrow = velocity(narrow.velocity(), t, x);
                    for (int j = 0; j < 2; j++) {
                        yHat[j] /= z;
                        double eq96 = sigmaDot / sigma * x[j] - m * (sigmaDot / sigma - mDot / m) * yHat[j];
                        String where = s.name() + " t=" + t;
                        assertEquals(yHat[j], post[j], 1e-12 * (1 + Math.abs(yHat[j])), where);
                        assertEquals(eq96, v[j], 1e-10 * (1 + Math.abs(eq96) + Math.abs(sigmaDot / sigma * x[j])),
                                where);
                        if (sigma >= 0.1) {
                            assertEquals(v[j], vNarrow[j], 1e-9 * (1 + Math.abs(v[j])), where);
                        }
                    }
                }
            }
        }
    }

    /**
     * With one atom, x_t = m_t y + σ_t ε exactly, so along every trajectory ν = ṁ y + σ̇ ε
     * (d/dt of it) for any t > 0, however small, with ε = (x − m y)/σ the noise the rounded x
     * carries. The regrouped form (σσ̇/σ² from the schedule's ∂_t(σ²/2), no 1/σ times O(1)
     * terms) keeps this to rounding even at t = 1e-12 τ, where Eq. 96 as printed cancels terms of
     * size 1/σ ≈ 10¹².
     */
    @Test
    void oneAtomMovesAlongStraightNoiseLines() {
        WeightedPoints one = new WeightedPoints(2, new double[] {0.7, -0.4}, new double[] {1});
        for (GaussianConditionalSchedule s : SCHEDULES) {
            GaussianConditionalProcessNd p = GaussianConditionalProcessNd.ofAtoms(s, one, TAU, "one atom");
            for (double t : new double[] {1e-12 * TAU, 1e-6 * TAU, 0.5 * TAU}) {
                double sn = t / TAU;
                double[] eps = {1.3, -0.6};
                double[] x = new double[2];
                double[] expected = new double[2];
                for (int j = 0; j < 2; j++) {
                    double y = j == 0 ? 0.7 : -0.4;
                    x[j] = s.m(sn) * y + s.sigma(sn) * eps[j];
                    // the noise x really carries after rounding (x − m y loses ε|x|/σ relative)
                    double noise = (x[j] - s.m(sn) * y) / s.sigma(sn);
                    expected[j] = s.mPrime(sn) / TAU * y + s.sigmaPrime(sn) / TAU * noise;
                }
                double[] v = velocity(p.velocity(), t, x);
                for (int j = 0; j < 2; j++) {
                    assertEquals(expected[j], v[j], 1e-9 * (1 + Math.abs(expected[j])), s.name() + " t=" + t);
                }
            }
        }
    }

    // ---- (h) end points -------------------------------------------------------------------------------

    /**
     * Analytic limits for non-degenerate data: at t = 0, A_k = (ṁ/m)I and all u_k = ṁx, so
     * ν_0 = ṁ(0)x and ∇·ν_0 = dṁ(0); where m_τ = 0 (cosine, cond-OT), C_k = σ²I for every k, so
     * ν_τ = (σ̇/σ)x + ṁ E_q[y], ∇·ν_τ = d σ̇/σ and ∇ln P_τ = −x/σ². Values just inside the ends
     * (1e-9 τ) must be finite and within O(1e-9)·(derivative) of the limits.
     */
    @Test
    void endPointsTakeTheirAnalyticLimits() {
        double[] meanY = {0, 0};
        for (int k = 0; k < 3; k++) {
            meanY[0] += W[k] * MU[k][0];
            meanY[1] += W[k] * MU[k][1];
        }
        for (GaussianConditionalSchedule s : List.of(new CosineSchedule(), new CondOtSchedule())) {
            GaussianConditionalProcessNd p = process(s, FULL);
            VelocityField f = p.velocity();
            double mDot0 = s.mPrime(0) / TAU;
            double mDot1 = s.mPrime(1) / TAU;
            double sigmaRate1 = s.sigmaPrime(1) / TAU / s.sigma(1);
            for (double[] x : POINTS) {
                for (double[] at : new double[][] {{0, 0}, {1e-9 * TAU, 1e-7}}) {
                    double[] v = velocity(f, at[0], x);
                    double div = divergence(f, at[0], x);
                    for (int j = 0; j < 2; j++) {
                        assertEquals(mDot0 * x[j], v[j], 1e-14 + at[1], s.name());
                    }
                    assertEquals(2 * mDot0, div, 1e-13 + at[1], s.name());
                }
                for (double[] at : new double[][] {{TAU, 0}, {(1 - 1e-9) * TAU, 1e-7}}) {
                    double[] v = velocity(f, at[0], x);
                    double[] g = score(f, at[0], x);
                    double div = divergence(f, at[0], x);
                    for (int j = 0; j < 2; j++) {
                        assertEquals(sigmaRate1 * x[j] + mDot1 * meanY[j], v[j], 1e-14 + at[1], s.name());
                        assertEquals(-x[j], g[j], 1e-14 + at[1], s.name());
                    }
                    assertEquals(2 * sigmaRate1, div, 1e-13 + at[1], s.name());
                }
            }
            assertEquals(Double.POSITIVE_INFINITY, f.diffusion().orElseThrow().temperature(TAU));
        }
    }

    /**
     * Atoms at σ = 0: P_0 has no density; the field returns the limits on the support, evaluated at
     * the nearest atom ŷ (see AtomLimitFrame): ν_0 = ṁ(0) ŷ, score 0, ∇·ν = +∞; the posterior mean
     * is ŷ, the atom a reverse trajectory ends on, and agrees with the posterior mean just after
     * t = 0 (σ = 1.6e-9 for cosine at t = 1e-9 τ: responsibilities of other atoms are
     * exp(−O(1)/σ²) = 0).
     */
    @Test
    void endPointsOfAtomData() {
        for (GaussianConditionalSchedule s : SCHEDULES) {
            GaussianConditionalProcessNd p = GaussianConditionalProcessNd.ofAtoms(s, ATOMS, TAU, "atoms");
            VelocityField f = p.velocity();
            for (double[] x : POINTS) {
                int nearest = 0;
                for (int k = 1; k < 5; k++) {
                    if (Math.hypot(x[0] - ATOM_Y[2 * k], x[1] - ATOM_Y[2 * k + 1])
                            < Math.hypot(x[0] - ATOM_Y[2 * nearest], x[1] - ATOM_Y[2 * nearest + 1])) {
                        nearest = k;
                    }
                }
                double[] post = new double[2];
                p.posteriorMean(0, x, post, 0, 1);
                double[] postAfter = new double[2];
                p.posteriorMean(1e-9 * TAU, x, postAfter, 0, 1);
                double[] v = velocity(f, 0, x);
                double[] g = score(f, 0, x);
                for (int j = 0; j < 2; j++) {
                    assertEquals(ATOM_Y[2 * nearest + j], post[j], 0);
                    assertEquals(post[j], postAfter[j], 1e-15);
                    assertEquals(s.mPrime(0) / TAU * ATOM_Y[2 * nearest + j], v[j], 1e-15);
                    assertEquals(0, g[j], 0);
                }
                assertEquals(Double.POSITIVE_INFINITY, divergence(f, 0, x));
            }
            // exactly between two equal-weight atoms the limit posterior is their midpoint
            WeightedPoints pair = new WeightedPoints(2, new double[] {-1, 0, 1, 0}, new double[] {0.5, 0.5});
            double[] mid = new double[2];
            GaussianConditionalProcessNd.ofAtoms(s, pair, TAU, "pair").posteriorMean(0, new double[] {0, 3}, mid, 0, 1);
            assertEquals(0, mid[0], 0);
            assertEquals(0, mid[1], 0);
            MultivariateDistribution law = p.marginalLaw(0);
            assertEquals(ATOMS, law.asAtoms().orElseThrow());
            assertEquals(Double.POSITIVE_INFINITY, law.logDensity(new double[] {1, 0.5}));
            assertEquals(Double.NEGATIVE_INFINITY, law.logDensity(new double[] {1, 0.6}));
        }
    }

    // ---- marginal law and schedule dispatch -------------------------------------------------------------

    /**
     * Mean and covariance of P_t (m E[y] and m² Cov(y) + σ² I, Cov(y) by the law of total covariance
     * here) against the law's own, and against 10⁵ draws of its sampler: each sample moment within
     * 5 standard errors (SE ≲ 0.004 for variances O(1)).
     */
    @Test
    void marginalLawHasTheMomentsOfTheNoisedData() {
        GaussianConditionalSchedule s = new CosineSchedule();
        GaussianConditionalProcessNd p = process(s, FULL);
        double t = 0.4 * TAU;
        double m = s.m(0.4);
        double v = s.sigma(0.4) * s.sigma(0.4);
        double[] ey = new double[2];
        for (int k = 0; k < 3; k++) {
            for (int j = 0; j < 2; j++) {
                ey[j] += W[k] * MU[k][j];
            }
        }
        double[][] cov = new double[2][2];
        for (int k = 0; k < 3; k++) {
            for (int i = 0; i < 2; i++) {
                for (int j = 0; j < 2; j++) {
                    cov[i][j] += W[k] * (m * m * (SIGMA[k][i][j] + (MU[k][i] - ey[i]) * (MU[k][j] - ey[j])));
                }
            }
        }
        cov[0][0] += v;
        cov[1][1] += v;
        MultivariateDistribution law = p.marginalLaw(t);
        assertEquals(2, law.dimension());
        double[] mean = law.meanVector();
        double[][] c = law.covarianceMatrix();
        for (int i = 0; i < 2; i++) {
            assertEquals(m * ey[i], mean[i], 1e-15);
            for (int j = 0; j < 2; j++) {
                assertEquals(cov[i][j], c[i][j], 1e-14);
            }
        }
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(42L);
        int n = 100_000;
        double[] draws = law.pointSampler(rng).sample(n, 2);
        double[] sm = new double[2];
        double[][] sc = new double[2][2];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < 2; a++) {
                sm[a] += draws[2 * i + a] / n;
            }
        }
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < 2; a++) {
                for (int b = 0; b < 2; b++) {
                    sc[a][b] += (draws[2 * i + a] - sm[a]) * (draws[2 * i + b] - sm[b]) / n;
                }
            }
        }
        for (int a = 0; a < 2; a++) {
            assertEquals(mean[a], sm[a], 5 * Math.sqrt(c[a][a] / n));
            for (int b = 0; b < 2; b++) {
                // Var of a sample covariance ≈ (c_aa c_bb + c_ab²)/n for near-Gaussian data; mixtures
                // have heavier fourth moments, hence 8 rather than 5 standard errors.
                assertEquals(c[a][b], sc[a][b], 8 * Math.sqrt((c[a][a] * c[b][b] + c[a][b] * c[a][b]) / n));
            }
        }
    }

    /** A 2-D test law exposing only what it is given. */
    private record Law(int dimension, GaussianComponents components, WeightedPoints atoms)
            implements MultivariateDistribution {
        @Override
        public double logDensity(double[] x) {
            throw new UnsupportedOperationException();
        }

        @Override
        public PointSampler pointSampler(UniformRandomProvider rng) {
            throw new UnsupportedOperationException();
        }

        @Override
        public double[] meanVector() {
            return new double[dimension];
        }

        @Override
        public double[][] covarianceMatrix() {
            return new double[dimension][dimension];
        }

        @Override
        public Optional<GaussianComponents> asGaussianComponents() {
            return Optional.ofNullable(components);
        }

        @Override
        public Optional<WeightedPoints> asAtoms() {
            return Optional.ofNullable(atoms);
        }

        @Override
        public String describe() {
            return "test law";
        }
    }

    @Test
    void schedulesBuildTheProcessInAnyDimension() {
        GaussianConditionalSchedule s = new CondOtSchedule();
        Law prior = new Law(2, null, null);
        ForwardProcess mixture = s.forward(new Law(2, FULL, null), prior, TAU);
        assertInstanceOf(GaussianConditionalProcessNd.class, mixture);
        assertEquals(2, mixture.dimension());
        assertEquals(2, mixture.velocity().dimension());
        assertTrue(mixture.describe().contains("test law"), mixture.describe());
        ForwardProcess atoms = s.forward(new Law(2, null, ATOMS), prior, TAU);
        assertEquals(2, atoms.marginalLaw(0.5).dimension());
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> atoms.marginal(0.5));
        assertTrue(e.getMessage().contains("marginalLaw"), e.getMessage());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> s.forward(new Law(2, null, null), prior, TAU));
        assertTrue(bad.getMessage().contains("empirical data"), bad.getMessage());
        // 1-D Gaussian mixtures keep the 1-D process, through either signature
        assertInstanceOf(GaussianConditionalProcess.class, s.forward((MultivariateDistribution) PAPER, prior, TAU));
        // optimal transport in R^d knows only its end points; its velocity is learned (ot-cfm)
        Law law = new Law(2, FULL, null);
        ForwardProcess ot = new OptimalTransportSchedule().forward(law, prior, TAU);
        assertSame(law, ot.marginalLaw(0));
        assertSame(prior, ot.marginalLaw(TAU));
        UnsupportedOperationException middle = assertThrows(UnsupportedOperationException.class, () -> ot.marginalLaw(TAU / 2));
        assertTrue(middle.getMessage().contains("no closed form"), middle.getMessage());
        UnsupportedOperationException field = assertThrows(UnsupportedOperationException.class,
                () -> ot.velocity().velocity(0.5, new double[2], new double[2], 0, 1));
        assertTrue(field.getMessage().contains("ot-cfm"), field.getMessage());
        assertFalse(new OptimalTransportSchedule().hasExactVelocity(2));
        assertTrue(new OptimalTransportSchedule().hasExactVelocity(1));
    }
}
