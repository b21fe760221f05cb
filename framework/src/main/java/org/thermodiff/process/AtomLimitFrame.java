package org.thermodiff.process;

import java.util.Arrays;

/**
 * {@link MixtureFrame} of atom data at {@code σ_t = 0}, where {@code P_t = Σ_i w_i δ(x − m y_i)} has
 * no density and Eq. 96 has its analytic limit only on the atoms.
 *
 * <p>As {@code σ → 0} the responsibilities {@code r_i ∝ w_i exp(−|x − m y_i|²/2σ²)} collapse onto
 * the nearest scaled atom (onto the {@code w}-weighted atoms exactly tied for nearest), so the
 * posterior mean tends to that atom {@code ŷ(x)}: the point the reverse flow delivers a particle to
 * as {@code t → 0}. Off the atoms {@code ν_t(x) ≈ (σ̇/σ)(x − m ŷ) + ṁ ŷ} diverges; at
 * {@code σ = 0} the frame therefore evaluates every quantity at the projection {@code m ŷ(x)} onto
 * the support of {@code P_t}, where the limits are finite:
 * <ul>
 *   <li>velocity {@code ṁ ŷ}: the limit of Eq. 96 at {@code x = m y_i}, the mean current of
 *       {@code P_0} in the weak continuity equation (the noise {@code σ̇ ε} averages out);</li>
 *   <li>score 0: the limit of {@code Σ r_i (m y_i − x)/σ²} at an atom, by symmetry;</li>
 *   <li>divergence {@code +∞}: {@code tr A = d σσ̇/σ²} diverges, the atoms being infinitely
 *       dense ({@code ln p} along a trajectory tends to {@code +∞} as {@code t → 0}).</li>
 * </ul>
 */
final class AtomLimitFrame extends MixtureFrame {

    private final int d;
    private final int size;
    private final double[] weights;
    private final double[] means;
    private final double m;
    private final double mDot;

    AtomLimitFrame(DataComponents q, double m, double mDot) {
        this.d = q.dimension;
        this.size = q.size;
        this.weights = q.weights;
        this.means = q.means;
        this.m = m;
        this.mDot = mDot;
    }

    @Override
    void posteriorMean(double[] x, double[] out, int from, int to) {
        for (int i = from; i < to; i++) {
            int xo = i * d;
            double best = Double.POSITIVE_INFINITY;
            int nearest = 0;
            int ties = 0;
            for (int k = 0; k < size; k++) {
                double q = squaredDistance(x, xo, k);
                if (q < best) {
                    best = q;
                    nearest = k;
                    ties = 1;
                } else if (q == best) {
                    ties++;
                }
            }
            if (ties == 1) {
                System.arraycopy(means, nearest * d, out, xo, d); // the atom itself, exactly
                continue;
            }
            double mass = 0;
            Arrays.fill(out, xo, xo + d, 0);
            for (int k = 0; k < size; k++) {
                if (squaredDistance(x, xo, k) == best) {
                    mass += weights[k];
                    for (int j = 0; j < d; j++) {
                        out[xo + j] += weights[k] * means[k * d + j];
                    }
                }
            }
            for (int j = 0; j < d; j++) {
                out[xo + j] /= mass;
            }
        }
    }

    private double squaredDistance(double[] x, int xo, int k) {
        double q = 0;
        for (int j = 0; j < d; j++) {
            double delta = x[xo + j] - m * means[k * d + j];
            q += delta * delta;
        }
        return q;
    }

    @Override
    void velocity(double[] x, double[] v, int from, int to) {
        posteriorMean(x, v, from, to);
        for (int i = from * d; i < to * d; i++) {
            v[i] *= mDot;
        }
    }

    @Override
    void velocityAndDivergence(double[] x, double[] v, double[] div, int from, int to) {
        if (v != null) {
            velocity(x, v, from, to);
        }
        Arrays.fill(div, from, to, Double.POSITIVE_INFINITY);
    }

    @Override
    void score(double[] x, double[] out, int from, int to) {
        Arrays.fill(out, from * d, to * d, 0);
    }
}
