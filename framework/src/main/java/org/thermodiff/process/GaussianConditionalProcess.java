package org.thermodiff.process;

import java.util.Optional;
import java.util.OptionalDouble;
import org.thermodiff.distribution.GaussianMixture;
import org.thermodiff.spi.process.ForwardProcess;
import org.thermodiff.spi.process.GaussianPath;
import org.thermodiff.spi.process.VelocityField;

/**
 * The forward process of a {@link GaussianConditionalSchedule} started from Gaussian-mixture data
 * {@code q = Σ_k w_k N(μ_k, s_k²)}.
 *
 * <p>Every marginal is a Gaussian mixture (Eq. 97): {@code P_t = Σ_k w_k N(m_t μ_k, S_k²)} with
 * {@code S_k² = m_t² s_k² + σ_t²}.
 *
 * <p><b>Velocity (Eq. 96).</b> With the posterior mean {@code ŷ(x) = E[y](x)/P_t(x)} (Eq. F6),
 * Eq. 96 reads {@code ν_t(x) = (σ̇/σ)(x − m ŷ) + ṁ ŷ}. Expanding {@code ŷ} per component,
 * {@code x − m ŷ_k = σ² (x − m μ_k)/S_k²}, so the {@code 1/σ} cancels analytically and
 * <pre>
 *   ν_t(x) = Σ_k π_k(x) [ ṁ μ_k + (σσ̇ + m ṁ s_k²)(x − m μ_k) / S_k² ],
 *   π_k(x) = w_k N(x | m μ_k, S_k²) / P_t(x),
 * </pre>
 * which is finite at both ends: at {@code t = 0} ({@code σ = 0}) it is {@code (ṁ/m) x}, and at
 * {@code t = τ} ({@code m = 0}) it never divides by {@code m}. Each bracket is the exact velocity
 * {@code μ̇_k + (Ṡ_k/S_k)(x − μ_k)} of component {@code k}'s Gaussian flow, and {@code π_k} are
 * computed with log-sum-exp, so no end point or tail produces a NaN.
 */
public final class GaussianConditionalProcess implements ForwardProcess {

    private final GaussianConditionalSchedule schedule;
    private final GaussianMixture data;
    private final double tau;
    private final VelocityField velocity;

    GaussianConditionalProcess(GaussianConditionalSchedule schedule, GaussianMixture data, double tau) {
        if (!(tau > 0) || !Double.isFinite(tau)) {
            throw new IllegalArgumentException("tau must be finite and > 0, got " + tau);
        }
        this.schedule = schedule;
        this.data = data;
        this.tau = tau;
        this.velocity = new MixtureVelocity();
    }

    @Override
    public double tau() {
        return tau;
    }

    /** The schedule. */
    public GaussianConditionalSchedule schedule() {
        return schedule;
    }

    @Override
    public GaussianMixture marginal(double t) {
        double s = normalised(t);
        double m = schedule.m(s);
        double sigma = schedule.sigma(s);
        int n = data.size();
        double[] w = new double[n];
        double[] mu = new double[n];
        double[] sd = new double[n];
        for (int k = 0; k < n; k++) {
            w[k] = data.weight(k);
            mu[k] = m * data.mean(k);
            sd[k] = Math.sqrt(m * m * data.stddev(k) * data.stddev(k) + sigma * sigma);
        }
        return GaussianMixture.of(w, mu, sd);
    }

    @Override
    public VelocityField velocity() {
        return velocity;
    }

    @Override
    public OptionalDouble temperature(double t) {
        return OptionalDouble.of(schedule.temperature(normalised(t), tau));
    }

    /** {@code m_t}, {@code σ_t} of the schedule in forward time. */
    @Override
    public Optional<GaussianPath> gaussianPath() {
        return Optional.of(new SchedulePath(schedule, tau));
    }

    @Override
    public String describe() {
        return schedule.name() + "(τ=" + tau + ") on " + data.describe();
    }

