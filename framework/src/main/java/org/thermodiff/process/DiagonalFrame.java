package org.thermodiff.process;

import org.thermodiff.math.TableExp;

/**
 * {@link MixtureFrame} for diagonal {@code Σ_k} (isotropic ones and atoms at {@code σ_t > 0}
 * included): every {@code C_k}, {@code A_k} and posterior gain is diagonal, so a component costs
 * {@code O(d)} per particle.
 */
final class DiagonalFrame extends MixtureFrame {

    private final int d;
    private final int size;
    private final double[] means;
    /** {@code ln w_k − ½ ln det C_k}. */
    private final double[] logWeight;
    /** {@code m μ_k}. */
    private final double[] center;
    /** {@code 1 / (C_k)_jj}. */
    private final double[] precision;
    /** {@code −1 / (C_k)_jj}: the slope of the score. */
    private final double[] negativePrecision;
    /** {@code ṁ μ_k}. */
    private final double[] drift;
    /** {@code (A_k)_jj = (σσ̇ + m ṁ (Σ_k)_jj) / (C_k)_jj}. */
    private final double[] rate;
    /** {@code tr A_k}. */
    private final double[] rateTrace;
    /** {@code m (Σ_k)_jj / (C_k)_jj}: the posterior gain. */
    private final double[] gain;
    /** {@link MixtureFrame#cut(int)}. */
    private final double cut;
    /**
     * {@code d = 2}: the centres, half precisions {@code 1/(2 (C_k)_jj)} and rates by coordinate
     * ({@code [k]} for component {@code k}), so that the exponent loop runs over contiguous arrays.
     */
    private double[] cx;
    private double[] cy;
    private double[] hx;
    private double[] hy;
    private double[] rx;
    private double[] ry;
    /** {@code d = 2}: the drifts {@code ṁ μ_k} by coordinate. */
    private double[] ex;
    private double[] ey;

    private DiagonalFrame(DataComponents q) {
        d = q.dimension;
        size = q.size;
        means = q.means;
        logWeight = new double[size];
        center = new double[size * d];
        precision = new double[size * d];
        negativePrecision = new double[size * d];
        drift = new double[size * d];
        rate = new double[size * d];
        rateTrace = new double[size];
        gain = new double[size * d];
        cut = cut(size);
    }

    /** The frame, or null where some {@code (C_k)_jj} vanishes. */
    static DiagonalFrame of(DataComponents q, double m, double mDot, double sigma, double sigmaSigmaDot) {
        DiagonalFrame f = new DiagonalFrame(q);
        int d = f.d;
        double sigma2 = sigma * sigma;
        for (int k = 0; k < f.size; k++) {
            double halfLogDet = 0;
            double trace = 0;
            for (int j = 0; j < d; j++) {
                int kj = k * d + j;
                double s2 = q.variances[kj];
                double c = m * m * s2 + sigma2;
                if (!(c >= Double.MIN_NORMAL)) {
                    return null;
                }
                halfLogDet += 0.5 * Math.log(c);
                f.center[kj] = m * q.means[kj];
                f.precision[kj] = 1 / c;
                f.negativePrecision[kj] = -1 / c;
                f.drift[kj] = mDot * q.means[kj];
                f.rate[kj] = (sigmaSigmaDot + m * mDot * s2) / c;
                f.gain[kj] = m * s2 / c;
                trace += f.rate[kj];
            }
            f.logWeight[k] = Math.log(q.weights[k]) - halfLogDet;
            f.rateTrace[k] = trace;
        }
        if (d == 2) {
            f.unrollThePlane();
        }
        return f;
    }

    /** Fills the {@code d = 2} arrays. */
    private void unrollThePlane() {
        cx = new double[size];
        cy = new double[size];
        hx = new double[size];
        hy = new double[size];
        rx = new double[size];
        ry = new double[size];
        ex = new double[size];
        ey = new double[size];
        for (int k = 0; k < size; k++) {
            cx[k] = center[2 * k];
            cy[k] = center[2 * k + 1];
            hx[k] = 0.5 * precision[2 * k];
            hy[k] = 0.5 * precision[2 * k + 1];
            rx[k] = rate[2 * k];
            ry[k] = rate[2 * k + 1];
            ex[k] = drift[2 * k];
            ey[k] = drift[2 * k + 1];
        }
    }

