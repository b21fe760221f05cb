package org.thermodiff.spi.process;

import java.util.Optional;
import java.util.OptionalDouble;
import org.thermodiff.spi.Distribution;
import org.thermodiff.spi.MultivariateDistribution;

/**
 * A forward process {@code P_t}, {@code t ∈ [0, τ]}, from the data {@code P_0 = q} towards the
 * prior, obeying the continuity equation {@code ∂_t P_t = −∇·(ν_t P_t)} (Eq. 1).
 *
 * <p>Made by a {@link org.thermodiff.spi.Schedule} for given data; immutable and thread-safe.
 */
public interface ForwardProcess {

    /** Duration {@code τ}. */
    double tau();

    /** The dimension {@code d} of the space the process lives in; 1 unless overridden. */
    default int dimension() {
        return 1;
    }

    /**
     * The marginal {@code P_t} on the line; {@code marginal(τ)} is where the reverse process starts.
     *
     * @throws UnsupportedOperationException for a process in more than one dimension; use
     *                                       {@link #marginalLaw(double)} there
     */
    Distribution marginal(double t);

    /**
     * The marginal {@code P_t} in any dimension: {@link #marginal(double)} unless overridden by an
     * n-D process.
     */
    default MultivariateDistribution marginalLaw(double t) {
        return marginal(t);
    }

    /** The exact forward velocity {@code ν_t} (Eq. 1). */
    VelocityField velocity();

    /**
     * The temperature {@code T_t} of Eq. 22, {@code +∞} where {@code m_t = 0}; empty for a process
     * that is not a diffusion (optimal transport moves mass without noise).
     */
    OptionalDouble temperature(double t);

    /**
     * The coefficients {@code m_t}, {@code σ_t} when this is a Gaussian-conditional process
     * (Eqs. 22–25), for estimators that learn from the conditional law; empty (the default)
     * otherwise.
     */
    default Optional<GaussianPath> gaussianPath() {
        return Optional.empty();
    }

    /** A short description, e.g. {@code cosine(τ=1) on 0.5·N(…) + 0.5·N(…)}. */
    String describe();
}
