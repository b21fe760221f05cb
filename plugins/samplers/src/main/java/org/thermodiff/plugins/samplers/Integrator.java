package org.thermodiff.plugins.samplers;

/** How clouds are integrated through the velocity field. */
public enum Integrator {
    /** Classical 4th-order Runge–Kutta with a maximum step of {@code τ/steps} (the paper's choice). */
    RK4,
    /** Commons Math's adaptive Dormand–Prince 8(5,3), to a tolerance. */
    DORMAND_PRINCE
}
