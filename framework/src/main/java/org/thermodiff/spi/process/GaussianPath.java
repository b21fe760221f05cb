package org.thermodiff.spi.process;

/**
 * The coefficients of a Gaussian-conditional forward process (Eqs. 22–25):
 * {@code x_t = m_t y + σ_t ε} with {@code y ~ q}, {@code ε ~ N(0, I)}, in forward time
 * {@code t ∈ [0, τ]} (derivatives are with respect to {@code t}, not {@code t/τ}).
 *
 * <p>This is what denoising score matching (Eq. 18) and conditional flow matching (Eq. 19) need:
 * the conditional law {@code P^c_t(x|y) = N(m_t y, σ_t² I)}, its score
 * {@code −(x − m_t y)/σ_t²} and its velocity {@code ṁ_t y + σ̇_t ε}.
 */
public interface GaussianPath {

    /** {@code τ}. */
    double tau();

    /** {@code m_t}. */
    double m(double t);

    /** {@code dm_t/dt}. */
    double mDot(double t);

    /** {@code σ_t}. */
    double sigma(double t);

    /** {@code dσ_t/dt}; may be {@code +∞} at {@code t = 0} for schedules with {@code σ ∝ √t}. */
    double sigmaDot(double t);

    /** {@code T_t} (Eq. 22), {@code +∞} where {@code m_t = 0} and the data still carry signal. */
    double temperature(double t);

    /** The schedule's name, e.g. {@code cosine}. */
    String name();
}
