package org.thermodiff.process;

import java.util.Optional;
import org.thermodiff.distribution.GaussianMixture;
import org.thermodiff.spi.Distribution;
import org.thermodiff.spi.GaussianComponents;
import org.thermodiff.spi.MultivariateDistribution;
import org.thermodiff.spi.WeightedPoints;
import org.thermodiff.spi.Schedule;
import org.thermodiff.spi.process.ForwardProcess;

/**
 * A schedule of the Gaussian-conditional family (Eqs. 22–25): the forward process noises a data
 * point {@code y} into {@code P_t(x|y) = N(x | m_t y, σ_t²)}, with {@code m_0 = 1}, {@code σ_0 = 0},
 * force {@code f_t(x) = (∂_t ln m_t) x} (Eq. 23) and temperature
 * {@code T_t = m_t σ_t ∂_t(σ_t/m_t) = ∂_t(σ_t²/2) − σ_t² ∂_t ln m_t} (Eq. 22).
 *
 * <p>Subclasses give {@code m} and {@code σ} in normalised time {@code s = t/τ ∈ [0, 1]}. They give
 * {@code d(σ²/2)/ds} rather than {@code dσ/ds}: the former is what the velocity needs and stays
 * finite where {@code σ} has a square-root start (e.g. the VE schedule), where {@code dσ/ds} does
 * not.
 */
public abstract class GaussianConditionalSchedule implements Schedule {

    /** {@code m(s)}, with {@code m(0) = 1}. */
    public abstract double m(double s);

    /** {@code dm/ds}. */
    public abstract double mPrime(double s);

    /** {@code σ(s)}, with {@code σ(0) = 0}. */
    public abstract double sigma(double s);

    /** {@code d(σ²/2)/ds = σ dσ/ds}. */
    public abstract double halfSigmaSquaredPrime(double s);

    /** {@code dσ/ds}; may be infinite at {@code s = 0} for schedules whose {@code σ} starts like {@code √s}. */
    public double sigmaPrime(double s) {
        double sigma = sigma(s);
        double h = halfSigmaSquaredPrime(s);
        return sigma == 0 ? (h == 0 ? 0 : Double.POSITIVE_INFINITY) : h / sigma;
    }

    /** Name used in descriptions. */
    public abstract String name();

    /**
     * {@code T_t} at {@code t = sτ} (Eq. 22): {@code [d(σ²/2)/ds − σ² (dm/ds)/m] / τ}. It is
     * {@code +∞} where {@code m = 0} and the data still carry signal, i.e. at {@code t = τ} of
     * the cosine and cond-OT schedules.
     */
    public double temperature(double s, double tau) {
        double m = m(s);
        double sigma = sigma(s);
        double h = halfSigmaSquaredPrime(s);
        if (m == 0) {
            return sigma == 0 || mPrime(s) == 0 ? h / tau : Double.POSITIVE_INFINITY;
        }
        return (h - sigma * sigma * mPrime(s) / m) / tau;
    }

    /**
     * The forward process on 1-D data: on a Gaussian mixture the 1-D closed form (Eqs. 96–97);
     * otherwise as {@link #forward(MultivariateDistribution, MultivariateDistribution, double)}
     * (empirical atoms).
     *
     * @throws IllegalArgumentException if the data are neither a Gaussian mixture nor atoms
     */
    @Override
    public ForwardProcess forward(Distribution data, Distribution prior, double tau) {
        return forward((MultivariateDistribution) data, prior, tau);
    }

    /**
     * The forward process in any dimension: 1-D Gaussian mixtures get the 1-D
     * {@link GaussianConditionalProcess}; n-D Gaussian mixtures
     * ({@link MultivariateDistribution#asGaussianComponents()}) and empirical data
     * ({@link MultivariateDistribution#asAtoms()}) get a {@link GaussianConditionalProcessNd}. The
     * prior is not used: the schedule's own noise defines where the process ends.
     *
     * @throws IllegalArgumentException if the data are neither a Gaussian mixture nor atoms
     */
    @Override
    public ForwardProcess forward(MultivariateDistribution data, MultivariateDistribution prior, double tau) {
        if (data instanceof Distribution line) {
            Optional<GaussianMixture> mixture = line.asGaussianMixture();
            if (mixture.isPresent()) {
                return new GaussianConditionalProcess(this, mixture.get(), tau);
            }
        }
        Optional<GaussianComponents> components = data.asGaussianComponents();
        if (components.isPresent()) {
            return GaussianConditionalProcessNd.of(this, components.get(), tau, data.describe());
        }
        Optional<WeightedPoints> atoms = data.asAtoms();
        if (atoms.isPresent()) {
            return GaussianConditionalProcessNd.ofAtoms(this, atoms.get(), tau, data.describe());
        }
        throw new IllegalArgumentException("schedule '" + name()
                + "' has a closed-form forward process only for Gaussian-mixture data (gaussian, gaussian-mixture)"
                + " or empirical data (atoms); got " + data.describe());
    }
}
