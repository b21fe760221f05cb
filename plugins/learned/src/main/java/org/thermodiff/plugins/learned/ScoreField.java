package org.thermodiff.plugins.learned;

import java.util.Optional;
import org.thermodiff.spi.process.Diffusion;
import org.thermodiff.spi.process.GaussianPath;
import org.thermodiff.spi.process.TrainingLog;
import org.thermodiff.spi.process.VelocityField;

/**
 * The velocity of score-based generative modelling, Eq. 7, {@code ν̂_t = f_t − T_t s_θ}, from a
 * network {@code ε̂_t(x)} trained by denoising score matching (Eq. 18), so that
 * {@code s_θ = −ε̂/σ_t}; with the SDE's temperature and score for Eq. 9.
 *
 * <p>For a Gaussian path Eq. 7 is {@code ν̂ = ṁ ŷ + σ̇ ε̂} with the Tweedie estimate
 * {@code ŷ = (x − σ ε̂)/m} of {@code E[y|x]}: indeed {@code (ṁ/m)x + (σ̇ − σṁ/m) ε̂ = f − T s_θ}
 * with {@code f = (ṁ/m)x} and {@code T = σσ̇ − σ²ṁ/m} (Eq. 22). Where {@code m_t → 0} (cosine
 * and cond-OT at {@code t = τ}) the division amplifies the network's error by {@code σ/m}, and at
 * {@code m = 0} it is 0/0. There the exact {@code E[y|x]} tends to {@code E[y]} (the noise has
 * erased the data), so {@code ŷ} is shrunk towards it:
 * {@code ŷ = w (x − σ ε̂)/m + (1 − w) E[y]} with {@code w = m⁴/(m⁴ + m_f⁴)} and {@code m_f} the
 * {@code noise-floor} parameter. This is exact at {@code m = 0}, leaves the estimate unchanged to
 * {@code (m_f/m)⁴} where {@code m ≫ m_f} ({@code 1.6·10⁻⁷} at {@code m = 1}, {@code m_f = 0.02}),
 * and bounds the amplification by {@code max_m w σ/m ≈ 0.57/m_f}.
 */
final class ScoreField implements VelocityField, Diffusion {

    private final Regressor network;
    private final GaussianPath path;
    private final double[] dataMean;
    private final double floor4;
    private final TrainingLog log;

    ScoreField(Regressor network, GaussianPath path, double[] dataMean, double noiseFloor, TrainingLog log) {
        this.network = network;
        this.path = path;
        this.dataMean = dataMean.clone();
        this.floor4 = Math.pow(noiseFloor, 4);
        this.log = log;
    }

    @Override
    public int dimension() {
        return dataMean.length;
    }

    @Override
    public void velocity(double t, double[] x, double[] v, int from, int to) {
        int d = dataMean.length;
        double m = path.m(t);
        double sigma = path.sigma(t);
        double mDot = path.mDot(t);
        double sigmaDot = path.sigmaDot(t);
        double m4 = m * m * m * m;
        double w = m4 / (m4 + floor4);
        network.evaluate(t, x, v, from, to); // ε̂, replaced in place by ν̂
        for (int k = from * d; k < to * d; k++) {
            double eps = v[k];
            double tweedie = w == 0 ? 0 : w * (x[k] - sigma * eps) / m;
            double yHat = tweedie + (1 - w) * dataMean[k % d];
            v[k] = mDot * yHat + (sigmaDot == 0 ? 0 : sigmaDot * eps);
        }
    }

    @Override
    public Optional<Diffusion> diffusion() {
        return Optional.of(this);
    }

    /** {@code T_t}, Eq. 22. */
    @Override
    public double temperature(double t) {
        return path.temperature(t);
    }

    /** {@code s_θ = −ε̂/σ_t}. */
    @Override
    public void score(double t, double[] x, double[] out, int from, int to) {
        double sigma = path.sigma(t);
        if (!(sigma > 0)) {
            throw new IllegalArgumentException("the score of P_t is not defined at σ_t = 0 (t = " + t + ")");
        }
        network.evaluate(t, x, out, from, to);
        int d = dataMean.length;
        for (int k = from * d; k < to * d; k++) {
            out[k] = -out[k] / sigma;
        }
    }

    @Override
    public Optional<TrainingLog> training() {
        return Optional.of(log);
    }
}
