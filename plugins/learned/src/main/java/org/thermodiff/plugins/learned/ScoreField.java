package org.thermodiff.plugins.learned;

import java.util.Optional;
import org.thermodiff.process.PlaneRotation;
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
 * {@code ŷ_T = (x − σ ε̂)/m} of {@code E[y|x]}: indeed {@code (ṁ/m)x + (σ̇ − σṁ/m) ε̂ = f − T s_θ}
 * with {@code f = (ṁ/m)x} and {@code T = σσ̇ − σ²ṁ/m} (Eq. 22). Where {@code m_t → 0} (cosine and
 * cond-OT at {@code t = τ}) the division amplifies the network's error by {@code σ/m} (measured:
 * relative field errors of 5 and more near {@code t = τ} that displaced the whole generated
 * cloud), and at {@code m = 0} it is 0/0. There the estimate is blended with the linear
 * minimum-mean-square-error estimate from the data's mean {@code μ} and variance {@code v}
 * ({@code tr Σ/d}, isotropic), {@code ŷ_L = μ + m v (x − m μ)/(m² v + σ²)}, which is
 * {@code E[y|x]} exactly for Gaussian data and agrees with it to first order in {@code m} for any
 * data: {@code ŷ = w ŷ_T + (1 − w) ŷ_L} with {@code w = m⁴/(m⁴ + m_f⁴)} and {@code m_f} the
 * {@code noise-floor} parameter. The result is exact at {@code m = 0} (both are {@code μ}), exact
 * for Gaussian data at every {@code m}, departs from Eq. 7 by {@code (1 − w)(ŷ_T − ŷ_L)} with
 * {@code 1 − w ≤ (m_f/m)⁴}, and amplifies the network's error by at most
 * {@code max_m w σ/m ≈ 0.57/m_f}.
 *
 * <p>On a rotating path ({@link GaussianPath#angularRate()} {@code ω ≠ 0}) the network estimates
 * {@code ε̂ = E[R_t ε|x]} and {@code x = m R_t y + σ R_t ε}, so the same algebra with {@code R_t y}
 * in place of {@code y} gives {@code ν̂ = ṁ ŷ + σ̇ ε̂ + ω J x}, the last term the force in the
 * drift {@code f = (ṁ/m)x + ωJx}: {@code ŷ} estimates {@code E[R_t y|x]}, whose linear estimate
 * uses the rotated mean {@code R_t μ} (a rotation keeps the isotropic variance {@code v}).
 */
final class ScoreField implements VelocityField, Diffusion {

    private final Regressor network;
    private final GaussianPath path;
    private final double[] dataMean;
    private final double dataVariance;
    private final double floor4;
    private final TrainingLog log;

    /**
     * @param dataMean     {@code E[y]}
     * @param dataVariance {@code tr Cov[y] / d}
     */
    ScoreField(Regressor network, GaussianPath path, double[] dataMean, double dataVariance, double noiseFloor,
               TrainingLog log) {
        this.network = network;
        this.path = path;
        this.dataMean = dataMean.clone();
        this.dataVariance = dataVariance;
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
        double gain = m * dataVariance / (m * m * dataVariance + sigma * sigma); // of ŷ_L; 0 at m = 0
        double omega = path.angularRate();
        double[] mean = omega == 0 ? dataMean : new PlaneRotation(omega * t, d).apply(dataMean); // E[R_t y]
        network.evaluate(t, x, v, from, to); // ε̂, replaced in place by ν̂
        for (int k = from * d; k < to * d; k++) {
            double eps = v[k];
            double mu = mean[k % d];
            double tweedie = w == 0 ? 0 : w * (x[k] - sigma * eps) / m;
            double linear = mu + gain * (x[k] - m * mu);
            double yHat = tweedie + (1 - w) * linear;
            v[k] = mDot * yHat + (sigmaDot == 0 ? 0 : sigmaDot * eps);
        }
        if (omega != 0) {
            PlaneRotation.generator(x, v, from, to, d, omega);
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
