package org.thermodiff.plugins.schedules;

import java.util.Optional;
import java.util.OptionalDouble;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.thermodiff.math.MonotoneRoot;
import org.thermodiff.math.NormalScoreRule;
import org.thermodiff.spi.Distribution;
import org.thermodiff.spi.Interval;
import org.thermodiff.spi.process.FlowMap;
import org.thermodiff.spi.process.ForwardProcess;
import org.thermodiff.spi.process.VelocityField;

/**
 * McCann's displacement interpolation between the data {@code q} and the prior {@code P} on the
 * real line: {@code X_t(x_0) = (1 − s) x_0 + s T(x_0)}, {@code s = t/τ}, with the monotone optimal
 * map {@code T = Q_P ∘ Q_q⁻¹} written through normal scores ({@code Q = F⁻¹ ∘ Φ}).
 *
 * <p>Particles move on straight lines at constant speed, so the velocity at {@code x} is
 * {@code ν_t(x) = (T(x_0) − x_0)/τ} with {@code x_0 = X_t⁻¹(x)} found by safeguarded Newton on
 * the increasing {@code X_t} ({@code X_t' = 1 − s + s T'}, {@code T'(x_0) = q(x_0)/P(T(x_0))}).
 * The flow is known in closed form ({@link #transport}), so samplers move particles along it exactly.
 * Consequences the tests check: {@code v2² = W2(q, P)²/τ²} at every {@code t}, so
 * {@code c2 = W2²/τ} (Eq. 91), and {@code W1(t)} between any two clouds moved by the flow is
 * linear in {@code t}.
 */
final class DisplacementInterpolation implements ForwardProcess {

    private final Distribution data;
    private final Distribution prior;
    private final double tau;
    /** Affine approximation {@code T(x) ≈ slope·x + shift} (moment matching), for Newton's first guess. */
    private final double slope;
    private final double shift;
    private final VelocityField velocity = new Velocity();

    DisplacementInterpolation(Distribution data, Distribution prior, double tau) {
        if (!(tau > 0) || !Double.isFinite(tau)) {
            throw new IllegalArgumentException("tau must be finite and > 0, got " + tau);
        }
        this.data = data;
        this.prior = prior;
        this.tau = tau;
        this.slope = Math.sqrt(prior.variance() / data.variance());
        this.shift = prior.mean() - slope * data.mean();
    }

    @Override
    public double tau() {
        return tau;
    }

    /** The optimal map {@code T(x_0)}. */
    double map(double x0) {
        return prior.fromNormalScore(data.toNormalScore(x0));
    }

    /** {@code T'(x_0) = q(x_0) / P(T(x_0))}. */
    private double mapSlope(double x0, double tx0) {
        double p = prior.density(tx0);
        return p > 0 ? data.density(x0) / p : 0;
    }

    /** {@code x_0} with {@code X_s(x_0) = x}. */
    double origin(double s, double x) {
        return origin(s, x, (x - s * shift) / ((1 - s) + s * slope), new double[2]);
    }

    /**
     * {@code x_0} with {@code X_s(x_0) = x}, Newton started at {@code guess}; {@code memo} receives
     * {@code T(x_0)} and {@code T'(x_0)}.
     */
    private double origin(double s, double x, double guess, double[] memo) {
        if (s == 0 || s == 1) {
            double x0 = s == 0 ? x : data.fromNormalScore(prior.toNormalScore(x));
            memo[0] = map(x0);
            memo[1] = mapSlope(x0, memo[0]);
            return x0;
        }
        MonotoneRoot.Function g = (x0, out) -> {
            memo[0] = map(x0);
            memo[1] = mapSlope(x0, memo[0]);
            out[0] = (1 - s) * x0 + s * memo[0] - x;
            out[1] = (1 - s) + s * memo[1];
        };
        Interval support = data.support();
        // The solver returns the last point it evaluated, so memo belongs to the returned x_0.
        return MonotoneRoot.solve(g, support.lower(), support.upper(), guess, 1e-14 * (1 + Math.abs(x)));
    }

    /**
     * {@code x_0 = X_s⁻¹(x_i)}, {@code T(x_0)} and {@code T'(x_0)} for a slice of positions, into
     * {@code x0[i − from]}, {@code tx0[i − from]} and {@code slope0[i − from]}. Clouds arrive sorted,
     * so each solve starts from its neighbour's solution moved by the local inverse slope: two or
     * three Newton steps instead of five from the affine guess.
     */
    private void origins(double s, double[] x, int from, int to, double[] x0, double[] tx0, double[] slope0) {
        double[] memo = new double[2];
        double prevX = Double.NaN;
        double prevX0 = Double.NaN;
        double prevSlope = Double.NaN;
        for (int i = from; i < to; i++) {
            double guess = Math.abs(x[i] - prevX) < 0.25 ? prevX0 + (x[i] - prevX) / prevSlope
                    : (x[i] - s * shift) / ((1 - s) + s * slope);
            double o = origin(s, x[i], Double.isFinite(guess) ? guess : x[i], memo);
            x0[i - from] = o;
            tx0[i - from] = memo[0];
            slope0[i - from] = memo[1];
            prevX = x[i];
            prevX0 = o;
            prevSlope = (1 - s) + s * memo[1];
        }
    }

