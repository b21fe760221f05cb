package org.thermodiff.process;

import java.util.Optional;
import java.util.OptionalDouble;
import org.thermodiff.spi.Distribution;
import org.thermodiff.spi.GaussianComponents;
import org.thermodiff.spi.MultivariateDistribution;
import org.thermodiff.spi.process.Diffusion;
import org.thermodiff.spi.process.ForwardProcess;
import org.thermodiff.spi.process.GaussianPath;
import org.thermodiff.spi.process.VelocityField;

/**
 * A Gaussian-conditional process with a non-conservative force: the drift
 * {@code f_t(x) = (∂_t ln m_t) x + (g/τ) J x} with {@code J} the rotation generator of
 * {@link PlaneRotation} (in 2-D {@code [[0, −1], [1, 0]]}).
 *
 * <p><b>Derivation.</b> Let {@code x⁰_t} follow the process without the rotation (drift
 * {@code (ṁ/m) x}, temperature {@code T_t}), and put {@code x_t = R_t x⁰_t} with
 * {@code R_t = exp((g t/τ) J)}. Since {@code J} commutes with {@code R_t} and the isotropic noise
 * is rotation invariant, {@code dx = Ṙ x⁰ dt + R dx⁰ = [(g/τ) J x + (ṁ/m) x] dt + √(2T) R dB}, with
 * {@code R dB} again a Brownian motion: {@code x_t} is the process with drift {@code f_t} above. So
 * <ul>
 *   <li>{@code P_t(x) = P⁰_t(R_t⁻¹ x)}: the marginal without the force, rotated by {@code g t/τ};</li>
 *   <li>{@code ∇ln P_t(x) = R_t ∇ln P⁰_t(R_t⁻¹ x)};</li>
 *   <li>{@code ν_t(x) = f_t(x) − T_t ∇ln P_t(x) = R_t ν⁰_t(R_t⁻¹ x) + (g/τ) J x} — the rotated
 *       field of the conservative process plus the rotation, which is not a gradient: the entropy
 *       production {@code T Ṡ = E|ν|²} (Eq. 36) now exceeds {@code v2²} (Eq. 67);</li>
 *   <li>{@code ∇·ν_t(x) = (∇·ν⁰_t)(R_t⁻¹ x)}, as {@code J} is traceless.</li>
 * </ul>
 * {@code P_0 = q} is unchanged; {@code P_τ} is the prior rotated, which is the prior itself when it
 * is isotropic about the origin (the usual {@code N(0, I)}).
 *
 * <p>When the base process is Gaussian-conditional, so is this one: {@link #gaussianPath()} is the
 * base path with the angular rate {@code g/τ}, whose conditional law {@code x_t = R_t(m_t y + σ_t ε)}
 * and conditional velocity {@code R_t(ṁ_t y + σ̇_t ε) + (g/τ) J x_t} are derived in
 * {@link GaussianPath#angularRate()}; the learned estimators train on it.
 */
public final class RotatedProcess implements ForwardProcess {

    private final ForwardProcess base;
    private final double g;
    private final int d;
    private final Field field;

    /**
     * @param base the process without the force, in {@code d ≥ 2} dimensions
     * @param g    the strength: the total angle turned over {@code [0, τ]}
     */
    public RotatedProcess(ForwardProcess base, double g) {
        if (!Double.isFinite(g)) {
            throw new IllegalArgumentException("the rotation strength g must be finite, got " + g);
        }
        if (base.dimension() < 2) {
            throw new IllegalArgumentException("a non-conservative rotation needs data in at least 2 dimensions; "
                    + base.describe() + " lives on the line");
        }
        this.base = base;
        this.g = g;
        this.d = base.dimension();
        this.field = new Field(base.velocity());
    }

    /** {@code R_t}. */
    private PlaneRotation rotation(double t) {
        return new PlaneRotation(g * t / base.tau(), d);
    }

    @Override
    public double tau() {
        return base.tau();
    }

    @Override
    public int dimension() {
        return d;
    }

    @Override
    public Distribution marginal(double t) {
        throw new UnsupportedOperationException(describe() + " lives in R^" + d + "; use marginalLaw(t)");
    }

