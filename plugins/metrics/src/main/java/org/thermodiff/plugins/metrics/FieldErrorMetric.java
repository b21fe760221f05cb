package org.thermodiff.plugins.metrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.thermodiff.spi.Metric;
import org.thermodiff.spi.MultivariateDistribution;
import org.thermodiff.spi.Param;
import org.thermodiff.spi.metrics.MetricAccumulator;
import org.thermodiff.spi.metrics.MetricResult;
import org.thermodiff.spi.metrics.RunContext;
import org.thermodiff.spi.metrics.Series;
import org.thermodiff.spi.process.ForwardProcess;
import org.thermodiff.spi.process.VelocityField;
import org.thermodiff.spi.sampling.TimeGrid;

/**
 * How far the estimated field {@code ν̂} that drove the clouds (Eqs. 11, 15) is from the exact
 * forward velocity {@code ν} of Eq. 1: at every output time
 *
 * <pre>  err(t) = E_{P_t} |ν̂_t(x) − ν_t(x)|²,</pre>
 *
 * and over the run {@code ∫_0^τ err(t) dt} with the grid's quadrature. The expectation is over the
 * exact marginal {@code P_t} of the forward process, not over the sampled clouds (which the error
 * itself has moved): {@code samples} independent draws of {@code P_t} per time, from one
 * Commons RNG stream seeded with {@code seed}, so the numbers are reproducible. Each {@code err(t)}
 * comes with its Monte-Carlo standard error {@code sd(|ν̂ − ν|²)/√n}; draws at different times are
 * independent, so the integral's is {@code (Σ_k w_k² se_k²)^{1/2}}.
 *
 * <p>The relative error puts this against the size of the field itself,
 * {@code E_{P_t}|ν_t|² = T_t Ṡ_t} (Eq. 36), on the same draws: per time
 * {@code err(t) / E_{P_t}|ν_t|²}, and over the run {@code ∫ err dt / ∫ E_{P_t}|ν_t|² dt}, the
 * error relative to the dissipation. Where {@code ν_t ≡ 0} the per-time ratio is 0 if the estimate
 * is exact there too, else NaN.
 *
 * <p>Values: {@code field_error}, {@code field_error_stderr}, {@code field_error_relative}. Series:
 * {@code field_err}, {@code field_err_stderr}, {@code field_err_rel}. The metric reads no snapshot;
 * it computes everything when opened, so a forward process without a closed-form {@code P_t} or
 * {@code ν_t} (optimal transport in {@code d > 1}) fails the run before sampling.
 */
final class FieldErrorMetric implements Metric {

    /**
     * Parameters of {@code field-error}.
     *
     * @param samples draws of {@code P_t} per output time
     * @param seed    seed of the stream of draws
     */
    record Params(
            @Param(doc = "draws of the exact marginal P_t per output time for E_{P_t}|ν̂_t − ν_t|²", defaultValue = "20000",
                    min = 2, max = 100_000_000) int samples,
            @Param(doc = "seed of the stream of draws of P_t", defaultValue = "1") long seed) {
    }

    private final Params params;

    FieldErrorMetric(Params params) {
        this.params = params;
    }

    @Override
    public MetricAccumulator open(RunContext context) {
        MetricResult result = measure(context); // err(t) is taken over the exact P_t, not over the clouds
        return MetricAccumulator.withoutSnapshots(() -> result);
    }

    /** {@code E_{P_t}|ν̂_t − ν_t|²} and {@code E_{P_t}|ν_t|²} at every output time, with their integrals. */
    private MetricResult measure(RunContext context) {
        ForwardProcess forward = context.forward();
        VelocityField estimate = context.estimate();
        int d = forward.dimension();
        if (estimate.dimension() != d) {
            throw new IllegalArgumentException("field-error: the estimated field acts on R^" + estimate.dimension()
                    + " but the forward process " + forward.describe() + " lives in R^" + d);
        }
        TimeGrid grid = context.grid();
        int n = params.samples();
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(params.seed());
        double[] err = new double[grid.size()];
        double[] stderr = new double[grid.size()];
        double[] speed = new double[grid.size()];
        double[] relative = new double[grid.size()];
        double[] vHat = new double[Math.multiplyExact(n, d)];
        for (int k = 0; k < grid.size(); k++) {
            double t = grid.time(k);
            Exact exact = exact(forward, t, rng, n);
            estimate.velocity(t, exact.x(), vHat, 0, n);
            Moments m = moments(exact.v(), vHat, n, d);
            err[k] = m.err();
            stderr[k] = m.stderr();
            speed[k] = m.speed();
            relative[k] = ratio(m.err(), m.speed());
        }
        double integral = grid.integrate(err);
        double variance = 0;
        for (int k = 0; k < grid.size(); k++) {
            double w = grid.weight(k) * stderr[k];
            variance += w * w;
        }
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("field_error", integral);
        values.put("field_error_stderr", Math.sqrt(variance));
        values.put("field_error_relative", ratio(integral, grid.integrate(speed)));
        Series series = Series.withTimes(grid.times()).column("field_err", err).column("field_err_stderr", stderr)
                .column("field_err_rel", relative).build();
        return new MetricResult(values, series, List.of());
    }

    /**
     * {@code n} draws {@code x} of {@code P_t} and the exact velocities {@code ν_t(x)}.
     *
     * @param x row-major points, {@code n·d} values
     * @param v {@code ν_t(x)}, likewise
     */
    private record Exact(double[] x, double[] v) {
    }

    private static Exact exact(ForwardProcess forward, double t, UniformRandomProvider rng, int n) {
        int d = forward.dimension();
        try {
            MultivariateDistribution law = forward.marginalLaw(t);
            double[] x = law.pointSampler(rng).sample(n, d);
            double[] v = new double[x.length];
            forward.velocity().velocity(t, x, v, 0, n);
            return new Exact(x, v);
        } catch (UnsupportedOperationException e) {
            throw new IllegalArgumentException("field-error needs the exact marginal P_t and velocity ν_t of the forward "
                    + "process to compute E_{P_t}|ν̂_t − ν_t|², which " + forward.describe()
                    + " does not have in closed form (at t = " + t + ": " + e.getMessage() + ")", e);
        }
    }

    /**
     * Sample moments over {@code n} points.
     *
     * @param err    mean of {@code |ν̂ − ν|²}
     * @param stderr its standard error {@code sd/√n}
     * @param speed  mean of {@code |ν|²}
     */
    private record Moments(double err, double stderr, double speed) {
    }

    private static Moments moments(double[] v, double[] vHat, int n, int d) {
        // Welford's update: no cancellation when the error is small against its mean.
        double mean = 0;
        double m2 = 0;
        double speed = 0;
        for (int i = 0; i < n; i++) {
            double e = 0;
            double s = 0;
            for (int j = i * d; j < (i + 1) * d; j++) {
                double delta = vHat[j] - v[j];
                e += delta * delta;
                s += v[j] * v[j];
            }
            double step = e - mean;
            mean += step / (i + 1);
            m2 += step * (e - mean);
            speed += s;
        }
        return new Moments(mean, Math.sqrt(m2 / (n - 1) / n), speed / n);
    }

    /** {@code a/b}, with {@code 0/0 = 0} (an exact estimate of a vanishing field) and NaN for {@code a/0}, {@code a > 0}. */
    static double ratio(double a, double b) {
        if (b == 0) {
            return a == 0 ? 0 : Double.NaN;
        }
        return a / b;
    }
}