    /**
     * The exact flow {@code Φ_{a→b}(x) = (1 − s_b) x_0 + s_b T(x_0)} with {@code x_0 = X_{s_a}⁻¹(x)},
     * and its stretch {@code ∂Φ/∂x = X_{s_b}'(x_0) / X_{s_a}'(x_0)}, {@code X_s' = 1 + s (T' − 1)}.
     */
    private void transport(double a, double b, double[] x, double[] out, double[] logStretch, int from, int to) {
        double sa = normalised(a);
        double sb = normalised(b);
        int n = to - from;
        double[] x0 = new double[n];
        double[] tx0 = new double[n];
        double[] slope0 = new double[n];
        origins(sa, x, from, to, x0, tx0, slope0);   // reads every x[i] before out (which may alias x) is written
        for (int i = from; i < to; i++) {
            int j = i - from;
            out[i] = (1 - sb) * x0[j] + sb * tx0[j];
            if (logStretch != null) {
                double excess = slope0[j] - 1;
                // log1p: near s = 0 or T' = 1 the stretch is 1 + tiny, and a plain log of the ratio would lose it.
                logStretch[i] = Math.log1p(sb * excess) - Math.log1p(sa * excess);
            }
        }
    }

    @Override
    public Distribution marginal(double t) {
        double s = normalised(t);
        if (s == 0) {
            return data;
        }
        if (s == 1) {
            return prior;
        }
        return new Marginal(s);
    }

    @Override
    public VelocityField velocity() {
        return velocity;
    }

    /** Optimal transport is not a diffusion: there is no temperature. */
    @Override
    public OptionalDouble temperature(double t) {
        return OptionalDouble.empty();
    }

    @Override
    public String describe() {
        return "optimal transport (τ=" + tau + ") from " + data.describe() + " to " + prior.describe();
    }

    private double normalised(double t) {
        if (!(t >= 0 && t <= tau)) {
            throw new IllegalArgumentException("t must lie in [0, " + tau + "], got " + t);
        }
        return t / tau;
    }

    /** {@code ν_t(x) = (T(x_0) − x_0)/τ} and its derivative in {@code x}. */
    private final class Velocity implements VelocityField {

        private final Optional<FlowMap> flow = Optional.of(DisplacementInterpolation.this::transport);

        /** Straight lines at constant speed: the flow needs no integrator. */
        @Override
        public Optional<FlowMap> flowMap() {
            return flow;
        }

        @Override
        public void velocity(double t, double[] x, double[] v, int from, int to) {
            double s = normalised(t);
            int n = to - from;
            double[] x0 = new double[n];
            double[] tx0 = new double[n];
            origins(s, x, from, to, x0, tx0, new double[n]);
            for (int i = from; i < to; i++) {
                v[i] = (tx0[i - from] - x0[i - from]) / tau;
            }
        }

        @Override
        public boolean hasDivergence() {
            return true;
        }

        /** {@code ∂ν/∂x = (T'(x_0) − 1) / (τ (1 − s + s T'(x_0)))}. */
        @Override
        public void divergence(double t, double[] x, double[] out, int from, int to) {
            velocityAndDivergence(t, x, null, out, from, to);
        }

        /** One inverse-flow solve per particle serves both the velocity and its divergence. */
        @Override
        public void velocityAndDivergence(double t, double[] x, double[] v, double[] div, int from, int to) {
            double s = normalised(t);
            int n = to - from;
            double[] x0 = new double[n];
            double[] tx0 = new double[n];
            double[] slope0 = new double[n];
            origins(s, x, from, to, x0, tx0, slope0);
            for (int i = from; i < to; i++) {
                if (v != null) {
                    v[i] = (tx0[i - from] - x0[i - from]) / tau;
                }
                double slopeAt = slope0[i - from];
                div[i] = (slopeAt - 1) / (tau * ((1 - s) + s * slopeAt));
            }
        }
    }

    /** {@code P_t = X_t # q}. */
    private final class Marginal implements Distribution {
        private final double s;
        private final double variance;

        Marginal(double s) {
            this.s = s;
            NormalScoreRule rule = NormalScoreRule.of(512, 8, NormalScoreRule.DEFAULT_RANGE);
            double m = mean();
            this.variance = rule.expectation(z -> {
                double d = fromNormalScore(z) - m;
                return d * d;
            });
        }

        @Override
        public double density(double x) {
            double x0 = origin(s, x);
            return data.density(x0) / ((1 - s) + s * mapSlope(x0, map(x0)));
        }

        @Override
        public double cdf(double x) {
            return data.cdf(origin(s, x));
        }

        @Override
        public double survival(double x) {
            return data.survival(origin(s, x));
        }

        @Override
        public double fromNormalScore(double z) {
            return (1 - s) * data.fromNormalScore(z) + s * prior.fromNormalScore(z);
        }

        @Override
        public double toNormalScore(double x) {
            return data.toNormalScore(origin(s, x));
        }

        @Override
        public double mean() {
            return (1 - s) * data.mean() + s * prior.mean();
        }

        @Override
        public double variance() {
            return variance;
        }

        @Override
        public Interval support() {
            Interval a = data.support();
            Interval b = prior.support();
            return new Interval((1 - s) * a.lower() + s * b.lower(), (1 - s) * a.upper() + s * b.upper());
        }

        @Override
        public ContinuousSampler sampler(UniformRandomProvider rng) {
            ContinuousSampler x0 = data.sampler(rng);
            return () -> {
                double y = x0.sample();
                return (1 - s) * y + s * map(y);
            };
        }

        @Override
        public String describe() {
            return "OT interpolant at s=" + s + " between " + data.describe() + " and " + prior.describe();
        }
    }
}
