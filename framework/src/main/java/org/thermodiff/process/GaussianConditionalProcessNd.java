package org.thermodiff.process;

import java.util.Optional;
import java.util.OptionalDouble;
import org.thermodiff.distribution.GaussianMixture;
import org.thermodiff.spi.GaussianComponents;
import org.thermodiff.spi.MultivariateDistribution;
import org.thermodiff.spi.WeightedPoints;
import org.thermodiff.spi.process.Diffusion;
import org.thermodiff.spi.process.ForwardProcess;
import org.thermodiff.spi.process.GaussianPath;
import org.thermodiff.spi.process.VelocityField;

/**
 * The forward process of a {@link GaussianConditionalSchedule} in {@code R^d} (Eqs. 22–25), started
 * from a Gaussian mixture {@code q = Σ_k w_k N(μ_k, Σ_k)} or from weighted atoms
 * {@code q = Σ_i w_i δ_{y_i}} (the case {@code Σ_k = 0}).
 *
 * <p>Every marginal is a Gaussian mixture, {@code P_t = Σ_k w_k N(m_t μ_k, m_t² Σ_k + σ_t² I)}
 * (Eq. 97 in {@code d} dimensions), and the velocity is Eq. 96 with the closed-form posterior
 * mean, regrouped so that it is finite at {@code t = 0} and at {@code m_τ = 0} (see
 * {@link MixtureFrame}); the field also gives {@code ∇·ν} and, for the reverse SDE (Eq. 9), the
 * temperature (Eq. 22) and the score {@code ∇ln P_t}.
 *
 * <p><b>Atom data at {@code t = 0}.</b> {@code P_0} is then a set of atoms with no density, and the
 * velocity diverges off them like {@code (σ̇/σ)(x − m ŷ)}. Gauss–Legendre output times never reach
 * {@code t = 0}; at {@code σ_t = 0} itself the field returns the analytic limits on the atoms (see
 * {@link AtomLimitFrame}), and {@link #posteriorMean} gives the limit point {@code lim_{t→0} x_t}
 * of a reverse trajectory, the atom it is delivered to.
 *
 * <p>Evaluation cost per particle is {@code O(K d)} for diagonal (isotropic, atom) components and
 * {@code O(K d²)} for full covariances; each call precomputes its time's coefficients once.
 */
public final class GaussianConditionalProcessNd implements ForwardProcess {

    private final GaussianConditionalSchedule schedule;
    private final DataComponents data;
    private final double tau;
    private final String dataDescription;
    private final Field field = new Field();

    private GaussianConditionalProcessNd(GaussianConditionalSchedule schedule, DataComponents data, double tau,
            String dataDescription) {
        if (!(tau > 0) || !Double.isFinite(tau)) {
            throw new IllegalArgumentException("tau must be finite and > 0, got " + tau);
        }
        this.schedule = schedule;
        this.data = data;
        this.tau = tau;
        this.dataDescription = dataDescription;
    }

    /** The process on Gaussian-mixture data; {@code description} names the data in {@link #describe()}. */
    public static GaussianConditionalProcessNd of(GaussianConditionalSchedule schedule, GaussianComponents data,
            double tau, String description) {
        return new GaussianConditionalProcessNd(schedule, DataComponents.of(data), tau, description);
    }

    /** The process on empirical data (weighted atoms). */
    public static GaussianConditionalProcessNd ofAtoms(GaussianConditionalSchedule schedule, WeightedPoints data,
            double tau, String description) {
        return new GaussianConditionalProcessNd(schedule, DataComponents.of(data), tau, description);
    }

    @Override
    public double tau() {
        return tau;
    }

    @Override
    public int dimension() {
        return data.dimension;
    }

    /** The schedule. */
    public GaussianConditionalSchedule schedule() {
        return schedule;
    }

    /** The data as mixture components (atoms have zero covariance), weightless components dropped. */
    public GaussianComponents data() {
        return data.toGaussianComponents();
    }

    /**
     * The 1-D marginal, for {@code d = 1}.
     *
     * @throws UnsupportedOperationException if {@code d > 1}, or where {@code P_t} has no density
     *                                       (atom data at {@code σ_t = 0}); use
     *                                       {@link #marginalLaw(double)}
     */
    @Override
    public GaussianMixture marginal(double t) {
        if (data.dimension != 1) {
            throw new UnsupportedOperationException("the forward process " + describe() + " lives in R^"
                    + data.dimension + "; its marginals are given by marginalLaw(t), not as 1-D distributions");
        }
        double s = normalised(t);
        double m = schedule.m(s);
        double sigma = schedule.sigma(s);
        double[] mu = new double[data.size];
        double[] sd = new double[data.size];
        for (int k = 0; k < data.size; k++) {
            mu[k] = m * data.means[k];
            sd[k] = Math.sqrt(m * m * data.variances[k] + sigma * sigma);
            if (!(sd[k] > 0)) {
                throw new UnsupportedOperationException("P_t of " + describe() + " at t = " + t
                        + " has atoms and no density; use marginalLaw(t)");
            }
        }
        return GaussianMixture.of(data.weights.clone(), mu, sd);
    }

