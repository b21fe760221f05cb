package org.thermodiff.plugins.learned;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.thermodiff.process.PlaneRotation;
import org.thermodiff.spi.MultivariateDistribution;
import org.thermodiff.spi.process.GaussianPath;

/**
 * The conditional objectives of a Gaussian path {@code x_t = m_t y + σ_t ε} (Eq. 17): draw
 * {@code y ~ q}, {@code ε ~ N(0, I)}, {@code t ~ U(0, τ]}, and regress on
 * <ul>
 *   <li>{@link Target#VELOCITY} — conditional flow matching (Eq. 19): the conditional velocity
 *       {@code ν^c_t(x|y) = ṁ_t y + σ̇_t ε}, whose conditional mean given {@code x_t} is
 *       {@code ν_t(x)};</li>
 *   <li>{@link Target#NOISE} — denoising score matching (Eq. 18) with weight {@code σ_t²}: the
 *       noise {@code ε}, since {@code ∇ln P^c_t(x|y) = −ε/σ_t}; the network then estimates
 *       {@code E[ε|x_t] = −σ_t ∇ln P_t(x)}.</li>
 * </ul>
 * On a rotating path ({@link GaussianPath#angularRate()} {@code ω ≠ 0}, which derives the
 * formulas) the point is {@code x_t = R_t(m_t y + σ_t ε)}, the velocity target
 * {@code R_t(ṁ_t y + σ̇_t ε) + ω J x_t} and the noise target {@code R_t ε}, with the same conditional
 * means {@code ν_t(x)} and {@code −σ_t ∇ln P_t(x)}; the draws are the same, so {@code ω = 0} trains
 * exactly as before. Times where a target is not finite ({@code σ̇_0 = ∞} for {@code σ ∝ √t}) are
 * redrawn.
 */
final class GaussianPathObjective implements Objective {

    /** What the network regresses on. */
    enum Target { VELOCITY, NOISE }

    private final GaussianPath path;
    private final MultivariateDistribution.PointSampler data;
    private final UniformRandomProvider rng;
    private final ZigguratSampler.NormalizedGaussian normal;
    private final TimeFeatures features;
    private final Target target;
    private final double[] y;
    private final double[] x;
    private final double[] u;

    GaussianPathObjective(GaussianPath path, MultivariateDistribution data, UniformRandomProvider rng,
                          TimeFeatures features, Target target) {
        this.path = path;
        this.data = data.pointSampler(rng);
        this.rng = rng;
        this.normal = ZigguratSampler.NormalizedGaussian.of(rng);
        this.features = features;
        this.target = target;
        int d = features.dimension();
        this.y = new double[d];
        this.x = new double[d];
        this.u = new double[d];
    }

    @Override
    public void fill(float[] inputs, float[] targets) {
        int d = features.dimension();
        int batch = targets.length / d;
        for (int i = 0; i < batch; i++) {
            double t;
            do {
                t = path.tau() * (1 - rng.nextDouble()); // (0, τ]: σ_0 = 0 has no noise to learn from
            } while (!(path.sigma(t) > 0) || !Double.isFinite(path.sigmaDot(t)));
            draw(t, x, u);
            for (int j = 0; j < d; j++) {
                targets[i * d + j] = (float) u[j];
            }
            features.write(t, x, 0, inputs, i);
        }
    }

    /**
     * Draws {@code y ~ q} and {@code ε ~ N(0, I)} and writes the point {@code x_t} and its target at
     * time {@code t} into {@code point} and {@code out} ({@code d} values each).
     */
    void draw(double t, double[] point, double[] out) {
        int d = features.dimension();
        double m = path.m(t);
        double sigma = path.sigma(t);
        double mDot = path.mDot(t);
        double sigmaDot = path.sigmaDot(t);
        data.sample(y, 0);
        for (int j = 0; j < d; j++) {
            double e = normal.sample();
            point[j] = m * y[j] + sigma * e;
            out[j] = target == Target.VELOCITY ? mDot * y[j] + sigmaDot * e : e;
        }
        double omega = path.angularRate();
        if (omega != 0) {
            PlaneRotation rotation = new PlaneRotation(omega * t, d);
            rotation.apply(point, 0, point, 0, 1, false); // in place: each plane reads both values first
            rotation.apply(out, 0, out, 0, 1, false);
            if (target == Target.VELOCITY) {
                PlaneRotation.generator(point, out, 0, 1, d, omega);
            }
        }
    }
}
