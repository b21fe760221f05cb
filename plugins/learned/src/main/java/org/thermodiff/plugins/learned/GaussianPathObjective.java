package org.thermodiff.plugins.learned;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
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
 * Times where a target is not finite ({@code σ̇_0 = ∞} for {@code σ ∝ √t}) are redrawn.
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

    GaussianPathObjective(GaussianPath path, MultivariateDistribution data, UniformRandomProvider rng,
                          TimeFeatures features, Target target) {
        this.path = path;
        this.data = data.pointSampler(rng);
        this.rng = rng;
        this.normal = ZigguratSampler.NormalizedGaussian.of(rng);
        this.features = features;
        this.target = target;
        this.y = new double[features.dimension()];
    }

    @Override
    public void fill(float[] inputs, float[] targets) {
        int d = features.dimension();
        int batch = targets.length / d;
        double[] x = new double[d];
        for (int i = 0; i < batch; i++) {
            double t;
            double m;
            double sigma;
            double mDot;
            double sigmaDot;
            do {
                t = path.tau() * (1 - rng.nextDouble()); // (0, τ]: σ_0 = 0 has no noise to learn from
                m = path.m(t);
                sigma = path.sigma(t);
                mDot = path.mDot(t);
                sigmaDot = path.sigmaDot(t);
            } while (!(sigma > 0) || !Double.isFinite(sigmaDot));
            data.sample(y, 0);
            for (int j = 0; j < d; j++) {
                double e = normal.sample();
                x[j] = m * y[j] + sigma * e;
                targets[i * d + j] = (float) (target == Target.VELOCITY ? mDot * y[j] + sigmaDot * e : e);
            }
            features.write(t, x, 0, inputs, i);
        }
    }
}
