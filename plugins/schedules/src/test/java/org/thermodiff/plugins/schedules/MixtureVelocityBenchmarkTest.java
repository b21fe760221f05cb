package org.thermodiff.plugins.schedules;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.thermodiff.process.GaussianConditionalProcessNd;
import org.thermodiff.spi.GaussianComponents;
import org.thermodiff.spi.process.VelocityField;

/**
 * Cost of the n-D mixture velocity, the hot loop of n-D sampling (issue 4's benchmark: RK4 on
 * 10⁵ particles × 200 steps of a 2-D 64-component mixture). Run on demand:
 * {@code mvn -pl plugins/schedules -am test -Dtest=MixtureVelocityBenchmarkTest -Dthermodiff.bench=true
 * -Dsurefire.failIfNoSpecifiedTests=false}. Prints ns per particle evaluation; asserts only that
 * the velocities are finite (timings on shared machines are not pass/fail material).
 */
@EnabledIfSystemProperty(named = "thermodiff.bench", matches = "true")
class MixtureVelocityBenchmarkTest {

    @Test
    void twoDimensionalSixtyFourComponentIsotropicMixture() {
        int k = 64;
        double[] w = new double[k];
        double[][] mu = new double[k][];
        double[][][] cov = new double[k][][];
        for (int i = 0; i < k; i++) {
            double a = 3 * Math.PI * i / k; // a Swiss-roll-like spiral of narrow blobs
            double r = 0.3 + 1.2 * i / k;
            w[i] = 1.0 / k;
            mu[i] = new double[] {r * Math.cos(a), r * Math.sin(a)};
            cov[i] = new double[][] {{0.01, 0}, {0, 0.01}};
        }
        GaussianConditionalProcessNd p = GaussianConditionalProcessNd.of(new CosineSchedule(),
                new GaussianComponents(w, mu, cov), 1.0, "spiral");
        VelocityField f = p.velocity();
        int n = 100_000;
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(7L);
        int steps = 40;
        double[][] clouds = new double[steps][];
        for (int s = 0; s < steps; s++) {
            clouds[s] = p.marginalLaw((s + 0.5) / steps).pointSampler(rng).sample(n, 2);
        }
        double[] v = new double[2 * n];
        double[] div = new double[n];
        for (int rep = 0; rep < 3; rep++) {
            long start = System.nanoTime();
            for (int s = 0; s < steps; s++) {
                f.velocity((s + 0.5) / steps, clouds[s], v, 0, n);
            }
            long velocityNs = System.nanoTime() - start;
            start = System.nanoTime();
            for (int s = 0; s < steps; s++) {
                f.velocityAndDivergence((s + 0.5) / steps, clouds[s], v, div, 0, n);
            }
            long bothNs = System.nanoTime() - start;
            System.out.printf("velocity: %.1f ns/particle, velocity+divergence: %.1f ns/particle%n",
                    velocityNs / (double) (steps * n), bothNs / (double) (steps * n));
        }
        for (double x : v) {
            assertTrue(Double.isFinite(x));
        }
    }
}