    /**
     * {@code P_t = Σ_k w_k N(m_t μ_k, m_t² Σ_k + σ_t² I)}; held as variances ({@code O(k·d)}) when
     * the data are held diagonally.
     */
    @Override
    public MultivariateDistribution marginalLaw(double t) {
        double s = normalised(t);
        double m = schedule.m(s);
        double sigma = schedule.sigma(s);
        int d = data.dimension;
        double[] centers = new double[data.size * d];
        if (data.covariances == null) {
            double[] variances = new double[data.size * d];
            for (int i = 0; i < data.size * d; i++) {
                centers[i] = m * data.means[i];
                variances[i] = m * m * data.variances[i] + sigma * sigma;
            }
            return MixtureMarginal.diagonal(d, data.weights.clone(), centers, variances,
                    "P_t of " + describe() + " at t = " + t);
        }
        double[] cov = new double[data.size * d * d];
        for (int k = 0; k < data.size; k++) {
            for (int i = 0; i < d; i++) {
                centers[k * d + i] = m * data.means[k * d + i];
                for (int j = 0; j < d; j++) {
                    int ij = (k * d + i) * d + j;
                    cov[ij] = m * m * data.covariances[ij] + (i == j ? sigma * sigma : 0);
                }
            }
        }
        return new MixtureMarginal(d, data.weights.clone(), centers, cov, "P_t of " + describe() + " at t = " + t);
    }

    @Override
    public VelocityField velocity() {
        return field;
    }

    @Override
    public OptionalDouble temperature(double t) {
        return OptionalDouble.of(schedule.temperature(normalised(t), tau));
    }

    /**
     * The posterior mean (denoiser) {@code E[y | x_t = x_i]} for particles {@code from ≤ i < to},
     * row-major; at {@code σ_t = 0} on atom data, the nearest atom. Thread-safe.
     */
    public void posteriorMean(double t, double[] x, double[] out, int from, int to) {
        frame(t).posteriorMean(x, out, from, to);
    }

    /** {@code m_t}, {@code σ_t} of the schedule in forward time. */
    @Override
    public Optional<GaussianPath> gaussianPath() {
        return Optional.of(new SchedulePath(schedule, tau));
    }

    @Override
    public String describe() {
        return schedule.name() + "(τ=" + tau + ") on " + dataDescription;
    }

    private double normalised(double t) {
        if (!(t >= 0 && t <= tau)) {
            throw new IllegalArgumentException("t must lie in [0, " + tau + "], got " + t);
        }
        return t / tau;
    }

    private MixtureFrame frame(double t) {
        double s = normalised(t);
        return MixtureFrame.at(data, schedule.m(s), schedule.mPrime(s) / tau, schedule.sigma(s),
                schedule.halfSigmaSquaredPrime(s) / tau);
    }

    /** Eq. 96 in {@code d} dimensions, with its divergence and its diffusion. */
    private final class Field implements VelocityField, Diffusion {

        @Override
        public int dimension() {
            return data.dimension;
        }

        @Override
        public void velocity(double t, double[] x, double[] v, int from, int to) {
            frame(t).velocity(x, v, from, to);
        }

        /** Over whole arrays: {@code x.length / d} particles. */
        @Override
        public void velocity(double t, double[] x, double[] v) {
            velocity(t, x, v, 0, x.length / data.dimension);
        }

        @Override
        public double velocity(double t, double x) {
            if (data.dimension != 1) {
                throw new UnsupportedOperationException("a field on R^" + data.dimension + " has no scalar velocity");
            }
            return VelocityField.super.velocity(t, x);
        }

        @Override
        public boolean hasDivergence() {
            return true;
        }

        @Override
        public void divergence(double t, double[] x, double[] out, int from, int to) {
            frame(t).velocityAndDivergence(x, null, out, from, to);
        }

        @Override
        public void velocityAndDivergence(double t, double[] x, double[] v, double[] div, int from, int to) {
            frame(t).velocityAndDivergence(x, v, div, from, to);
        }

        @Override
        public Optional<Diffusion> diffusion() {
            return Optional.of(this);
        }

        /** Eq. 22; {@code +∞} where {@code m_t = 0}. */
        @Override
        public double temperature(double t) {
            return schedule.temperature(normalised(t), tau);
        }

        @Override
        public void score(double t, double[] x, double[] out, int from, int to) {
            frame(t).score(x, out, from, to);
        }
    }
}