    /**
     * {@code P⁰_t} rotated; {@code P⁰_t} itself where a rotation leaves it unchanged (one isotropic
     * Gaussian about the origin, such as {@code P_τ = N(0, I)}), so that clouds drawn from it keep
     * the coupling of shared normal scores with an unrotated perturbed start.
     */
    @Override
    public MultivariateDistribution marginalLaw(double t) {
        MultivariateDistribution law = base.marginalLaw(t);
        return g * t == 0 || rotationInvariant(law) ? law : new RotatedLaw(law, rotation(t));
    }

    private static boolean rotationInvariant(MultivariateDistribution law) {
        return law.asGaussianComponents().flatMap(GaussianComponents::collapsed).filter(c -> {
            double[] mean = c.means()[0];
            double[][] cov = c.covariance(0);
            for (int i = 0; i < mean.length; i++) {
                if (mean[i] != 0 || cov[i][i] != cov[0][0]) {
                    return false;
                }
                for (int j = 0; j < mean.length; j++) {
                    if (i != j && cov[i][j] != 0) {
                        return false;
                    }
                }
            }
            return true;
        }).isPresent();
    }

    @Override
    public VelocityField velocity() {
        return field;
    }

    @Override
    public OptionalDouble temperature(double t) {
        return base.temperature(t);
    }

    /**
     * The base path turned at {@code ω = g/τ} on top of any rotation it already has: rotations in the
     * same planes commute, so their rates add. Empty when the base process is not Gaussian-conditional.
     */
    @Override
    public Optional<GaussianPath> gaussianPath() {
        return base.gaussianPath().map(path -> new RotatingPath(path, path.angularRate() + g / base.tau()));
    }

    @Override
    public String describe() {
        return base.describe() + " with rotation g=" + g;
    }

    /** A Gaussian path with the angular rate {@code ω} in place of its own; the coefficients are the base's. */
    private record RotatingPath(GaussianPath base, double angularRate) implements GaussianPath {

        @Override
        public double tau() {
            return base.tau();
        }

        @Override
        public double m(double t) {
            return base.m(t);
        }

        @Override
        public double mDot(double t) {
            return base.mDot(t);
        }

        @Override
        public double sigma(double t) {
            return base.sigma(t);
        }

        @Override
        public double sigmaDot(double t) {
            return base.sigmaDot(t);
        }

        @Override
        public double temperature(double t) {
            return base.temperature(t);
        }

        @Override
        public String name() {
            return base.name();
        }
    }

    /** {@code R ν⁰(R⁻¹ x) + (g/τ) J x}, its divergence, and the rotated score. */
    private final class Field implements VelocityField, Diffusion {

        private final VelocityField inner;

        Field(VelocityField inner) {
            this.inner = inner;
        }

        @Override
        public int dimension() {
            return d;
        }

        /** Rotated inputs and outputs live in buffers of the slice only: samplers pass slices of whole clouds. */
        @Override
        public void velocity(double t, double[] x, double[] v, int from, int to) {
            PlaneRotation r = rotation(t);
            int n = to - from;
            double[] y = new double[n * d];
            r.apply(x, from * d, y, 0, n, true);
            double[] u = new double[n * d];
            inner.velocity(t, y, u, 0, n);
            r.apply(u, 0, v, from * d, n, false);
            PlaneRotation.generator(x, v, from, to, d, g / base.tau());
        }

        @Override
        public boolean hasDivergence() {
            return inner.hasDivergence();
        }

        @Override
        public void divergence(double t, double[] x, double[] out, int from, int to) {
            int n = to - from;
            double[] y = new double[n * d];
            rotation(t).apply(x, from * d, y, 0, n, true);
            double[] div = new double[n];
            inner.divergence(t, y, div, 0, n);
            System.arraycopy(div, 0, out, from, n);
        }

        @Override
        public Optional<Diffusion> diffusion() {
            return inner.diffusion().map(ignored -> this);
        }

        @Override
        public double temperature(double t) {
            return inner.diffusion().orElseThrow().temperature(t);
        }

        @Override
        public void score(double t, double[] x, double[] out, int from, int to) {
            PlaneRotation r = rotation(t);
            int n = to - from;
            double[] y = new double[n * d];
            r.apply(x, from * d, y, 0, n, true);
            double[] s = new double[n * d];
            inner.diffusion().orElseThrow().score(t, y, s, 0, n);
            r.apply(s, 0, out, from * d, n, false);
        }
    }
}
