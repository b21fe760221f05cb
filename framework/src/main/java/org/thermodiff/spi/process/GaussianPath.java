package org.thermodiff.spi.process;

/**
 * The coefficients of a Gaussian-conditional forward process (Eqs. 22–25):
 * {@code x_t = m_t y + σ_t ε} with {@code y ~ q}, {@code ε ~ N(0, I)}, in forward time
 * {@code t ∈ [0, τ]} (derivatives are with respect to {@code t}, not {@code t/τ}), possibly turned
 * by a rotation at the constant {@linkplain #angularRate() angular rate} {@code ω}.
 *
 * <p>This is what denoising score matching (Eq. 18) and conditional flow matching (Eq. 19) need:
 * without rotation ({@code ω = 0}) the conditional law {@code P^c_t(x|y) = N(m_t y, σ_t² I)}, its
 * score {@code −(x − m_t y)/σ_t² = −ε/σ_t} and its velocity {@code ṁ_t y + σ̇_t ε}; with rotation,
 * the formulas of {@link #angularRate()}.
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

    /**
     * The angular rate {@code ω} of the path's rotation; 0 (the default) for the plain Gaussian path.
     * Non-zero for a process whose drift carries the non-conservative force {@code ω J x}
     * ({@link org.thermodiff.process.RotatedProcess}, {@code ω = g/τ}), {@code J} the rotation
     * generator with blocks {@code [[0, −1], [1, 0]]} in the planes {@code (x_1, x_2), (x_3, x_4), …}
     * (a last coordinate of odd {@code d} is left alone; {@link org.thermodiff.process.PlaneRotation}).
     *
     * <p><b>Conditional path.</b> With {@code R_t = exp(ω t J)}, the rotated process is
     * {@code x_t = R_t x⁰_t} for the unrotated {@code x⁰_t = m_t y + σ_t ε}, so
     * <ul>
     *   <li>{@code x_t = R_t (m_t y + σ_t ε)}: the conditional law is
     *       {@code N(m_t R_t y, σ_t² I)} ({@code R_t R_tᵀ = I}), with score
     *       {@code −(x − m_t R_t y)/σ_t² = −R_t ε/σ_t};</li>
     *   <li>the conditional velocity is
     *       {@code u_t = d x_t/dt = ω J R_t x⁰_t + R_t (ṁ_t y + σ̇_t ε) = R_t (ṁ_t y + σ̇_t ε) + ω J x_t},
     *       since {@code Ṙ_t = ω J R_t};</li>
     *   <li>its conditional mean is the exact field: given {@code x_t = x}, {@code x⁰_t = R_t⁻¹ x}, so
     *       {@code E[u_t | x] = R_t E[ṁ_t y + σ̇_t ε | x⁰_t = R_t⁻¹ x] + ω J x = R_t ν⁰_t(R_t⁻¹ x) + ω J x
     *       = ν_t(x)}, the velocity of the rotated process; likewise
     *       {@code E[R_t ε | x] = R_t E[ε | x⁰] = −σ_t R_t ∇ln P⁰_t(R_t⁻¹ x) = −σ_t ∇ln P_t(x)}.</li>
     * </ul>
     * So flow matching (Eq. 19) regresses on {@code u_t} and denoising score matching (Eq. 18) on
     * {@code R_t ε}; the drift {@code f_t = (ṁ_t/m_t) x + ω J x} and {@code T_t} make Eq. 7
     * {@code ν = f − T ∇ln P} as before. {@code m_t}, {@code σ_t} and their derivatives are those of the
     * unrotated path.
     */
    default double angularRate() {
        return 0;
    }

    /** The schedule's name, e.g. {@code cosine}. */
    String name();
}
