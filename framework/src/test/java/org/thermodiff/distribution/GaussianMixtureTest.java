package org.thermodiff.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.analysis.integration.IterativeLegendreGaussIntegrator;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.thermodiff.math.NormalScores;

class GaussianMixtureTest {

    /** The paper's data, Eq. 95. */
    static final GaussianMixture PAPER = GaussianMixture.of(new double[] {0.5, 0.5},
            new double[] {Math.sqrt(0.35), -Math.sqrt(0.35)}, new double[] {0.3, 0.3});
    /** Table I's mixture start, with c = √0.94, and a lopsided mixture with unequal widths. */
    static final GaussianMixture TRIMODAL = GaussianMixture.of(new double[] {1 / 3.0, 1 / 3.0, 1 / 3.0},
            new double[] {-1 / Math.sqrt(0.94), 0, 1 / Math.sqrt(0.94)},
            new double[] {0.3 / Math.sqrt(0.94), 0.8 / Math.sqrt(0.94), 0.3 / Math.sqrt(0.94)});
    static final GaussianMixture LOPSIDED = GaussianMixture.of(new double[] {0.9, 0.1}, new double[] {-2, 3},
            new double[] {0.2, 1.5});

    private static final IterativeLegendreGaussIntegrator QUAD = new IterativeLegendreGaussIntegrator(32, 1e-14, 1e-15);

    /** F(x) against an adaptive integral of the density, a second method. */
    @Test
    void cdfIsTheIntegralOfTheDensity() {
        for (GaussianMixture m : new GaussianMixture[] {PAPER, TRIMODAL, LOPSIDED}) {
            for (double x : new double[] {-3, -0.7, 0, 0.4, 2.5}) {
                double integral = QUAD.integrate(100_000, m::density, -20, x);
                assertEquals(integral, m.cdf(x), 1e-13, () -> m + " at " + x);
                assertEquals(1 - integral, m.survival(x), 1e-13);
            }
        }
    }

    /** Q(z) = F⁻¹(Φ(z)) with relative accuracy in both tails: F(Q(z)) = Φ(z) to 1e-12 relative at |z| ≤ 9. */
    @Test
    void normalScoreMapInvertsTheCdfInBothTails() {
        for (GaussianMixture m : new GaussianMixture[] {PAPER, TRIMODAL, LOPSIDED}) {
            double previous = Double.NEGATIVE_INFINITY;
            for (double z = -9; z <= 9; z += 0.25) {
                double x = m.fromNormalScore(z);
                assertTrue(x > previous, "Q must increase");
                previous = x;
                double lhs = z <= 0 ? m.cdf(x) : m.survival(x);
                double rhs = z <= 0 ? NormalScores.cdf(z) : NormalScores.survival(z);
                assertEquals(rhs, lhs, 1e-12 * rhs, "z = " + z);
                assertEquals(z, m.toNormalScore(x), 1e-10 * (1 + Math.abs(z)));
            }
        }
    }

    @Test
    void momentsMatchDirectIntegration() {
        for (GaussianMixture m : new GaussianMixture[] {PAPER, TRIMODAL, LOPSIDED}) {
            double mean = QUAD.integrate(100_000, x -> x * m.density(x), -30, 30);
            double second = QUAD.integrate(100_000, x -> x * x * m.density(x), -30, 30);
            assertEquals(mean, m.mean(), 1e-12);
            assertEquals(second - mean * mean, m.variance(), 1e-12);
        }
        // Table I's mixture is normalised to unit variance.
        assertEquals(1, TRIMODAL.variance(), 1e-15);
    }

    /** 4·10⁵ draws: the sample mean and variance within 5 standard errors. */
    @Test
    void samplerDrawsFromTheMixture() {
        ContinuousSampler s = LOPSIDED.sampler(RandomSource.XO_RO_SHI_RO_128_PP.create(42L));
        int n = 400_000;
        double sum = 0;
        double sumSq = 0;
        for (int i = 0; i < n; i++) {
            double x = s.sample();
            sum += x;
            sumSq += x * x;
        }
        double mean = sum / n;
        double var = sumSq / n - mean * mean;
        double sd = Math.sqrt(LOPSIDED.variance());
        assertEquals(LOPSIDED.mean(), mean, 5 * sd / Math.sqrt(n));
        // Var of the sample variance ≈ (μ4 − σ⁴)/n; bound μ4 by 10σ⁴ for this bimodal mixture.
        assertEquals(LOPSIDED.variance(), var, 5 * Math.sqrt(9) * sd * sd / Math.sqrt(n));
    }

    @Test
    void singleComponentIsExactlyGaussian() {
        GaussianMixture one = Gaussian.of(1.5, 0.7).asGaussianMixture().orElseThrow();
        for (double z : new double[] {-8, -1, 0, 2, 8}) {
            assertEquals(1.5 + 0.7 * z, one.fromNormalScore(z), 0);
        }
        assertEquals(Gaussian.of(1.5, 0.7).density(0.3), one.density(0.3), 1e-16);
    }

    @Test
    void invalidComponentsAreRejectedWithTheirName() {
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> GaussianMixture.of(new double[] {0.5, 0.6}, new double[] {0, 1}, new double[] {1, 1}))
                .getMessage().contains("sum to 1"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> GaussianMixture.of(new double[] {1}, new double[] {0, 1}, new double[] {1}))
                .getMessage().contains("same length"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> GaussianMixture.of(new double[] {1}, new double[] {0}, new double[] {0}))
                .getMessage().contains("stddevs[0]"));
    }
}