    /** Fills {@code log[k]} for particle at {@code xo}; returns the largest. */
    private double logResponsibilities(double[] x, int xo, double[] log) {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0, ko = 0; k < size; k++, ko += d) {
            double q = 0;
            for (int j = 0; j < d; j++) {
                double delta = x[xo + j] - center[ko + j];
                q += delta * delta * precision[ko + j];
            }
            double l = logWeight[k] - 0.5 * q;
            log[k] = l;
            max = Math.max(max, l);
        }
        return max;
    }

    @Override
    void velocity(double[] x, double[] v, int from, int to) {
        if (d == 2) {
            velocityInThePlane(x, v, from, to);
            return;
        }
        averageAffine(x, v, from, to, drift, rate);
    }

    /**
     * {@link #velocity} unrolled for {@code d = 2}, the case of the n-D benchmarks (Swiss roll), per
     * particle in passes over the components: every exponent, their maximum (contiguous arrays, no
     * branches), then the exponentials of those within {@link MixtureFrame#cut(int)} of
     * the maximum ({@link TableExp}) and the weighted sums.
     *
     * <p>The exponent is kept in the centred form {@code ln w_k − ½ ln det C_k − ½ Σ_j δ_j²/C_jj}:
     * for a shared isotropic covariance it could be expanded as {@code a_k + x·b_k − ½p|x|²} with the
     * common term dropped (two multiply-adds fewer), but then its rounding error is
     * {@code ε p |x| |m μ_k|} instead of {@code ε p |δ_k|²}, large for narrow components far from
     * the origin (relative error {@code 10⁻¹⁰} in the responsibilities at {@code p = 10⁴},
     * {@code |x| = 10}); the exponent pass costs a few ns of the total and is not worth that.
     * Likewise the shared rate {@code A_k = a I} of such data would give
     * {@code ν = a x + Σ_k r_k (ṁ μ_k − a m μ_k)}, but {@code a x} and {@code a m μ_k} cancel with error
     * {@code ε |a| |x|}, and {@code a = σσ̇/σ²} diverges at {@code t → 0} on atoms (error 10⁻⁴ at
     * {@code t = 10⁻¹²}); the per-component {@code u_k = ṁ μ_k + A_k δ_k} keeps the error at
     * {@code ε |A_k δ_k|}.
     */
    private void velocityInThePlane(double[] x, double[] v, int from, int to) {
        double[] log = new double[size];
        for (int i = from; i < to; i++) {
            double x0 = x[2 * i];
            double x1 = x[2 * i + 1];
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < size; k++) {
                double a = x0 - cx[k];
                double b = x1 - cy[k];
                log[k] = logWeight[k] - (a * a * hx[k] + b * b * hy[k]);
            }
            for (int k = 0; k < size; k++) {
                max = Math.max(max, log[k]); // a loop of its own: measured 20% faster than fused with the above
            }
            double floor = max - cut;
            double norm = 0;
            double v0 = 0;
            double v1 = 0;
            for (int k = 0; k < size; k++) {
                double l = log[k];
                if (l >= floor) {
                    double p = TableExp.exp(l - max);
                    norm += p;
                    v0 += p * (ex[k] + rx[k] * (x0 - cx[k]));
                    v1 += p * (ey[k] + ry[k] * (x1 - cy[k]));
                }
            }
            double inv = 1 / norm;
            v[2 * i] = v0 * inv;
            v[2 * i + 1] = v1 * inv;
        }
    }

    @Override
    void velocityAndDivergence(double[] x, double[] v, double[] div, int from, int to) {
        double[] prob = new double[size];
        double[] meanU = new double[d];
        double[] meanG = new double[d];
        for (int i = from; i < to; i++) {
            int xo = i * d;
            double max = logResponsibilities(x, xo, prob);
            java.util.Arrays.fill(meanU, 0);
            java.util.Arrays.fill(meanG, 0);
            double norm = 0;
            double trace = 0;
            for (int k = 0, ko = 0; k < size; k++, ko += d) {
                double e = prob[k] - max;
                double p = e < -cut ? 0 : TableExp.exp(e);
                prob[k] = p;
                if (p == 0) {
                    continue;
                }
                norm += p;
                trace += p * rateTrace[k];
                for (int j = 0; j < d; j++) {
                    double delta = x[xo + j] - center[ko + j];
                    meanU[j] += p * (drift[ko + j] + rate[ko + j] * delta);
                    meanG[j] -= p * precision[ko + j] * delta;
                }
            }
            double inv = 1 / norm;
            for (int j = 0; j < d; j++) {
                meanU[j] *= inv;
                meanG[j] *= inv;
            }
            double cov = 0;
            for (int k = 0, ko = 0; k < size; k++, ko += d) {
                double p = prob[k];
                if (p == 0) {
                    continue;
                }
                double dot = 0;
                for (int j = 0; j < d; j++) {
                    double delta = x[xo + j] - center[ko + j];
                    double u = drift[ko + j] + rate[ko + j] * delta;
                    double g = -precision[ko + j] * delta;
                    dot += (u - meanU[j]) * (g - meanG[j]);
                }
                cov += p * dot;
            }
            div[i] = trace * inv + cov * inv;
            if (v != null) {
                System.arraycopy(meanU, 0, v, xo, d);
            }
        }
    }

    /** {@code ∇ln P_t(x) = Σ_k r_k(x) C_k⁻¹ (m μ_k − x)}: the affine average with offset 0, slope {@code −C_k⁻¹}. */
    @Override
    void score(double[] x, double[] out, int from, int to) {
        averageAffine(x, out, from, to, null, negativePrecision);
    }

    /**
     * {@code out_i = Σ_k r_k(x_i) (offset_k + slope_k ⊙ (x_i − m μ_k))}, the responsibility-weighted
     * average of a per-component affine map with diagonal slope: the velocity (offset {@code ṁ μ_k},
     * slope {@code A_k}), the posterior mean (offset {@code μ_k}, slope the posterior gain) and the
     * score (no offset, slope {@code −C_k⁻¹}); a {@code null} offset is 0.
     */
    private void averageAffine(double[] x, double[] out, int from, int to, double[] offset, double[] slope) {
        double[] log = new double[size];
        for (int i = from; i < to; i++) {
            int xo = i * d;
            double max = logResponsibilities(x, xo, log);
            for (int j = 0; j < d; j++) {
                out[xo + j] = 0;
            }
            double norm = 0;
            for (int k = 0, ko = 0; k < size; k++, ko += d) {
                double e = log[k] - max;
                if (e < -cut) {
                    continue;
                }
                double p = TableExp.exp(e);
                norm += p;
                for (int j = 0; j < d; j++) {
                    double affine = slope[ko + j] * (x[xo + j] - center[ko + j]);
                    out[xo + j] += p * (offset == null ? affine : offset[ko + j] + affine);
                }
            }
            double inv = 1 / norm;
            for (int j = 0; j < d; j++) {
                out[xo + j] *= inv;
            }
        }
    }

    @Override
    void posteriorMean(double[] x, double[] out, int from, int to) {
        averageAffine(x, out, from, to, means, gain);
    }
}