    private double normalised(double t) {
        if (!(t >= 0 && t <= tau)) {
            throw new IllegalArgumentException("t must lie in [0, " + tau + "], got " + t);
        }
        return t / tau;
    }

    /** Component-wise coefficients of the velocity at one time. */
    private final class Coefficients {
        final double[] logWeight;   // ln w_k − ln S_k
        final double[] center;      // m μ_k
        final double[] inverseVar;  // 1 / S_k²
        final double[] drift;       // ṁ μ_k
        final double[] rate;        // (σσ̇ + m ṁ s_k²) / S_k²

        Coefficients(double t) {
            double s = normalised(t);
            double m = schedule.m(s);
            double mDot = schedule.mPrime(s) / tau;
            double sigma = schedule.sigma(s);
            double sigmaSigmaDot = schedule.halfSigmaSquaredPrime(s) / tau;
            int n = data.size();
            logWeight = new double[n];
            center = new double[n];
            inverseVar = new double[n];
            drift = new double[n];
            rate = new double[n];
            for (int k = 0; k < n; k++) {
                double sk2 = data.stddev(k) * data.stddev(k);
                double var = m * m * sk2 + sigma * sigma;
                logWeight[k] = Math.log(data.weight(k)) - 0.5 * Math.log(var);
                center[k] = m * data.mean(k);
                inverseVar[k] = 1 / var;
                drift[k] = mDot * data.mean(k);
                rate[k] = (sigmaSigmaDot + m * mDot * sk2) / var;
            }
        }
    }

    /** Eq. 96 in the component form above; ∂ν/∂x in closed form as well. */
    private final class MixtureVelocity implements VelocityField {

        @Override
        public void velocity(double t, double[] x, double[] v, int from, int to) {
            Coefficients c = new Coefficients(t);
            int n = c.center.length;
            double[] log = new double[n];
            for (int i = from; i < to; i++) {
                double xi = x[i];
                double max = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < n; k++) {
                    double d = xi - c.center[k];
                    log[k] = c.logWeight[k] - 0.5 * d * d * c.inverseVar[k];
                    max = Math.max(max, log[k]);
                }
                double norm = 0;
                double sum = 0;
                for (int k = 0; k < n; k++) {
                    double p = Math.exp(log[k] - max);
                    norm += p;
                    sum += p * (c.drift[k] + c.rate[k] * (xi - c.center[k]));
                }
                v[i] = sum / norm;
            }
        }

        @Override
        public boolean hasDivergence() {
            return true;
        }

        /**
         * {@code ∂ν/∂x = E_π[a_k] + Cov_π(ℓ'_k, u_k)} with {@code u_k} the bracket of component
         * {@code k}, {@code a_k} its slope and {@code ℓ'_k = −(x − m μ_k)/S_k²} the derivative of
         * its log-responsibility.
         */
        @Override
        public void divergence(double t, double[] x, double[] out, int from, int to) {
            Coefficients c = new Coefficients(t);
            int n = c.center.length;
            double[] log = new double[n];
            for (int i = from; i < to; i++) {
                double xi = x[i];
                double max = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < n; k++) {
                    double d = xi - c.center[k];
                    log[k] = c.logWeight[k] - 0.5 * d * d * c.inverseVar[k];
                    max = Math.max(max, log[k]);
                }
                double norm = 0;
                double meanRate = 0;
                double meanScore = 0;
                double meanU = 0;
                double meanScoreU = 0;
                for (int k = 0; k < n; k++) {
                    double p = Math.exp(log[k] - max);
                    double d = xi - c.center[k];
                    double u = c.drift[k] + c.rate[k] * d;
                    double score = -d * c.inverseVar[k];
                    norm += p;
                    meanRate += p * c.rate[k];
                    meanScore += p * score;
                    meanU += p * u;
                    meanScoreU += p * score * u;
                }
                meanRate /= norm;
                meanScore /= norm;
                meanU /= norm;
                meanScoreU /= norm;
                out[i] = meanRate + meanScoreU - meanScore * meanU;
            }
        }
    }
}
