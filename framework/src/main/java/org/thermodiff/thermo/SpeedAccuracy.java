package org.thermodiff.thermo;

import org.thermodiff.spi.TransportPlan;
import org.thermodiff.spi.sampling.PointCloud;

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
     * {@code ∂_t W1} in {@code R^d} by the envelope theorem (DESIGN.md §2): with the optimal plan
     * {@code π*} held fixed,
     * {@code ∂_t W1 = Σ π*_ij (ν(x_i) − ν(y_j))·(x_i − y_j)/|x_i − y_j|}; pairs at zero distance
     * contribute nothing (the Euclidean norm is not differentiable there, and by the same argument as
     * in 1-D they move together). For {@code d = 1} it is {@code Σ π*_ij sign(x_i − y_j)(ν(x_i) − ν(y_j))}.
     */
    public static double w1Rate(TransportPlan plan, PointCloud reverse, PointCloud estimated) {
        int d = requireSameDimension(reverse, estimated);
        requireVelocities(reverse, estimated);
        double[] x = reverse.positions();
        double[] y = estimated.positions();
        double[] vx = reverse.velocities();
        double[] vy = estimated.velocities();
        int[] src = plan.source();
        int[] dst = plan.target();
        double[] mass = plan.mass();
        double rate = 0;
        for (int k = 0; k < mass.length; k++) {
            int i = src[k] * d;
            int j = dst[k] * d;
            double norm2 = 0;
            double dot = 0;
            for (int c = 0; c < d; c++) {
                double diff = x[i + c] - y[j + c];
                norm2 += diff * diff;
                dot += diff * (vx[i + c] - vy[j + c]);
            }
            if (norm2 > 0) {
                rate += mass[k] * dot / Math.sqrt(norm2);
            }
        }
        return rate;
    }

    /**
     * {@code Σ π_ij |x_i − y_j|^p} (Euclidean norm) for a plan between two n-D clouds: {@code W1}
     * for {@code p = 1} and {@code W2²} for {@code p = 2} when the plan is optimal.
     */
    public static double transportCost(TransportPlan plan, PointCloud a, PointCloud b, int p) {
        int d = requireSameDimension(a, b);
        double[] x = a.positions();
        double[] y = b.positions();
        int[] src = plan.source();
        int[] dst = plan.target();
        double[] mass = plan.mass();
        double s = 0;
        for (int k = 0; k < mass.length; k++) {
            int i = src[k] * d;
            int j = dst[k] * d;
            double norm2 = 0;
            for (int c = 0; c < d; c++) {
                double diff = x[i + c] - y[j + c];
                norm2 += diff * diff;
            }
            s += mass[k] * (p == 2 ? norm2 : p == 1 ? Math.sqrt(norm2) : Math.pow(norm2, 0.5 * p));
        }
        return s;
    }

    /**
     * {@code E_P[|ν|²] = Σ_i w_i |ν_i|²} over an n-D cloud: {@code T_t Ṡ_t} (Eq. 36), and
     * {@code v2(t)²} when {@code ν} is a gradient field (equality in Eq. 67), as it is for the
     * exact velocity of a Gaussian-conditional schedule ({@code ν = f − T ∇ln P_t} with
     * {@code f = (∂_t ln m_t) x}, Eqs. 22–25).
     */
    public static double meanSquaredVelocity(PointCloud cloud) {
        requireVelocities(cloud, cloud);
        return TurSpeed.kinetic(cloud.dimension(), cloud.weights(), cloud.velocities());
    }

    private static int requireSameDimension(PointCloud a, PointCloud b) {
        if (a.dimension() != b.dimension()) {
            throw new IllegalArgumentException("clouds of different dimension: " + a.dimension() + " and " + b.dimension());
        }
        return a.dimension();
    }

    private static void requireVelocities(PointCloud a, PointCloud b) {
        if (!a.hasVelocities() || !b.hasVelocities()) {
            throw new IllegalArgumentException("the clouds carry no velocities, which ∂_t W1 and E|ν|² need (reverse-SDE "
                    + "particles have none: the speed-accuracy relations, Eq. 82, are for the probability-flow ODE)");
        }
    }
}
