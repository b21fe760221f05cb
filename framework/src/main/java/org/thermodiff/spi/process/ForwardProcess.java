package org.thermodiff.spi.process;

import java.util.OptionalDouble;
import org.thermodiff.spi.Distribution;

/**
 * A forward process {@code P_t}, {@code t ∈ [0, τ]}, from the data {@code P_0 = q} towards the
 * prior, obeying the continuity equation {@code ∂_t P_t = −∇·(ν_t P_t)} (Eq. 1).
 *
 * <p>Made by a {@link org.thermodiff.spi.Schedule} for given data; immutable and thread-safe.
 */
public interface ForwardProcess {

    /** Duration {@code τ}. */
    double tau();

    /** The marginal {@code P_t}; {@code marginal(τ)} is where the reverse process starts. */
    Distribution marginal(double t);

    /** The exact forward velocity {@code ν_t} (Eq. 1). */
    VelocityField velocity();

    /**
     * The temperature {@code T_t} of Eq. 22, {@code +∞} where {@code m_t = 0}; empty for a process
     * that is not a diffusion (optimal transport moves mass without noise).
     */
    OptionalDouble temperature(double t);

    /** A short description, e.g. {@code cosine(τ=1) on 0.5·N(…) + 0.5·N(…)}. */
    String describe();
}
