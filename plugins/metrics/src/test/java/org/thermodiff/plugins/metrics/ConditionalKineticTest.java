package org.thermodiff.plugins.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.thermodiff.distribution.GaussianMixtureNd;
import org.thermodiff.plugins.schedules.CondOtSchedule;
import org.thermodiff.plugins.schedules.CosineSchedule;
import org.thermodiff.spi.MultivariateDistribution;
import org.thermodiff.spi.metrics.RunContext;
import org.thermodiff.spi.process.ForwardProcess;
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
        return new RunContext(Map.of(), TimeGrid.gaussLegendre(1, 4, 8), DATA, PRIOR, PRIOR, PRIOR, forward, name -> {
            throw new AssertionError("no distance needed");
        });
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
