package org.thermodiff.process;

import org.thermodiff.math.TableExp;

/**
 * {@link MixtureFrame} for general (non-diagonal) {@code Σ_k}: {@code C_k = L_k L_kᵀ} by Cholesky
 * once per frame, then per particle and component one forward substitution for the quadratic form,
 * a back substitution for the score, and {@code d × d} products with the precomputed
 * {@code A_k = C_k⁻¹(σσ̇ I + m ṁ Σ_k)} and gain {@code m C_k⁻¹ Σ_k} (both equal to their
 * right-multiplied forms: {@code C_k} commutes with {@code Σ_k}).
 */
final class FullFrame extends MixtureFrame {

    private final int d;
    private final int size;
    /** {@link MixtureFrame#cut(int)}. */
    private final double cut;
    private final double[] means;
    private final double[] logWeight;
    private final double[] center;
    private final double[] drift;
    /** {@code L_k} at {@code [k·d², (k+1)·d²)}. */
    private final double[] cholesky;
    /** {@code A_k}, row-major. */
    private final double[] rate;
    private final double[] rateTrace;
    /** {@code m C_k⁻¹ Σ_k}, row-major. */
    private final double[] gain;

    private FullFrame(DataComponents q) {
        d = q.dimension;
        size = q.size;
        cut = cut(size);
        means = q.means;
        logWeight = new double[size];
        center = new double[size * d];
        drift = new double[size * d];
        cholesky = new double[size * d * d];
        rate = new double[size * d * d];
        rateTrace = new double[size];
        gain = new double[size * d * d];
    }

    /** The frame, or null where some {@code C_k} is not positive definite. */
    static FullFrame of(DataComponents q, double m, double mDot, double sigma, double sigmaSigmaDot) {
        FullFrame f = new FullFrame(q);
        int d = f.d;
        int dd = d * d;
        double[] c = new double[dd];
        double[] column = new double[d];
        double[] z = new double[d];
        double[] solved = new double[d];
        double[] zero = new double[d];
        for (int k = 0; k < f.size; k++) {
            int ko = k * dd;
            for (int i = 0; i < dd; i++) {
                c[i] = m * m * q.covariances[ko + i];
            }
            for (int i = 0; i < d; i++) {
                c[i * d + i] += sigma * sigma;
                f.center[k * d + i] = m * q.means[k * d + i];
                f.drift[k * d + i] = mDot * q.means[k * d + i];
            }
            if (!Cholesky.factor(c, 0, d, f.cholesky, ko)) {
                return null;
            }
            f.logWeight[k] = Math.log(q.weights[k]) - Cholesky.halfLogDeterminant(f.cholesky, ko, d);
            for (int j = 0; j < d; j++) {
                // column j of M = σσ̇ I + m ṁ Σ_k, then A_k e_j = C_k⁻¹ M e_j
                for (int i = 0; i < d; i++) {
                    column[i] = m * mDot * q.covariances[ko + i * d + j] + (i == j ? sigmaSigmaDot : 0);
                }
                Cholesky.forwardSolveDifference(f.cholesky, ko, d, column, 0, zero, 0, z);
                Cholesky.backSolveTransposed(f.cholesky, ko, d, z, solved);
                for (int i = 0; i < d; i++) {
                    f.rate[ko + i * d + j] = solved[i];
                }
                f.rateTrace[k] += solved[j];
                for (int i = 0; i < d; i++) {
                    column[i] = m * q.covariances[ko + i * d + j];
                }
                Cholesky.forwardSolveDifference(f.cholesky, ko, d, column, 0, zero, 0, z);
                Cholesky.backSolveTransposed(f.cholesky, ko, d, z, solved);
                for (int i = 0; i < d; i++) {
                    f.gain[ko + i * d + j] = solved[i];
                }
            }
        }
        return f;
    }

    /** Per-call scratch for one particle. */
    private final class Scratch {
        final double[] log = new double[size];
        final double[] z = new double[d];
        final double[] g = new double[d];
        final double[] delta = new double[d];

        /** Fills {@code log[k]} for the particle at {@code xo}; returns the largest. */
        double logResponsibilities(double[] x, int xo) {
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < size; k++) {
                double q = Cholesky.forwardSolveDifference(cholesky, k * d * d, d, x, xo, center, k * d, z);
                double l = logWeight[k] - 0.5 * q;
                log[k] = l;
                max = Math.max(max, l);
            }
            return max;
        }

        /** {@code δ_k} of the particle at {@code xo}. */
        void delta(double[] x, int xo, int k) {
            for (int j = 0; j < d; j++) {
                delta[j] = x[xo + j] - center[k * d + j];
            }
        }

