package org.thermodiff.process;

/**
 * The forward marginal {@code P_t = Σ_k w_k N(m_t μ_k, C_k)}, {@code C_k = m_t² Σ_k + σ_t² I}, of
 * an n-D Gaussian-conditional process frozen at one time, with what the velocity, divergence, score
 * and posterior mean need precomputed per component. A frame is built per call (per time) and
 * evaluates a slice of particles with per-call scratch arrays only, so concurrent calls on
 * disjoint slices are safe.
 *
 * <p><b>Regrouped Eq. 96.</b> With {@code δ_k = x − m μ_k}, the per-component posterior mean is
 * {@code ŷ_k = μ_k + m Σ_k C_k⁻¹ δ_k}, so {@code x − m ŷ_k = (C_k − m²Σ_k) C_k⁻¹ δ_k = σ² C_k⁻¹ δ_k}
 * and Eq. 96, {@code ν = (σ̇/σ)(x − m ŷ) + ṁ ŷ}, becomes
 * <pre>
 *   ν_t(x) = Σ_k r_k(x) u_k(x),   u_k = ṁ μ_k + A_k δ_k,   A_k = (σσ̇ I + m ṁ Σ_k) C_k⁻¹ = ½ Ċ_k C_k⁻¹,
 *   r_k(x) = w_k N(x | m μ_k, C_k) / P_t(x)      (log-sum-exp),
 * </pre>
 * with no {@code 1/σ} and no {@code 1/m}: finite at {@code t = 0} for non-degenerate {@code Σ_k}
 * ({@code A_k = (ṁ/m) I}) and at {@code m_τ = 0} ({@code A_k = (σ̇/σ) I}). {@code u_k} is the
 * velocity of component {@code k}'s own Gaussian flow, and {@code σσ̇ = ∂_t(σ²/2)} comes from the
 * schedule directly (finite for VE's {@code √t} start).
 *
 * <p><b>Divergence.</b> With the component scores {@code g_k = −C_k⁻¹ δ_k} and
 * {@code ∇r_k = r_k (g_k − ḡ)}, {@code ḡ = Σ r_k g_k = ∇ln P_t}, the Jacobian is
 * {@code Σ_k r_k A_k + Σ_k r_k u_k (g_k − ḡ)ᵀ}, so
 * {@code ∇·ν = Σ_k r_k tr A_k + Σ_k r_k (u_k − ū)·(g_k − ḡ)}, evaluated in that centred form (no
 * cancellation when one component dominates).
 */
abstract class MixtureFrame {

    /**
     * How far below the largest a log-responsibility may lie before its component is skipped, for
     * {@code K} components: {@code 37 + ln K}. The largest term is {@code e⁰ = 1}, so the
     * normaliser is {@code ≥ 1} and the skipped components (each below {@code e⁻³⁷/K}) carry
     * together less than {@code e⁻³⁷ ≈ 8.5·10⁻¹⁷} of the responsibility, whatever {@code K}: the
     * velocity, score or posterior mean moves by less than that share times
     * {@code max_k |u_k − ν|} over the skipped components, which grows only like their distance
     * {@code √(2·cut·C_k)} in units of the component width — below double rounding of the
     * quantities themselves. (Every exponent is still evaluated: it is cheap; the exponential is not.)
     */
    static double cut(int components) {
        return 37 + Math.log(components);
    }

    /** {@code ν_t(x_i)} for particles {@code from ≤ i < to}, row-major. */
    abstract void velocity(double[] x, double[] v, int from, int to);

    /** {@code ν_t(x_i)} (skipped if {@code v} is null) and {@code ∇·ν_t(x_i)}. */
    abstract void velocityAndDivergence(double[] x, double[] v, double[] div, int from, int to);

    /** {@code ∇ln P_t(x_i)}. */
    abstract void score(double[] x, double[] out, int from, int to);

    /** The posterior mean {@code E[y | x_t = x_i]} (the denoiser). */
    abstract void posteriorMean(double[] x, double[] out, int from, int to);

    /**
     * The frame at one time.
     *
     * @param m             {@code m_t}
     * @param mDot          {@code ∂_t m_t}
     * @param sigma         {@code σ_t}
     * @param sigmaSigmaDot {@code ∂_t(σ_t²/2)}
     * @throws IllegalStateException where {@code P_t} is singular but not a set of atoms (a
     *                               degenerate {@code Σ_k} at {@code σ_t = 0})
     */
    static MixtureFrame at(DataComponents q, double m, double mDot, double sigma, double sigmaSigmaDot) {
        if (sigma * sigma < Double.MIN_NORMAL && q.atoms) {
            return new AtomLimitFrame(q, m, mDot);
        }
        MixtureFrame frame = q.diagonal ? DiagonalFrame.of(q, m, mDot, sigma, sigmaSigmaDot)
                : FullFrame.of(q, m, mDot, sigma, sigmaSigmaDot);
        if (frame == null) {
            throw new IllegalStateException("P_t is singular at σ_t = " + sigma
                    + ": the data have a degenerate covariance and are not a set of atoms");
        }
        return frame;
    }
}
