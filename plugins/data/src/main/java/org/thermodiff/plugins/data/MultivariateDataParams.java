package org.thermodiff.plugins.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.thermodiff.distribution.Checkerboard;
import org.thermodiff.distribution.EmpiricalDistribution;
import org.thermodiff.distribution.GaussianMixtureNd;
import org.thermodiff.distribution.MultivariateGaussian;
import org.thermodiff.distribution.Planar;
import org.thermodiff.distribution.file.PointFiles;
import org.thermodiff.distribution.file.PointTable;
import org.thermodiff.spi.Param;

/**
 * Parameter records of the n-D data sets, registered by {@link DataPlugins}. Each record's
 * {@code create()} builds the distribution; the compact
 * constructors check what the bounds of {@link Param} cannot, so bad values surface as
 * positioned errors when bound.
 */
public final class MultivariateDataParams {

    private MultivariateDataParams() {
    }

    /**
     * {@code gaussian-nd}: {@code N(mean, Σ)} with {@code Σ = stddev² I}, {@code diag(variances)} or
     * a full {@code covariance} given row by row ({@code d²} numbers); at most one of the last two.
     */
    public record GaussianNdParams(
            @Param(doc = "mean vector μ (its length is the dimension d)") double[] mean,
            @Param(doc = "isotropic standard deviation s (Σ = s² I), when neither variances nor covariance is set",
                    defaultValue = "1", min = 0, exclusiveMin = true) double stddev,
            @Param(doc = "diagonal covariance diag(v_1 … v_d)", defaultValue = "[]", min = 0,
                    exclusiveMin = true) double[] variances,
            @Param(doc = "full covariance Σ, symmetric positive definite, row-major (d² numbers)",
                    defaultValue = "[]") double[] covariance) {

        public GaussianNdParams {
            if (variances.length > 0 && covariance.length > 0) {
                throw new IllegalArgumentException("give variances or covariance, not both");
            }
            create(mean, stddev, variances, covariance);
        }

        private static MultivariateGaussian create(double[] mean, double stddev, double[] variances,
                                                   double[] covariance) {
            if (covariance.length > 0) {
                int d = mean.length;
                if (covariance.length != d * d) {
                    throw new IllegalArgumentException("covariance must have d² = " + d * d
                            + " numbers (row-major " + d + " x " + d + "), got " + covariance.length);
                }
                double[][] sigma = new double[d][d];
                for (int i = 0; i < d; i++) {
                    System.arraycopy(covariance, i * d, sigma[i], 0, d);
                }
                return MultivariateGaussian.of(mean, sigma);
            }
            if (variances.length > 0) {
                return MultivariateGaussian.diagonal(mean, variances);
            }
            return MultivariateGaussian.isotropic(mean, stddev * stddev);
        }

        /** The distribution. */
        public MultivariateGaussian create() {
            return create(mean, stddev, variances, covariance);
        }
    }

    /**
     * {@code gaussian-mixture-nd}: {@code Σ_k w_k N(μ_k, s_k² I)}, the means given row by row
     * ({@code k·d} numbers), or one number per component for means on the diagonal,
     * {@code μ_k = a_k (1, …, 1)} (convenient in many dimensions). (Full component covariances need nested lists, which parameters do
     * not take yet.)
     */
    public record GaussianMixtureNdParams(
            @Param(doc = "dimension d", defaultValue = "2", min = 1) int dimension,
            @Param(doc = "component weights w_k, summing to 1", min = 0) double[] weights,
            @Param(doc = "component means μ_k, row-major (k·d numbers), or k numbers a_k for μ_k = a_k (1, …, 1)")
            double[] means,
            @Param(doc = "component standard deviations s_k (Σ_k = s_k² I)", min = 0, exclusiveMin = true)
            double[] stddevs) {

        public GaussianMixtureNdParams {
            create(dimension, weights, means, stddevs);
        }

        private static GaussianMixtureNd create(int d, double[] weights, double[] means, double[] stddevs) {
            int k = weights.length;
            if ((means.length != k * d && means.length != k) || stddevs.length != k) {
                throw new IllegalArgumentException("for " + k + " weights in dimension " + d + ", means must have "
                        + k * d + " (or " + k + ") numbers and stddevs " + k + ", got " + means.length + " and "
                        + stddevs.length);
            }
            boolean diagonal = means.length == k;     // for d = 1 both readings agree
            List<MultivariateGaussian> components = new ArrayList<>();
            for (int c = 0; c < k; c++) {
                double[] mu = new double[d];
                if (diagonal) {
                    java.util.Arrays.fill(mu, means[c]);
                } else {
                    System.arraycopy(means, c * d, mu, 0, d);
                }
                components.add(MultivariateGaussian.isotropic(mu, stddevs[c] * stddevs[c]));
            }
            return GaussianMixtureNd.of(weights, components);
        }

        /** The distribution. */
        public GaussianMixtureNd create() {
            return create(dimension, weights, means, stddevs);
        }
    }

