package org.thermodiff.plugins.schedules;

import org.thermodiff.spi.Distribution;
import org.thermodiff.spi.OneDimensional;
import org.thermodiff.spi.Schedule;
import org.thermodiff.spi.process.ForwardProcess;

/**
 * Optimal transport from the data to the prior: {@code P_t} moves along the 2-Wasserstein
 * geodesic, {@code x_t = (1 − t/τ) x_0 + (t/τ) T(x_0)} with the optimal map {@code T}. In one
 * dimension {@code T = F_prior⁻¹ ∘ F_q} (monotone rearrangement), so the process is exact.
 */
public final class OptimalTransportSchedule implements Schedule, OneDimensional {

    @Override
    public ForwardProcess forward(Distribution data, Distribution prior, double tau) {
        return new DisplacementInterpolation(data, prior, tau);
    }
}
