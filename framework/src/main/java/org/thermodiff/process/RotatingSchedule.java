package org.thermodiff.process;

import org.thermodiff.spi.Distribution;
import org.thermodiff.spi.MultivariateDistribution;
import org.thermodiff.spi.Schedule;
import org.thermodiff.spi.process.ForwardProcess;

/**
 * A Gaussian-conditional schedule with the non-conservative force {@code (g/τ) J x} added to its
 * drift ({@link RotatedProcess}); {@code g = 0} is the schedule itself.
 */
public final class RotatingSchedule implements Schedule {

    private final GaussianConditionalSchedule base;
    private final double g;

    public RotatingSchedule(GaussianConditionalSchedule base, double g) {
        this.base = base;
        this.g = g;
    }

    /** Refused: a rotation needs two dimensions. */
    @Override
    public ForwardProcess forward(Distribution data, Distribution prior, double tau) {
        throw new IllegalArgumentException("the rotating schedule needs data in at least 2 dimensions; got "
                + data.describe() + " on the line");
    }

    @Override
    public ForwardProcess forward(MultivariateDistribution data, MultivariateDistribution prior, double tau) {
        if (data.dimension() < 2) {
            throw new IllegalArgumentException("the rotating schedule needs data in at least 2 dimensions; got "
                    + data.describe() + " on the line");
        }
        return new RotatedProcess(base.forward(data, prior, tau), g);
    }

    /** A rotation needs a plane. */
    @Override
    public int minimumDimension() {
        return 2;
    }
}
