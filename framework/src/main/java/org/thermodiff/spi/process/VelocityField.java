package org.thermodiff.spi.process;

import java.util.Optional;

/**
 * A time-dependent velocity field {@code ν_t(x)} on {@code R^d} ({@code d = 1} unless
 * {@link #dimension()} says otherwise): the forward velocity of the Fokker–Planck equation (Eq. 1)
 * or an estimate {@code ν̂_t} of it. Clouds flow along it in reverse time,
 * {@code dx̃/dt̃ = −ν̂_{τ−t̃}(x̃)} (Eqs. 11, 15).
 *
 * <p>Evaluation is batched over a slice of a whole cloud, so that hot loops make one virtual call
 * per time step rather than one per particle. Arrays are row-major: particle {@code i} occupies
 * {@code [i·d, (i+1)·d)}, and {@code from}, {@code to} count particles; the divergence is
 * {@code ∇·ν}, one value per particle. Implementations are immutable and thread-safe:
 * disjoint slices may be evaluated concurrently.
 */
public interface VelocityField {

    /** The dimension {@code d} of the space the field acts on. */
    default int dimension() {
        return 1;
    }

    /**
     * Writes {@code ν_t(x[i])} to {@code v[i]} for {@code from ≤ i < to}.
     *
     * @param t    forward time in {@code [0, τ]}
     * @param x    positions
     * @param v    receives the velocities; may not alias {@code x}
     * @param from first index, inclusive
     * @param to   last index, exclusive
     */
    void velocity(double t, double[] x, double[] v, int from, int to);

    /** {@link #velocity(double, double[], double[], int, int)} over whole arrays. */
    default void velocity(double t, double[] x, double[] v) {
        velocity(t, x, v, 0, x.length / dimension());
    }

    /** {@code ν_t(x)} at one point of a 1-D field; convenient, not fast. */
    default double velocity(double t, double x) {
        double[] v = new double[1];
        velocity(t, new double[] {x}, v, 0, 1);
        return v[0];
    }

    /** Whether {@link #divergence} is available. */
    default boolean hasDivergence() {
        return false;
    }

    /**
     * Writes {@code ∂ν_t/∂x} at {@code x[i]} to {@code out[i]}: the rate at which the flow
     * stretches space, which carries densities along trajectories
     * ({@code d ln p/dt = −∂ν/∂x}).
     *
     * @throws UnsupportedOperationException if {@link #hasDivergence()} is false
     */
    default void divergence(double t, double[] x, double[] out, int from, int to) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not provide ∂ν/∂x");
    }

    /**
     * {@link #velocity} and {@link #divergence} together. Fields that share work between the two
     * (an implicit field solving for each particle's origin, say) override this to do it once.
     */
    default void velocityAndDivergence(double t, double[] x, double[] v, double[] div, int from, int to) {
        velocity(t, x, v, from, to);
        divergence(t, x, div, from, to);
    }

    /**
     * The exact flow of this field when it is known in closed form; empty (the default) when
     * particles must be moved by integrating {@code dx/dt = ν_t(x)}.
     */
    default Optional<FlowMap> flowMap() {
        return Optional.empty();
    }

    /**
     * The temperature and score behind this field when it is the probability-flow velocity of a
     * diffusion, for reverse-SDE sampling (Eq. 9); empty (the default) otherwise.
     */
    default Optional<Diffusion> diffusion() {
        return Optional.empty();
    }

    /** How this field was learned, for estimated fields that were trained; empty (the default) otherwise. */
    default Optional<TrainingLog> training() {
        return Optional.empty();
    }
}
