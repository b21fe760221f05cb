package org.thermodiff.process;

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
    /** {@code ṁ μ_k}. */
    private final double[] drift;
    /** {@code (A_k)_jj = (σσ̇ + m ṁ (Σ_k)_jj) / (C_k)_jj}. */
    private final double[] rate;
    /** {@code tr A_k}. */
    private final double[] rateTrace;
    /** {@code m (Σ_k)_jj / (C_k)_jj}: the posterior gain. */
    private final double[] gain;

    private DiagonalFrame(DataComponents q) {
        d = q.dimension;
        size = q.size;
        means = q.means;
        logWeight = new double[size];
        center = new double[size * d];
        precision = new double[size * d];
        drift = new double[size * d];
        rate = new double[size * d];
        rateTrace = new double[size];
        gain = new double[size * d];
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
                f.drift[kj] = mDot * q.means[kj];
                f.rate[kj] = (sigmaSigmaDot + m * mDot * s2) / c;
                f.gain[kj] = m * s2 / c;
                trace += f.rate[kj];
            }
            f.logWeight[k] = Math.log(q.weights[k]) - halfLogDet;
            f.rateTrace[k] = trace;
        }
        return f;
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
        double[] log = new double[size];
        for (int i = from; i < to; i++) {
            int xo = i * d;
            double max = logResponsibilities(x, xo, log);
            for (int j = 0; j < d; j++) {
                v[xo + j] = 0;
            }
            double norm = 0;
            for (int k = 0, ko = 0; k < size; k++, ko += d) {
                double e = log[k] - max;
                if (e < -CUT) {
                    continue;
                }
                double p = Math.exp(e);
                norm += p;
                for (int j = 0; j < d; j++) {
                    v[xo + j] += p * (drift[ko + j] + rate[ko + j] * (x[xo + j] - center[ko + j]));
                }
            }
            double inv = 1 / norm;
            for (int j = 0; j < d; j++) {
                v[xo + j] *= inv;
            }
        }
    }

    /** {@link #velocity} unrolled for {@code d = 2}, the case of the n-D benchmarks (Swiss roll). */
    private void velocityInThePlane(double[] x, double[] v, int from, int to) {
        double[] log = new double[size];
        for (int i = from; i < to; i++) {
            double x0 = x[2 * i];
            double x1 = x[2 * i + 1];
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < size; k++) {
                double a = x0 - center[2 * k];
                double b = x1 - center[2 * k + 1];
                double l = logWeight[k] - 0.5 * (a * a * precision[2 * k] + b * b * precision[2 * k + 1]);
                log[k] = l;
                max = Math.max(max, l);
            }
            double norm = 0;
            double v0 = 0;
            double v1 = 0;
            for (int k = 0; k < size; k++) {
                double e = log[k] - max;
                if (e < -CUT) {
                    continue;
                }
                double p = Math.exp(e);
                norm += p;
                v0 += p * (drift[2 * k] + rate[2 * k] * (x0 - center[2 * k]));
                v1 += p * (drift[2 * k + 1] + rate[2 * k + 1] * (x1 - center[2 * k + 1]));
            }
            v[2 * i] = v0 / norm;
            v[2 * i + 1] = v1 / norm;
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
                double p = e < -CUT ? 0 : Math.exp(e);
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

    @Override
    void score(double[] x, double[] out, int from, int to) {
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
                if (e < -CUT) {
                    continue;
                }
                double p = Math.exp(e);
                norm += p;
                for (int j = 0; j < d; j++) {
                    out[xo + j] -= p * precision[ko + j] * (x[xo + j] - center[ko + j]);
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
                if (e < -CUT) {
                    continue;
                }
                double p = Math.exp(e);
                norm += p;
                for (int j = 0; j < d; j++) {
                    out[xo + j] += p * (means[ko + j] + gain[ko + j] * (x[xo + j] - center[ko + j]));
                }
            }
            double inv = 1 / norm;
            for (int j = 0; j < d; j++) {
                out[xo + j] *= inv;
            }
        }
    }
}
