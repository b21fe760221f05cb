package org.thermodiff.plugins.samplers;

import java.util.Locale;
import org.apache.commons.math3.ode.FirstOrderDifferentialEquations;
import org.apache.commons.math3.ode.nonstiff.DormandPrince853Integrator;
import org.thermodiff.spi.process.FlowMap;
import org.thermodiff.spi.process.VelocityField;

/**
 * Integrates the state of a pair of clouds along a velocity field, in forward time {@code t}
 * (the sampler runs it backwards, from {@code τ} to {@code 0}, which is the reverse process
 * {@code dx̃/dt̃ = −ν̂_{τ−t̃}(x̃)} of Eqs. 11 and 15).
 *
 * <p>The state holds {@code positions} positions ({@code dx/dt = ν̂_t(x)}) and, when densities
 * are tracked, as many log-densities ({@code d ln p/dt = −∂ν̂/∂x}, the continuity equation along a
 * trajectory). The field is evaluated once per stage over all positions: one virtual call, not one
 * per particle. When the field's flow is known in closed form ({@link VelocityField#flowMap()}) and
 * {@code exactFlow} is on, particles are moved by it instead, with no time-stepping error. Not
 * thread-safe; one per run.
 */
final class CloudFlow {

    private final VelocityField field;
    /** The field's exact flow, or {@code null} when the integrator moves the particles. */
    private final FlowMap exact;
    private final int positions;
    private final boolean densities;
    private final Integrator integrator;
    private final double maxStep;
    private final double tolerance;
    private final double tau;
    private final double[] divergence;
    private final double[][] stages;
    private final double[] trial;
    /** Derivative at ({@link #cachedT}, current state), valid until the state moves. */
    private final double[] current;
    private double cachedT = Double.NaN;
    private long evaluations;
    private long steps;

    CloudFlow(VelocityField field, int positions, boolean densities, Integrator integrator, int stepCount, double tolerance,
              double tau, boolean exactFlow) {
        if (densities && !field.hasDivergence()) {
            throw new IllegalArgumentException("track-density needs a velocity field with ∂ν/∂x; "
                    + field.getClass().getSimpleName() + " has none");
        }
        this.field = field;
        this.exact = exactFlow ? field.flowMap().orElse(null) : null;
        this.positions = positions;
        this.densities = densities;
        this.integrator = integrator;
        this.maxStep = tau / stepCount;
        this.tolerance = tolerance;
        this.tau = tau;
        int size = stateSize();
        this.divergence = densities ? new double[positions] : new double[0];
        this.stages = new double[4][size];
        this.trial = new double[size];
        this.current = new double[size];
    }

    int stateSize() {
        return densities ? 2 * positions : positions;
    }

    /** {@code d state/dt} at {@code t} into {@code out}. */
    private void derivative(double t, double[] state, double[] out) {
        if (densities) {
            field.velocityAndDivergence(t, state, out, divergence, 0, positions);
            for (int i = 0; i < positions; i++) {
                out[positions + i] = -divergence[i];
            }
        } else {
            field.velocity(t, state, out, 0, positions);
        }
        evaluations += positions;
    }

    /** The derivative at ({@code t}, {@code state}); its first {@code positions} entries are the velocities. */
    double[] derivativeAt(double t, double[] state) {
        if (cachedT != t) {
            derivative(t, state, current);
            cachedT = t;
        }
        return current;
    }

    /** How particles move: {@code exact} (the field's flow map), {@code rk4} or {@code dormand-prince}. */
    String method() {
        return exact != null ? "exact" : integrator.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Moves {@code state} from time {@code from} to time {@code to}. */
    void advance(double[] state, double from, double to) {
        if (exact != null) {
            double[] logStretch = densities ? divergence : null;   // the divergence buffer is free between stages
            exact.transport(from, to, state, state, logStretch, 0, positions);
            if (densities) {
                for (int i = 0; i < positions; i++) {
                    state[positions + i] -= logStretch[i];
                }
            }
            evaluations += positions;
            steps++;
        } else if (integrator == Integrator.RK4) {
            int substeps = Math.max(1, (int) Math.ceil(Math.abs(to - from) / maxStep - 1e-9));
            double h = (to - from) / substeps;
            for (int j = 0; j < substeps; j++) {
                double t = j == 0 ? from : from + j * h;
                rk4(state, t, j == substeps - 1 ? to - t : h);
            }
        } else {
            DormandPrince853Integrator dp = new DormandPrince853Integrator(1e-12 * tau, tau, tolerance, tolerance);
            FirstOrderDifferentialEquations ode = new FirstOrderDifferentialEquations() {
                @Override
                public int getDimension() {
                    return stateSize();
                }

                @Override
                public void computeDerivatives(double t, double[] y, double[] yDot) {
                    derivative(t, y, yDot);
                }
            };
            dp.integrate(ode, from, state, to, state);
            steps += dp.getEvaluations();
        }
        cachedT = Double.NaN;
    }

    private void rk4(double[] y, double t, double h) {
        int size = stateSize();
        double[] k1 = derivativeAt(t, y);
        double[] k2 = stages[1];
        double[] k3 = stages[2];
        double[] k4 = stages[3];
        for (int i = 0; i < size; i++) {
            trial[i] = y[i] + 0.5 * h * k1[i];
        }
        derivative(t + 0.5 * h, trial, k2);
        for (int i = 0; i < size; i++) {
            trial[i] = y[i] + 0.5 * h * k2[i];
        }
        derivative(t + 0.5 * h, trial, k3);
        for (int i = 0; i < size; i++) {
            trial[i] = y[i] + h * k3[i];
        }
        derivative(t + h, trial, k4);
        for (int i = 0; i < size; i++) {
            y[i] += h / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
        }
        cachedT = Double.NaN;
        steps++;
    }

    /** Velocity evaluations per particle-position so far. */
    long evaluations() {
        return evaluations;
    }

    /** Steps so far (exact transports, RK4 steps, or Dormand–Prince function evaluations). */
    long steps() {
        return steps;
    }
}
