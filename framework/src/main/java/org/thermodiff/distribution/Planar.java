package org.thermodiff.distribution;

/**
 * The 2-D toy data sets of the generative-modelling literature, as smooth Gaussian mixtures so
 * that the forward marginals {@code P_t} of Gaussian-conditional schedules stay analytic
 * (Eq. 97): swiss roll, two moons and eight Gaussians. (The checkerboard is not a mixture: see
 * {@link Checkerboard}.)
 *
 * <p>The curves are those of scikit-learn's {@code make_swiss_roll} (its {@code x}–{@code z}
 * projection) and {@code make_moons}, whose draws are a point uniform in the curve parameter plus
 * isotropic Gaussian noise. Here the uniform parameter is replaced by {@code K} equally weighted
 * components at the midpoints of {@code K} equal parameter cells (the midpoint rule for the
 * integral over the curve), each an isotropic Gaussian with the noise as its standard deviation.
 * Neighbouring centres are at most {@code h} apart along the curve; a sum of Gaussians of width
 * {@code s} spaced {@code h} apart along a line ripples by a relative {@code 2 exp(−2π² s²/h²)}
 * (Poisson summation), so {@code h = s} leaves ripples of about {@code 5e-9} and {@code h = 2s} of
 * about {@code 1.4e-2}. The {@code ...Components} helpers choose {@code K} for a given {@code h/s}.
 */
public final class Planar {

    /** scikit-learn's swiss roll starts at angle {@code t = 1.5π} ... */
    public static final double SWISS_ROLL_START = 1.5 * Math.PI;
    /** ... and makes 1.5 turns, to {@code t = 4.5π}. */
    public static final double SWISS_ROLL_TURNS = 1.5;

    private Planar() {
    }

    /**
     * The swiss roll: points {@code scale · (t cos t + e_1, t sin t + e_2)} with {@code t} uniform
     * on {@code [start, start + 2π·turns]} and {@code e ~ N(0, noise² I)}, as a mixture of
     * {@code components} Gaussians (scikit-learn's {@code make_swiss_roll(noise)[:, [0, 2]]}; the
     * FFJORD toy data use {@code noise = 1}, {@code scale = 1/5}).
     *
     * @param components number {@code K ≥ 1} of mixture components along the spiral
     * @param noise      standard deviation of the noise, in the units of the spiral, {@code > 0}
     * @param start      starting angle {@code t_0 ≥ 0} (radians; the spiral is {@code r = t})
     * @param turns      number of turns, {@code > 0}
     * @param scale      factor applied to everything, {@code > 0}
     */
    public static GaussianMixtureNd swissRoll(int components, double noise, double start, double turns,
                                              double scale) {
        requirePositive("noise", noise);
        requirePositive("turns", turns);
        requirePositive("scale", scale);
        if (!(start >= 0) || !Double.isFinite(start)) {
            throw new IllegalArgumentException("start angle must be finite and >= 0, got " + start);
        }
        requireComponents(components);
        double dt = 2 * Math.PI * turns / components;
        double[][] centres = new double[components][];
        for (int k = 0; k < components; k++) {
            double t = start + (k + 0.5) * dt;
            centres[k] = new double[] {scale * t * Math.cos(t), scale * t * Math.sin(t)};
        }
        return GaussianMixtureNd.isotropic(centres, scale * noise);
    }

    /**
     * The number of swiss-roll components whose centres are at most {@code spacing · noise} apart
     * along the spiral. The arc length of {@code r = t} per unit angle is {@code √(1 + t²)}, largest
     * at the end {@code t_1}, so {@code K = ⌈√(1 + t_1²)(t_1 − t_0) / (spacing · noise)⌉}.
     */
    public static int swissRollComponents(double noise, double start, double turns, double spacing) {
        requirePositive("spacing", spacing);
        double end = start + 2 * Math.PI * turns;
        return count(Math.sqrt(1 + end * end) * (end - start) / (spacing * noise));
    }

    /**
     * Two interleaving half circles (scikit-learn's {@code make_moons(noise)}), shifted by
     * {@code (−½, −¼)} so that the mean is the origin, then scaled: the upper moon is
     * {@code (cos θ, sin θ)}, the lower {@code (1 − cos θ, ½ − sin θ)}, {@code θ} uniform on
     * {@code [0, π]}, each moon with probability ½, plus {@code N(0, noise² I)}.
     *
     * @param componentsPerMoon number {@code K ≥ 1} of components along each half circle
     * @param noise             standard deviation of the noise (units of the unit circle), {@code > 0}
     * @param scale             factor applied to everything, {@code > 0}
     */
    public static GaussianMixtureNd moons(int componentsPerMoon, double noise, double scale) {
        requirePositive("noise", noise);
        requirePositive("scale", scale);
        requireComponents(componentsPerMoon);
        double[][] centres = new double[2 * componentsPerMoon][];
        for (int k = 0; k < componentsPerMoon; k++) {
            double theta = (k + 0.5) * Math.PI / componentsPerMoon;
            double c = Math.cos(theta);
            double s = Math.sin(theta);
            centres[k] = new double[] {scale * (c - 0.5), scale * (s - 0.25)};
            centres[componentsPerMoon + k] = new double[] {scale * (0.5 - c), scale * (0.25 - s)};
        }
        return GaussianMixtureNd.isotropic(centres, scale * noise);
    }

    /** Components per moon at most {@code spacing · noise} apart: {@code K = ⌈π / (spacing · noise)⌉}. */
    public static int moonsComponents(double noise, double spacing) {
        requirePositive("spacing", spacing);
        return count(Math.PI / (spacing * noise));
    }

    /**
     * Eight equally weighted Gaussians {@code N(r (cos 2πk/8, sin 2πk/8), s² I)} (the FFJORD toy
     * data use {@code r = 2√2}, {@code s = 1/(2√2)}).
     *
     * @param radius radius {@code r} of the circle of centres, {@code > 0}
     * @param stddev standard deviation {@code s} of each Gaussian, {@code > 0}
     */
    public static GaussianMixtureNd eightGaussians(double radius, double stddev) {
        requirePositive("radius", radius);
        requirePositive("stddev", stddev);
        double[][] centres = new double[8][];
        for (int k = 0; k < 8; k++) {
            double a = 2 * Math.PI * k / 8;
            centres[k] = new double[] {radius * Math.cos(a), radius * Math.sin(a)};
        }
        return GaussianMixtureNd.isotropic(centres, stddev);
    }

    private static int count(double x) {
        if (!(x <= 1e6)) {
            throw new IllegalArgumentException("more than 10^6 components would be needed (" + x
                    + "): increase the noise or the spacing");
        }
        return Math.max(1, (int) Math.ceil(x));
    }

    private static void requireComponents(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("the number of components must be >= 1, got " + k);
        }
    }

    private static void requirePositive(String name, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite and > 0, got " + value);
        }
    }
}
