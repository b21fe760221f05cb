package org.thermodiff.plugins.distances;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.thermodiff.spi.Distance;
import org.thermodiff.spi.Distribution;
import org.thermodiff.spi.Param;
import org.thermodiff.spi.sampling.Cloud;
import org.thermodiff.spi.sampling.PointCloud;

/**
 * The sliced 2-Wasserstein distance {@code SW2(a, b)² = E_θ W2(θ#a, θ#b)²}, {@code θ} uniform on
 * the unit sphere {@code S^{d−1}}, estimated with {@code L} directions drawn from a seeded stream
 * (normalised Gaussian vectors). Each slice is an exact 1-D problem: the monotone coupling of the
 * projections, {@code O(n log n)}.
 *
 * <p>Projection onto a unit vector is 1-Lipschitz, so every slice satisfies
 * {@code W2(θ#a, θ#b) ≤ W2(a, b)}, hence {@code SW2 ≤ W2}; in 1-D every direction is ±1 and
 * {@code SW2 = W2} exactly. The estimate is deterministic for a given seed.
 */
final class SlicedWasserstein implements Distance {

    /**
     * Parameters of {@code sliced-w2}.
     *
     * @param directions number {@code L} of random directions
     * @param seed       seed of the direction stream
     */
    record Params(
            @Param(doc = "number L of random directions θ on the unit sphere", defaultValue = "256", min = 1,
                    max = 100_000_000) int directions,
            @Param(doc = "seed of the stream of directions", defaultValue = "1") long seed) {
    }

    private final int directions;
    private final long seed;
    private final WassersteinDistance w2;

    SlicedWasserstein(Params params) {
        if (params.directions() < 1) {
            throw new IllegalArgumentException("the number of directions must be >= 1, got " + params.directions());
        }
        this.directions = params.directions();
        this.seed = params.seed();
        this.w2 = new WassersteinDistance(2, new WassersteinDistance.Params(WassersteinDistance.DEFAULT_NODES,
                ExactTransport.DEFAULT_CANDIDATES));
    }

    /** On the real line every slice is the line itself: {@code SW2 = W2}, by quadrature. */
    @Override
    public double between(Distribution a, Distribution b) {
        return w2.between(a, b);
    }

    /** On the real line, {@code SW2 = W2} of the two clouds, exactly. */
    @Override
    public double between(Cloud a, Cloud b) {
        return w2.between(a, b);
    }

    @Override
    public double between(PointCloud a, PointCloud b) {
        return distance(a, b);
    }

    /** {@code SW2(a, b)}. */
    double distance(PointCloud a, PointCloud b) {
        return Math.sqrt(squared(a, b));
    }

    /** {@code SW2(a, b)²}, the mean over the directions of the squared 1-D distances. */
    double squared(PointCloud a, PointCloud b) {
        GroundCost.checkComparable(a, b);
        int d = a.dimension();
        double[] wa = ExactTransport.normalised(a.weights(), "first");
        double[] wb = ExactTransport.normalised(b.weights(), "second");
        boolean paired = a.size() == b.size() && a.hasUniformWeights() && b.hasUniformWeights();
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        ZigguratSampler.NormalizedGaussian gaussian = ZigguratSampler.NormalizedGaussian.of(rng);
        double[] theta = new double[d];
        double sum = 0;
        for (int l = 0; l < directions; l++) {
            direction(gaussian, theta);
            double[] px = project(a, theta);
            double[] py = project(b, theta);
            sum += paired ? sortedPairs(px, py) : MonotoneCoupling.of(cloud(px, wa), cloud(py, wb)).cost(px, py, 2);
        }
        return sum / directions;
    }

    /** A uniform unit vector: a standard Gaussian vector, normalised (redrawn if it is 0). */
    private static void direction(ZigguratSampler.NormalizedGaussian gaussian, double[] theta) {
        double norm;
        do {
            norm = 0;
            for (int k = 0; k < theta.length; k++) {
                theta[k] = gaussian.sample();
                norm += theta[k] * theta[k];
            }
        } while (norm == 0);
        norm = Math.sqrt(norm);
        for (int k = 0; k < theta.length; k++) {
            theta[k] /= norm;
        }
    }

    /** {@code θ·x_i} for every point. */
    private static double[] project(PointCloud c, double[] theta) {
        int d = theta.length;
        double[] x = c.positions();
        double[] p = new double[c.size()];
        for (int i = 0; i < p.length; i++) {
            double s = 0;
            for (int k = 0; k < d; k++) {
                s += theta[k] * x[i * d + k];
            }
            p[i] = s;
        }
        return p;
    }

    /** Equal uniform weights: the monotone coupling pairs the order statistics. */
    private static double sortedPairs(double[] px, double[] py) {
        Arrays.sort(px);
        Arrays.sort(py);
        double s = 0;
        for (int i = 0; i < px.length; i++) {
            double t = px[i] - py[i];
            s += t * t;
        }
        return s / px.length;
    }

    private static Cloud cloud(double[] positions, double[] weights) {
        return Cloud.of(positions, weights, new double[positions.length]);
    }
}
