package org.thermodiff.plugins.samplers;

/** How n-D clouds are moved through the velocity field ({@link ParticleSamplerNd}). */
public enum PointScheme {
    /** Probability-flow ODE by classical 4th-order Runge–Kutta, maximum step {@code τ/steps}. */
    RK4,
    /** Probability-flow ODE by Heun's method (explicit trapezoid, 2nd order), maximum step {@code τ/steps}. */
    HEUN,
    /**
     * Probability-flow ODE by Dormand–Prince 5(4) with error control on the whole state (positions and
     * log-densities of both clouds), to an absolute and relative tolerance.
     */
    ADAPTIVE,
    /**
     * Reverse-time SDE (Eq. 9), {@code dx̃ = (−ν + T ∇ln P) dt̃ + √(2T) dB}, by Euler–Maruyama with
     * maximum step {@code τ/steps}; particles carry no densities.
     */
    SDE_EULER_MARUYAMA;

    /** Whether this scheme integrates the deterministic probability-flow ODE (Eqs. 11, 15). */
    boolean deterministic() {
        return this != SDE_EULER_MARUYAMA;
    }
}