        /** {@code g = −C_k⁻¹ δ_k}. */
        void componentScore(double[] x, int xo, int k) {
            Cholesky.forwardSolveDifference(cholesky, k * d * d, d, x, xo, center, k * d, z);
            Cholesky.backSolveTransposed(cholesky, k * d * d, d, z, g);
            for (int j = 0; j < d; j++) {
                g[j] = -g[j];
            }
        }
    }

    /** {@code out[o + i] += p · (base[b + i] + (M δ)_i)} for the {@code d × d} block {@code M} at {@code mo}. */
    private void addAffine(double p, double[] base, int b, double[] matrix, int mo, double[] delta, double[] out,
            int o) {
        for (int i = 0; i < d; i++) {
            double s = base[b + i];
            for (int j = 0; j < d; j++) {
                s += matrix[mo + i * d + j] * delta[j];
            }
            out[o + i] += p * s;
        }
    }

    @Override
    void velocity(double[] x, double[] v, int from, int to) {
        averageAffine(x, v, from, to, drift, rate);
    }

    @Override
    void velocityAndDivergence(double[] x, double[] v, double[] div, int from, int to) {
        Scratch s = new Scratch();
        double[] prob = s.log;
        double[] meanU = new double[d];
        double[] meanG = new double[d];
        double[] u = new double[d];
        for (int i = from; i < to; i++) {
            int xo = i * d;
            double max = s.logResponsibilities(x, xo);
            java.util.Arrays.fill(meanU, 0);
            java.util.Arrays.fill(meanG, 0);
            double norm = 0;
            double trace = 0;
            for (int k = 0; k < size; k++) {
                double e = prob[k] - max;
                double p = e < -cut ? 0 : TableExp.exp(e);
                prob[k] = p;
                if (p == 0) {
                    continue;
                }
                norm += p;
                trace += p * rateTrace[k];
                s.delta(x, xo, k);
                addAffine(p, drift, k * d, rate, k * d * d, s.delta, meanU, 0);
                s.componentScore(x, xo, k);
                for (int j = 0; j < d; j++) {
                    meanG[j] += p * s.g[j];
                }
            }
            double inv = 1 / norm;
            for (int j = 0; j < d; j++) {
                meanU[j] *= inv;
                meanG[j] *= inv;
            }
            double cov = 0;
            for (int k = 0; k < size; k++) {
                double p = prob[k];
                if (p == 0) {
                    continue;
                }
                s.delta(x, xo, k);
                java.util.Arrays.fill(u, 0);
                addAffine(1, drift, k * d, rate, k * d * d, s.delta, u, 0);
                s.componentScore(x, xo, k);
                double dot = 0;
                for (int j = 0; j < d; j++) {
                    dot += (u[j] - meanU[j]) * (s.g[j] - meanG[j]);
                }
                cov += p * dot;
            }
            div[i] = (trace + cov) * inv;
            if (v != null) {
                System.arraycopy(meanU, 0, v, xo, d);
            }
        }
    }

    /** {@code ∇ln P_t(x) = Σ_k r_k(x) g_k} with {@code g_k = −C_k⁻¹(x − m μ_k)} by the component's Cholesky factor. */
    @Override
    void score(double[] x, double[] out, int from, int to) {
        average(x, out, from, to, (p, k, s, xo) -> {
            s.componentScore(x, xo, k);
            for (int j = 0; j < d; j++) {
                out[xo + j] += p * s.g[j];
            }
        });
    }

    @Override
    void posteriorMean(double[] x, double[] out, int from, int to) {
        averageAffine(x, out, from, to, means, gain);
    }

    /**
     * {@code out_i = Σ_k r_k(x_i) (offset_k + slope_k (x_i − m μ_k))} with a full {@code d × d}
     * slope per component: the velocity (offset {@code ṁ μ_k}, slope {@code A_k}) and the posterior
     * mean (offset {@code μ_k}, slope the posterior gain).
     */
    private void averageAffine(double[] x, double[] out, int from, int to, double[] offset, double[] slope) {
        average(x, out, from, to, (p, k, s, xo) -> {
            s.delta(x, xo, k);
            addAffine(p, offset, k * d, slope, k * d * d, s.delta, out, xo);
        });
    }

    /** Adds {@code p} times component {@code k}'s term at the particle at {@code xo} to {@code out}. */
    @FunctionalInterface
    private interface Term {
        void add(double p, int k, Scratch s, int xo);
    }

    /**
     * {@code out_i = Σ_k r_k(x_i) term_k(x_i)}: responsibilities by log-sum-exp, components below
     * the cut-off skipped, then normalised; {@code term} adds its weighted value to {@code out}.
     */
    private void average(double[] x, double[] out, int from, int to, Term term) {
        Scratch s = new Scratch();
        for (int i = from; i < to; i++) {
            int xo = i * d;
            double max = s.logResponsibilities(x, xo);
            java.util.Arrays.fill(out, xo, xo + d, 0);
            double norm = 0;
            for (int k = 0; k < size; k++) {
                double e = s.log[k] - max;
                if (e < -cut) {
                    continue;
                }
                double p = TableExp.exp(e);
                norm += p;
                term.add(p, k, s, xo);
            }
            double inv = 1 / norm;
            for (int j = 0; j < d; j++) {
                out[xo + j] *= inv;
            }
        }
    }
}
