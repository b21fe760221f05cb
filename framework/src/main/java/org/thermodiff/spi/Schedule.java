package org.thermodiff.spi;

import org.thermodiff.spi.process.ForwardProcess;

/**
 * A noise schedule: how the forward process carries the data to the prior.
 *
 * <p>Schedule plugins are selected by name ({@code schedule: cosine}) and made from their
 * parameter record; {@link #forward} then binds them to the data of one run.
 */
public interface Schedule {

    /**
     * The forward process of this schedule for the given data.
     *
     * @param data  {@code q = P_0}
     * @param prior the declared prior (an optimal-transport schedule ends there exactly)
     * @param tau   duration {@code τ > 0}
     * @throws IllegalArgumentException if the schedule cannot be built for this data, with a
     *                                  message saying what it supports
     */
    ForwardProcess forward(Distribution data, Distribution prior, double tau);

    /**
     * The forward process of this schedule for data in any dimension. The default serves 1-D
     * schedules: it delegates to {@link #forward(Distribution, Distribution, double)} when both
     * laws are 1-D {@link Distribution}s and refuses anything else.
     *
     * @throws IllegalArgumentException if the schedule cannot be built for this data
     */
    default ForwardProcess forward(MultivariateDistribution data, MultivariateDistribution prior, double tau) {
        if (data instanceof Distribution d && prior instanceof Distribution p) {
            return forward(d, p, tau);
        }
        throw new IllegalArgumentException("schedule " + getClass().getSimpleName()
                + " supports only 1-D data; got " + data.describe() + " in dimension " + data.dimension());
    }

    /**
     * Whether the processes of this schedule in {@code R^dimension} have a closed-form velocity
     * (true by default). Optimal transport has one on the line only; in {@code R^d} it is learned.
     */
    default boolean hasExactVelocity(int dimension) {
        return true;
    }

    /** The least data dimension this schedule works in (1 by default; a rotation needs 2). */
    default int minimumDimension() {
        return 1;
    }
}
