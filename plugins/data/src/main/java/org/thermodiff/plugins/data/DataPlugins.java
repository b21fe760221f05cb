package org.thermodiff.plugins.data;

import org.thermodiff.distribution.Gaussian;
import org.thermodiff.distribution.GaussianMixture;
import org.thermodiff.distribution.Uniform;
import org.thermodiff.spi.Param;
import org.thermodiff.spi.PluginFactory;
import org.thermodiff.spi.PluginFamily;
import org.thermodiff.spi.PluginModule;

/**
 * Distributions on the real line, for the data {@code q}, the prior and the perturbed starts
 * {@code P̃†_0} (Table I).
 */
public final class DataPlugins extends PluginModule {

    /**
     * Parameters of {@code gaussian}.
     *
     * @param mean   mean {@code μ}
     * @param stddev standard deviation {@code s}
     */
    public record GaussianParams(
            @Param(doc = "mean μ", defaultValue = "0") double mean,
            @Param(doc = "standard deviation s", defaultValue = "1", min = 0, exclusiveMin = true) double stddev) {
    }

    /**
     * Parameters of {@code gaussian-mixture}; the compact constructor checks the components agree.
     *
     * @param weights component weights {@code w_k}
     * @param means   component means {@code μ_k}
     * @param stddevs component standard deviations {@code s_k}
     */
    public record MixtureParams(
            @Param(doc = "component weights w_k, summing to 1", min = 0) double[] weights,
            @Param(doc = "component means μ_k") double[] means,
            @Param(doc = "component standard deviations s_k", min = 0, exclusiveMin = true) double[] stddevs) {

        public MixtureParams {
            GaussianMixture.of(weights, means, stddevs);
        }
    }

    /**
     * Parameters of {@code uniform}.
     *
     * @param low  lower end
     * @param high upper end
     */
    public record UniformParams(
            @Param(doc = "lower end of the support") double low,
            @Param(doc = "upper end of the support, > low") double high) {

        public UniformParams {
            if (!(high > low)) {
                throw new IllegalArgumentException("high must be > low, got low=" + low + ", high=" + high);
            }
        }
    }

    @Override
    protected void configure() {
        register(PluginFamily.DATA, "gaussian", PluginFactory.of(
                "normal distribution N(mean, stddev²)", GaussianParams.class,
                p -> Gaussian.of(p.mean(), p.stddev())));
        register(PluginFamily.DATA, "gaussian-mixture", PluginFactory.of(
                "Gaussian mixture Σ w_k N(μ_k, s_k²) (the paper's data, Eq. 95)", MixtureParams.class,
                p -> GaussianMixture.of(p.weights(), p.means(), p.stddevs())));
        register(PluginFamily.DATA, "uniform", PluginFactory.of(
                "uniform distribution on [low, high]", UniformParams.class,
                p -> new Uniform(p.low(), p.high())));
        register(PluginFamily.DATA, "gaussian-nd", PluginFactory.of(
                "normal distribution N(μ, Σ) in R^d: isotropic, diagonal or full covariance",
                MultivariateDataParams.GaussianNdParams.class, MultivariateDataParams.GaussianNdParams::create));
        register(PluginFamily.DATA, "gaussian-mixture-nd", PluginFactory.of(
                "Gaussian mixture Σ w_k N(μ_k, s_k² I) in R^d", MultivariateDataParams.GaussianMixtureNdParams.class,
                MultivariateDataParams.GaussianMixtureNdParams::create));
        register(PluginFamily.DATA, "swiss-roll", PluginFactory.of(
                "2-D Swiss roll as a smooth Gaussian mixture along the spiral (Fig. 3), so P_t stays analytic",
                MultivariateDataParams.SwissRollParams.class, MultivariateDataParams.SwissRollParams::create));
        register(PluginFamily.DATA, "moons", PluginFactory.of(
                "2-D two moons as Gaussian mixtures along the arcs", MultivariateDataParams.MoonsParams.class,
                MultivariateDataParams.MoonsParams::create));
        register(PluginFamily.DATA, "eight-gaussians", PluginFactory.of(
                "2-D eight Gaussians on a circle", MultivariateDataParams.EightGaussiansParams.class,
                MultivariateDataParams.EightGaussiansParams::create));
        register(PluginFamily.DATA, "checkerboard", PluginFactory.of(
                "2-D uniform density on the black squares of a board (no closed-form P_t: sampling only)",
                MultivariateDataParams.CheckerboardParams.class, MultivariateDataParams.CheckerboardParams::create));
        register(PluginFamily.DATA, "random-atoms", PluginFactory.of(
                "empirical data: N points drawn once from N(0, s² I_d) with a fixed seed (Eq. 92's setting)",
                MultivariateDataParams.RandomAtomsParams.class, MultivariateDataParams.RandomAtomsParams::create));
        register(PluginFamily.DATA, "points-file", PluginFactory.of(
                "empirical data: the points of a CSV or NumPy .npy file", MultivariateDataParams.PointsFileParams.class,
                MultivariateDataParams.PointsFileParams::create));
    }
}
