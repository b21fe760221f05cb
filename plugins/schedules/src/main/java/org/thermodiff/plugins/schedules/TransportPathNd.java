package org.thermodiff.plugins.schedules;

import java.util.OptionalDouble;
import org.thermodiff.spi.Distribution;
import org.thermodiff.spi.MultivariateDistribution;
import org.thermodiff.spi.process.ForwardProcess;
import org.thermodiff.spi.process.VelocityField;

/**
 * Optimal transport from the data {@code q} to the prior {@code P_τ} in {@code R^d},
 * {@code d > 1}: the 2-Wasserstein geodesic {@code x_t = (1 − s) x_0 + s T(x_0)}, {@code s = t/τ},
 * whose optimal map {@code T} has no closed form for general {@code q}. Only the end points are
 * known ({@code P_0 = q}, {@code P_τ} the prior); the velocity is learned from samples by the
 * {@code ot-cfm} estimator (minibatch OT couplings), which is what this process is for. Asking it
 * for the exact velocity, or for an intermediate marginal, fails with a message saying so.
 */
final class TransportPathNd implements ForwardProcess {

    private final MultivariateDistribution data;
    private final MultivariateDistribution prior;
    private final double tau;
    private final VelocityField velocity = new Unknown();

    TransportPathNd(MultivariateDistribution data, MultivariateDistribution prior, double tau) {
        if (!(tau > 0) || !Double.isFinite(tau)) {
            throw new IllegalArgumentException("tau must be finite and > 0, got " + tau);
        }
        if (data.dimension() != prior.dimension()) {
            throw new IllegalArgumentException("the data live in R^" + data.dimension() + " and the prior in R^"
                    + prior.dimension());
        }
        this.data = data;
        this.prior = prior;
        this.tau = tau;
    }

    @Override
    public double tau() {
        return tau;
    }

    @Override
    public int dimension() {
        return data.dimension();
    }

    @Override
    public Distribution marginal(double t) {
        throw new UnsupportedOperationException(describe() + " lives in R^" + data.dimension()
                + "; its marginals are given by marginalLaw(t)");
    }

    /** {@code q} at {@code t = 0}, the prior at {@code t = τ}. */
    @Override
    public MultivariateDistribution marginalLaw(double t) {
        if (t == 0) {
            return data;
        }
        if (t == tau) {
            return prior;
        }
        throw new UnsupportedOperationException("the optimal-transport marginal P_t of " + describe()
                + " has no closed form at 0 < t < τ in R^" + data.dimension());
    }

    @Override
    public VelocityField velocity() {
        return velocity;
    }

    /** Transport moves mass without noise. */
    @Override
    public OptionalDouble temperature(double t) {
        return OptionalDouble.empty();
    }

    @Override
    public String describe() {
        return "ot(τ=" + tau + ") from " + data.describe() + " to " + prior.describe();
    }

    /** The displacement velocity, unknown in closed form. */
    private final class Unknown implements VelocityField {

        @Override
        public int dimension() {
            return data.dimension();
        }

        @Override
        public void velocity(double t, double[] x, double[] v, int from, int to) {
            throw new UnsupportedOperationException("the optimal-transport velocity in R^" + data.dimension()
                    + " has no closed form: learn it with estimator ot-cfm (the analytic estimator serves ot in 1-D only)");
        }
    }
}
