package org.thermodiff.thermo;

import org.thermodiff.spi.TransportPlan;
import org.thermodiff.spi.sampling.Cloud;

/**
 * The quantities of the speed-accuracy relations (Eqs. 77–82), as plain functions.
 *
 * <p>Notation: {@code W1(t) = W1(P_t, P̃_t)} between the reverse cloud (standing for {@code P_t})
 * and the estimated cloud {@code P̃_t}; {@code D0 = χ²(P̃†_0 ‖ P†_0)} (Eq. 78), constant along the
 * flow (App. E).
 */
public final class SpeedAccuracy {

    private SpeedAccuracy() {
    }

    /**
     * The response {@code η = (ΔW1)² / (τ D0)} (Eq. 77), with
     * {@code ΔW1 = W1(q, p) − W1(P†_0, P̃†_0)}.
     *
     * @param w1Generated {@code W1(q, p)}, at {@code t = 0}
     * @param w1Initial   {@code W1(P†_0, P̃†_0)}, at {@code t = τ}
     * @param tau         {@code τ}
     * @param d0          {@code D0 > 0}
     */
    public static double eta(double w1Generated, double w1Initial, double tau, double d0) {
        double delta = w1Generated - w1Initial;
        return delta * delta / (tau * d0);
    }

    /** {@code v_loss(t)² = (∂_t W1(t))² / D0} (Eq. 80). */
    public static double vLossSquared(double w1Rate, double d0) {
        return w1Rate * w1Rate / d0;
    }

    /**
     * {@code ∂_t W1} by the envelope theorem: with the optimal plan {@code π*} held fixed,
     * {@code ∂_t W1 = Σ π*_ij sign(x_i − y_j) (ν(x_i) − ν(y_j))}, where {@code ν} is the velocity
     * each particle moves with in forward time. No finite difference in time is involved
     * (DESIGN.md §2). Pairs at zero distance contribute nothing: they move with the same velocity.
     */
    public static double w1Rate(TransportPlan plan, Cloud reverse, Cloud estimated) {
        double[] x = reverse.positions();
        double[] y = estimated.positions();
        double[] vx = reverse.velocities();
        double[] vy = estimated.velocities();
        int[] src = plan.source();
        int[] dst = plan.target();
        double[] mass = plan.mass();
        double rate = 0;
        for (int k = 0; k < mass.length; k++) {
            int i = src[k];
            int j = dst[k];
            rate += mass[k] * Math.signum(x[i] - y[j]) * (vx[i] - vy[j]);
        }
        return rate;
    }

    /**
     * {@code E_P[|ν|²] = Σ_i w_i ν_i²} over a cloud: the entropy production rate times temperature
     * {@code T_t Ṡ_t} (Eq. 36). In one dimension every velocity field is a gradient, so this is also
     * the squared Wasserstein speed {@code v2(t)²} (equality case of Eq. 67).
     */
    public static double meanSquaredVelocity(Cloud cloud) {
        double[] w = cloud.weights();
        double[] v = cloud.velocities();
        double s = 0;
        for (int i = 0; i < v.length; i++) {
            s += w[i] * v[i] * v[i];
        }
        return s;
    }
}
