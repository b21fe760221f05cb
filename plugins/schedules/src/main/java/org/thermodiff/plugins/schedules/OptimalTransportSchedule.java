package org.thermodiff.plugins.schedules;

import org.thermodiff.spi.Distribution;
import org.thermodiff.spi.MultivariateDistribution;
import org.thermodiff.spi.Schedule;
import org.thermodiff.spi.process.ForwardProcess;

/**
 * Optimal transport from the data to the prior: {@code P_t} moves along the 2-Wasserstein
 * geodesic, {@code x_t = (1 − t/τ) x_0 + (t/τ) T(x_0)} with the optimal map {@code T}. In one
 * dimension {@code T = F_prior⁻¹ ∘ F_q} (monotone rearrangement), so the process is exact; in
 * {@code R^d} only its end points are known and its velocity is learned ({@code ot-cfm}).
 */
public final class OptimalTransportSchedule implements Schedule {

    @Override
    public ForwardProcess forward(Distribution data, Distribution prior, double tau) {
        return new DisplacementInterpolation(data, prior, tau);
    }

    @Override
    public ForwardProcess forward(MultivariateDistribution data, MultivariateDistribution prior, double tau) {
        if (data instanceof Distribution d && prior instanceof Distribution p) {
            return forward(d, p, tau);
        }
        return new TransportPathNd(data, prior, tau);
    }

    /** The monotone rearrangement in 1-D; no closed form in {@code R^d}, {@code d > 1}. */
    @Override
    public boolean hasExactVelocity(int dimension) {
        return dimension == 1;
    }
}