    /** {@code swiss-roll}: see {@link Planar#swissRoll}; defaults are scikit-learn's roll scaled as in FFJORD. */
    public record SwissRollParams(
            @Param(doc = "noise standard deviation, in units of the spiral r = t", defaultValue = "1", min = 0,
                    exclusiveMin = true) double noise,
            @Param(doc = "starting angle t_0 (radians)", defaultValue = "4.71238898038469", min = 0) double start,
            @Param(doc = "number of turns", defaultValue = "1.5", min = 0, exclusiveMin = true) double turns,
            @Param(doc = "scale applied to the roll and its noise", defaultValue = "0.2", min = 0,
                    exclusiveMin = true) double scale,
            @Param(doc = "mixture components along the spiral; 0 chooses them from spacing", defaultValue = "0",
                    min = 0) int components,
            @Param(doc = "largest distance between neighbouring components, in noise widths (≤ 1: ripples < 1e-8)",
                    defaultValue = "1", min = 0, exclusiveMin = true, max = 2) double spacing) {

        public SwissRollParams {
            create(noise, start, turns, scale, components, spacing);
        }

        private static GaussianMixtureNd create(double noise, double start, double turns, double scale,
                                                int components, double spacing) {
            int k = components > 0 ? components : Planar.swissRollComponents(noise, start, turns, spacing);
            return Planar.swissRoll(k, noise, start, turns, scale);
        }

        /** The distribution. */
        public GaussianMixtureNd create() {
            return create(noise, start, turns, scale, components, spacing);
        }
    }

    /** {@code moons}: see {@link Planar#moons}. */
    public record MoonsParams(
            @Param(doc = "noise standard deviation, in units of the unit half circles", defaultValue = "0.1", min = 0,
                    exclusiveMin = true) double noise,
            @Param(doc = "scale applied to the moons and their noise", defaultValue = "1", min = 0,
                    exclusiveMin = true) double scale,
            @Param(doc = "mixture components per moon; 0 chooses them from spacing", defaultValue = "0", min = 0)
            int components,
            @Param(doc = "largest distance between neighbouring components, in noise widths", defaultValue = "1",
                    min = 0, exclusiveMin = true, max = 2) double spacing) {

        public MoonsParams {
            create(noise, scale, components, spacing);
        }

        private static GaussianMixtureNd create(double noise, double scale, int components, double spacing) {
            return Planar.moons(components > 0 ? components : Planar.moonsComponents(noise, spacing), noise, scale);
        }

        /** The distribution. */
        public GaussianMixtureNd create() {
            return create(noise, scale, components, spacing);
        }
    }

    /** {@code eight-gaussians}: see {@link Planar#eightGaussians}; defaults as in FFJORD. */
    public record EightGaussiansParams(
            @Param(doc = "radius of the circle of centres", defaultValue = "2.8284271247461903", min = 0,
                    exclusiveMin = true) double radius,
            @Param(doc = "standard deviation of each Gaussian", defaultValue = "0.35355339059327373", min = 0,
                    exclusiveMin = true) double stddev) {

        /** The distribution. */
        public GaussianMixtureNd create() {
            return Planar.eightGaussians(radius, stddev);
        }
    }

    /** {@code checkerboard}: see {@link Checkerboard}; defaults as in FFJORD. */
    public record CheckerboardParams(
            @Param(doc = "squares per side k", defaultValue = "4", min = 1, max = 32768) int size,
            @Param(doc = "side of one square", defaultValue = "2", min = 0, exclusiveMin = true) double side) {

        /** The distribution. */
        public Checkerboard create() {
            return new Checkerboard(size, side);
        }
    }

    /**
     * {@code points-file}: the empirical distribution of the points in a CSV or {@code .npy} file
     * ({@link org.thermodiff.distribution.file.PointFiles}); the path is resolved against the
     * experiment file's directory when the plugin is registered.
     */
    public record PointsFileParams(
            @Param(doc = "CSV (optional header, comma-separated) or NumPy .npy (float32/float64, (n,) or (n, d)); "
                    + "relative to the working directory") String path) {

        /** Reads the file once while the experiment is checked, so that a bad file is bad input (exit 2). */
        public PointsFileParams {
            read(path);
        }

        /** The empirical distribution of the file's points. */
        public EmpiricalDistribution create() {
            return read(path).toDistribution();
        }

        private static PointTable read(String path) {
            try {
                return PointFiles.read(Path.of(path));
            } catch (java.nio.file.NoSuchFileException e) {
                throw new IllegalArgumentException("no such file: " + path);
            } catch (IOException e) {
                throw new IllegalArgumentException(e.getMessage());
            }
        }
    }

    /**
     * {@code random-atoms}: {@code N} equally weighted points drawn once from {@code N(0, s² I_d)}
     * with a fixed seed — empirical data of {@code N} samples in {@code d} dimensions, the setting of
     * Eq. 92 ({@code N/√d → 0}).
     */
    public record RandomAtomsParams(
            @Param(doc = "dimension d", min = 1, max = 1048576) int dimension,
            @Param(doc = "number N of points", defaultValue = "8", min = 1, max = 1000000) int count,
            @Param(doc = "standard deviation s of each coordinate", defaultValue = "1", min = 0, exclusiveMin = true)
            double stddev,
            @Param(doc = "seed of the draw", defaultValue = "1") long seed) {

        /** The empirical distribution of the points. */
        public EmpiricalDistribution create() {
            ZigguratSampler.NormalizedGaussian normal = ZigguratSampler.NormalizedGaussian.of(
                    RandomSource.XO_RO_SHI_RO_128_PP.create(seed));
            double[] points = new double[Math.multiplyExact(count, dimension)];
            for (int k = 0; k < points.length; k++) {
                points[k] = stddev * normal.sample();
            }
            return EmpiricalDistribution.uniform(dimension, points);
        }
    }
}
