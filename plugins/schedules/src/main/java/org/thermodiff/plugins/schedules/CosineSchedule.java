package org.thermodiff.plugins.schedules;

import org.thermodiff.process.GaussianConditionalSchedule;

/**
 * The cosine (variance-preserving) schedule, Eq. 32: {@code m_t = cos(πt/2τ)},
 * {@code σ_t = sin(πt/2τ)}, the geodesic on the unit circle {@code m² + σ² = 1} (Eq. 31).
 *
 * <p>{@code m} is evaluated as {@code sin(π(1 − s)/2)}, which is exactly 0 at {@code s = 1}
 * ({@code cos(π/2)} is 6·10⁻¹⁷ in floating point), so that {@code T_τ} is {@code +∞} as it should be
 * and not a large finite number.
 */
public final class CosineSchedule extends GaussianConditionalSchedule {

    private static final double HALF_PI = 0.5 * Math.PI;

    @Override
    public double m(double s) {
        return Math.sin(HALF_PI * (1 - s));
    }

    @Override
    public double mPrime(double s) {
        return -HALF_PI * Math.sin(HALF_PI * s);
    }

    @Override
    public double sigma(double s) {
        return Math.sin(HALF_PI * s);
    }

    @Override
    public double halfSigmaSquaredPrime(double s) {
        return HALF_PI * sigma(s) * m(s);
    }

    @Override
    public double sigmaPrime(double s) {
        return HALF_PI * m(s);
    }

    @Override
    public String name() {
        return "cosine";
    }
}
