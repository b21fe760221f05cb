package org.thermodiff.plugins.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.thermodiff.distribution.GaussianMixtureNd;
import org.thermodiff.distribution.MultivariateGaussian;
import org.thermodiff.process.PlaneRotation;
import org.thermodiff.process.RotatingSchedule;
import org.thermodiff.plugins.schedules.CondOtSchedule;
import org.thermodiff.plugins.schedules.CosineSchedule;
import org.thermodiff.spi.MultivariateDistribution;
import org.thermodiff.spi.metrics.RunContext;
import org.thermodiff.spi.process.ForwardProcess;
import org.thermodiff.spi.process.GaussianPath;
import org.thermodiff.spi.sampling.TimeGrid;

/**
 * The right side of Eq. 92, {@code ∫(ṁ² E|y|² + σ̇² d) dt}, against closed forms: for Gaussian data
 * {@code N(μ, s² I_2)}, {@code E|y|² = |μ|² + 2s² = 1.97}; cond-OT has {@code ṁ = −1}, {@code σ̇ = 1}
 * (so {@code 1.97 + 2}); cosine has {@code ṁ² + σ̇² = (π/2)²} split as {@code sin²} and {@code cos²},
 * each averaging ½ over {@code [0, τ]} (so {@code (π²/8)(1.97 + 2)}).
 */
class ConditionalKineticTest {

    static final MultivariateDistribution DATA = GaussianMixtureNd.isotropic(new double[][] {{1.0, -0.5}}, 0.6);
    static final MultivariateDistribution PRIOR = GaussianMixtureNd.isotropic(new double[][] {{0, 0}}, 1);

    static RunContext context(ForwardProcess forward) {
        return context(forward, DATA, PRIOR);
    }

    static RunContext context(ForwardProcess forward, MultivariateDistribution data, MultivariateDistribution prior) {
        return new RunContext(Map.of(), TimeGrid.gaussLegendre(1, 4, 8), data, prior, prior, prior, forward, name -> {
            throw new AssertionError("no distance needed");
        });
    }

    /**
     * A rotating path, {@code u = A y + B ε} with the matrices {@code A = R_t(ṁ I + ωm J)},
     * {@code B = R_t(σ̇ I + ωσ J)} built column by column from {@link PlaneRotation} (the form of
     * {@code GaussianPath#angularRate}), so {@code E|u|² = tr(AᵀA E[yyᵀ]) + tr(BᵀB)}: integrated by the
     * same quadrature, against the metric's closed form. In {@code d = 3} with a full covariance, so
     * the odd coordinate, which {@code J} leaves alone, and the off-diagonal terms (which drop out) matter.
     */
    @Test
    void rotatingPathByMatrices() {
        double[] mean = {0.8, -0.3, 1.1};
        double[][] cov = {{0.5, 0.1, -0.2}, {0.1, 0.4, 0.15}, {-0.2, 0.15, 0.9}};
        MultivariateDistribution data = MultivariateGaussian.of(mean, cov);
        MultivariateDistribution prior = MultivariateGaussian.standard(3);
        for (double g : new double[] {0, 2.5}) {
            for (RotatingSchedule schedule : new RotatingSchedule[] {new RotatingSchedule(new CosineSchedule(), g),
                    new RotatingSchedule(new CondOtSchedule(), g)}) {
                ForwardProcess forward = schedule.forward(data, prior, 2.0);
                GaussianPath path = forward.gaussianPath().orElseThrow();
                assertEquals(g / 2.0, path.angularRate(), 0);
                TimeGrid grid = TimeGrid.gaussLegendre(2.0, 4, 8);
                double[] integrand = new double[grid.size()];
                for (int k = 0; k < grid.size(); k++) {
                    if (grid.weight(k) > 0) {
                        double t = grid.time(k);
                        double[][] a = matrix(path, t, path.mDot(t), path.m(t));
                        double[][] b = matrix(path, t, path.sigmaDot(t), path.sigma(t));
                        for (int i = 0; i < 3; i++) {
                            for (int j = 0; j < 3; j++) {
                                double ata = 0;
                                double btb = 0;
                                for (int r = 0; r < 3; r++) {
                                    ata += a[r][i] * a[r][j];
                                    btb += i == j ? b[r][i] * b[r][j] : 0;
                                }
                                integrand[k] += ata * (cov[i][j] + mean[i] * mean[j]) + btb;
                            }
                        }
                    }
                }
                RunContext context = new RunContext(Map.of(), grid, data, prior, prior, prior, forward, name -> {
                    throw new AssertionError("no distance needed");
                });
                // The same quadrature of the same integrand on both sides: rounding only.
                assertEquals(grid.integrate(integrand), SpeedAccuracyMetric.conditionalKinetic(context), 1e-11,
                        path.name() + " g=" + g);
            }
        }
    }

    /** {@code R_t(c I + ω s J)} for {@code ω} the path's rate, column by column. */
    private static double[][] matrix(GaussianPath path, double t, double c, double s) {
        double omega = path.angularRate();
        PlaneRotation rotation = new PlaneRotation(omega * t, 3);
        double[][] m = new double[3][3];
        for (int j = 0; j < 3; j++) {
            double[] e = new double[3];
            e[j] = 1;
            double[] je = new double[3];
            PlaneRotation.generator(e, je, 0, 1, 3, omega * s);
            double[] column = {c * e[0] + je[0], c * e[1] + je[1], c * e[2] + je[2]};
            double[] rotated = rotation.apply(column);
            for (int i = 0; i < 3; i++) {
                m[i][j] = rotated[i];
            }
        }
        return m;
    }

    @Test
    void closedFormsForGaussianData() {
        double second = 1.0 + 0.25 + 2 * 0.36;
        // Gauss–Legendre with 4 panels of 8 nodes integrates the constant exactly and sin² to ~1e-15.
        assertEquals(second + 2, SpeedAccuracyMetric.conditionalKinetic(context(new CondOtSchedule().forward(DATA, PRIOR, 1))),
                1e-12);
        assertEquals(Math.PI * Math.PI / 8 * (second + 2),
                SpeedAccuracyMetric.conditionalKinetic(context(new CosineSchedule().forward(DATA, PRIOR, 1))), 1e-12);
    }

    /** Only for the exact field of a Gaussian path: an estimated field is not E[u|x]. */
    @Test
    void notForEstimatedFields() {
        ForwardProcess forward = new CondOtSchedule().forward(DATA, PRIOR, 1);
        RunContext estimated = new RunContext(Map.of(), TimeGrid.gaussLegendre(1, 4, 8), DATA, PRIOR, PRIOR, PRIOR, forward,
                (t, x, v, from, to) -> { }, name -> {
                    throw new AssertionError("no distance needed");
                });
        assertTrue(Double.isNaN(SpeedAccuracyMetric.conditionalKinetic(estimated)));
    }
}
