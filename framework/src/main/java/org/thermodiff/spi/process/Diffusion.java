package org.thermodiff.spi.process;

/**
 * The diffusion behind a probability-flow velocity {@code ν_t = f_t − T_t ∇ln P_t} (Eq. 1): what
 * the reverse-time SDE (Eq. 9), {@code dx̃ = (−f + 2T ∇ln P) dt̃ + √(2T) dB = (−ν + T ∇ln P) dt̃ + √(2T) dB},
 * needs besides {@code ν}. Offered by {@link VelocityField#diffusion()}; immutable and thread-safe.
 */
public interface Diffusion {

    /** The temperature {@code T_t ≥ 0} (Eq. 22); finite on {@code [0, τ)}. */
    double temperature(double t);

    /**
     * Writes the score {@code ∇ln P_t(x_i)} to {@code out}, row-major like
     * {@link VelocityField#velocity(double, double[], double[], int, int)}; {@code from}, {@code to}
     * count particles.
     */
    void score(double t, double[] x, double[] out, int from, int to);
}
