package org.thermodiff.plugins.learned;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.thermodiff.distribution.MultivariateGaussian;
import org.thermodiff.plugins.schedules.CondOtSchedule;
import org.thermodiff.plugins.schedules.CosineSchedule;
import org.thermodiff.process.GaussianConditionalSchedule;
import org.thermodiff.process.RotatingSchedule;
import org.thermodiff.spi.MultivariateDistribution;
import org.thermodiff.spi.process.ForwardProcess;
import org.thermodiff.spi.process.GaussianPath;

/**
 * The targets of {@link GaussianPathObjective} on a rotating path have the right conditional means,
 * without a network: {@code E[u_t|x] = ν_t(x)} for the flow-matching target and
 * {@code E[R_t ε|x] = −σ_t ∇ln P_t(x)} for the noise target, against the rotating process's own
 * closed-form field and score (Eq. 96 rotated, {@code RotatedProcess}).
 *
 * <p>For Gaussian data {@code (x_t, u_t)} are jointly Gaussian, so the conditional mean is exactly
 * affine in {@code x}: ordinary least squares of the targets on {@code (x, 1)} over many draws at a
 * fixed {@code t} is unbiased, and its prediction at a point has the standard error
 * {@code s √(zᵀ(ZᵀZ)⁻¹z)} ({@code s²} the residual variance, {@code z = (x, 1)}). Data in
 * {@code d = 3} with a full covariance exercise the coordinate that {@code J} leaves alone, and
 * {@code τ = 2} tells {@code g/τ} from {@code g}.
 */
class RotatingObjectiveTest {

    static final double TAU = 2.0;
    static final double G = 3.0;
    static final int D = 3;
    static final int DRAWS = 100_000;
    static final MultivariateDistribution DATA = MultivariateGaussian.of(new double[] {0.8, -0.3, 1.1},
            new double[][] {{0.5, 0.1, -0.2}, {0.1, 0.4, 0.15}, {-0.2, 0.15, 0.9}});
    static final MultivariateDistribution PRIOR = MultivariateGaussian.standard(D);

    @Test
    void velocityTargetAveragesToTheExactRotatingField() {
        check(GaussianPathObjective.Target.VELOCITY);
    }

    @Test
    void noiseTargetAveragesToMinusSigmaTimesTheRotatedScore() {
        check(GaussianPathObjective.Target.NOISE);
    }

    private static void check(GaussianPathObjective.Target target) {
        for (GaussianConditionalSchedule base : new GaussianConditionalSchedule[] {new CosineSchedule(), new CondOtSchedule()}) {
            ForwardProcess forward = new RotatingSchedule(base, G).forward(DATA, PRIOR, TAU);
            GaussianPath path = forward.gaussianPath().orElseThrow();
            assertEquals(G / TAU, path.angularRate(), 0, "ω = g/τ");
            for (double t : new double[] {0.3, 1.0, 1.8}) {
                GaussianPathObjective objective = new GaussianPathObjective(path, DATA,
                        RandomSource.XO_RO_SHI_RO_128_PP.create(17), new TimeFeatures(D, TAU,
                        LearnedParams.TimeEmbedding.LINEAR, 1), target);
                double[][] z = new double[DRAWS][];
                double[][] u = new double[DRAWS][D];
                double[] x = new double[D];
                for (int n = 0; n < DRAWS; n++) {
                    objective.draw(t, x, u[n]);
                    z[n] = new double[] {x[0], x[1], x[2], 1};
                }
                RealMatrix zm = new Array2DRowRealMatrix(z, false);
                RealMatrix inverse = new LUDecomposition(zm.transpose().multiply(zm)).getSolver().getInverse();
                RealMatrix beta = inverse.multiply(zm.transpose()).multiply(new Array2DRowRealMatrix(u, false));
                RealMatrix residual = zm.multiply(beta).subtract(new Array2DRowRealMatrix(u, false));

                double[] points = forward.marginalLaw(t).pointSampler(RandomSource.SPLIT_MIX_64.create(5)).sample(6, D);
                double[] exact = new double[points.length];
                forward.velocity().velocity(t, points, exact, 0, 6);
                if (target == GaussianPathObjective.Target.NOISE) {
                    forward.velocity().diffusion().orElseThrow().score(t, points, exact, 0, 6);
                    for (int k = 0; k < exact.length; k++) {
                        exact[k] *= -path.sigma(t);
                    }
                }
                for (int i = 0; i < 6; i++) {
                    double[] zi = {points[i * D], points[i * D + 1], points[i * D + 2], 1};
                    double leverage = new Array2DRowRealMatrix(zi).transpose().multiply(inverse)
                            .multiply(new Array2DRowRealMatrix(zi)).getEntry(0, 0);
                    for (int j = 0; j < D; j++) {
                        double prediction = 0;
                        for (int c = 0; c < 4; c++) {
                            prediction += zi[c] * beta.getEntry(c, j);
                        }
                        double s2 = residual.getColumnVector(j).dotProduct(residual.getColumnVector(j)) / (DRAWS - 4);
                        double se = Math.sqrt(s2 * leverage);
                        // 5 standard errors: a false alarm has odds below 1e-6 per comparison (and the seeds
                        // are fixed). Errors to catch are far larger: without the force ω J x the target is off
                        // by ω|x| ≈ 1 and an unrotated target by about |ν|, against se ≈ 0.005.
                        assertTrue(se < 0.02, "enough draws: se = " + se);
                        assertEquals(exact[i * D + j], prediction, 5 * se,
                                base.name() + " " + target + " t=" + t + " point " + i + " coordinate " + j);
                    }
                }
            }
        }
    }
}
