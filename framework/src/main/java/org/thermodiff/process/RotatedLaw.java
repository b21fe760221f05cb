package org.thermodiff.process;

import java.util.Optional;
import org.apache.commons.rng.UniformRandomProvider;
import org.thermodiff.spi.GaussianComponents;
import org.thermodiff.spi.MultivariateDistribution;
import org.thermodiff.spi.WeightedPoints;

/**
 * The law of {@code R_θ X} for {@code X ~ base}: density {@code p(R_θ⁻¹ x)} (a rotation has unit
 * Jacobian), mean {@code R_θ m}, covariance {@code R_θ Σ R_θᵀ}; Gaussian components and atoms are
 * rotated component by component, so closed forms downstream (χ², Bures, shared normal scores)
 * still apply.
 */
final class RotatedLaw implements MultivariateDistribution {

    private final MultivariateDistribution base;
    private final PlaneRotation rotation;

    RotatedLaw(MultivariateDistribution base, PlaneRotation rotation) {
        this.base = base;
        this.rotation = rotation;
    }

    @Override
    public int dimension() {
        return base.dimension();
    }

    @Override
    public double logDensity(double[] x) {
        double[] y = new double[x.length];
        rotation.apply(x, 0, y, 0, 1, true);
        return base.logDensity(y);
    }

    @Override
    public PointSampler pointSampler(UniformRandomProvider rng) {
        PointSampler draw = base.pointSampler(rng);
        int d = dimension();
        double[] y = new double[d];
        return (out, offset) -> {
            draw.sample(y, 0);
            rotation.apply(y, 0, out, offset, 1, false);
        };
    }

    @Override
    public double[] meanVector() {
        return rotation.apply(base.meanVector());
    }

    @Override
    public double[][] covarianceMatrix() {
        return rotation.conjugate(base.covarianceMatrix());
    }

    @Override
    public double covarianceTrace() {
        return base.covarianceTrace();
    }

    @Override
    public Optional<GaussianComponents> asGaussianComponents() {
        return base.asGaussianComponents().map(g -> {
            int k = g.size();
            double[][] means = new double[k][];
            double[][][] covariances = new double[k][][];
            for (int c = 0; c < k; c++) {
                means[c] = rotation.apply(g.means()[c]);
                covariances[c] = rotation.conjugate(g.covariance(c));
            }
            return new GaussianComponents(g.weights(), means, covariances);
        });
    }

    @Override
    public Optional<WeightedPoints> asAtoms() {
        return base.asAtoms().map(a -> {
            double[] points = a.positions().clone();
            rotation.apply(a.positions(), 0, points, 0, a.size(), false);
            return new WeightedPoints(a.dimension(), points, a.weights());
        });
    }

    @Override
    public Optional<NormalScoreMap> normalScoreMap() {
        int d = dimension();
        return base.normalScoreMap().map(map -> (z, zo, out, oo) -> {
            double[] y = new double[d];
            map.apply(z, zo, y, 0);
            rotation.apply(y, 0, out, oo, 1, false);
        });
    }

    @Override
    public String describe() {
        return base.describe() + " rotated by " + rotation.theta() + " rad";
    }
}
