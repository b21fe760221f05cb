package org.thermodiff.plugins.samplers;

import java.util.LinkedHashMap;
import java.util.Map;
import org.thermodiff.math.NormalScoreRule;
import org.thermodiff.spi.Distribution;
import org.thermodiff.spi.OneDimensional;
import org.thermodiff.spi.Param;
import org.thermodiff.spi.Sampler;
import org.thermodiff.spi.sampling.SamplingProblem;
import org.thermodiff.spi.sampling.SamplingRun;

/**
 * Deterministic quadrature clouds in one dimension (DESIGN.md §2): both clouds sit on the same
 * normal-score nodes {@code z_i}, at {@code x_i = Q_{P†_0}(z_i)} and {@code y_i = Q_{P̃†_0}(z_i)},
 * with the weights of a composite Gauss–Legendre rule times {@code φ(z_i)}. The flow moves nodes and
 * keeps weights, and, being monotone in 1-D, keeps the two clouds paired by their optimal coupling.
 *
 * <p>Panel breaks are put where the two starting quantile functions cross: there
 * {@code |x_i − y_i|} has a kink, and it stays at the same node for all time because the flow
 * preserves order. With the kinks on panel boundaries the rule converges geometrically in the
 * number of nodes.
 */
final class QuadratureSampler implements Sampler, OneDimensional {

    /**
     * Parameters of {@code quadrature-1d}.
     *
     * @param nodes        nodes per cloud
     * @param order        Gauss–Legendre nodes per panel
     * @param range        half-width of the normal-score interval
     * @param integrator   ODE integrator
     * @param steps        RK4: at least this many equal steps over {@code [0, τ]}
     * @param tolerance    adaptive integrator tolerance
     * @param trackDensity carry {@code ln p} along trajectories
     * @param exactFlow    use the field's closed-form flow when it has one
     */
    record Params(
            @Param(doc = "quadrature nodes per cloud (rounded up to whole panels)", defaultValue = "1024", min = 16,
                    max = 50_000_000) int nodes,
            @Param(doc = "Gauss–Legendre nodes per panel in normal-score space", defaultValue = "16", min = 1, max = 64) int order,
            @Param(doc = "half-width R of the normal-score interval [−R, R]; tail mass 2Φ(−R) is dropped",
                    defaultValue = "8.5", min = 1, max = 37) double range,
            @Param(doc = "ODE integrator", defaultValue = "rk4") Integrator integrator,
            @Param(doc = "RK4: at least this many equal steps over [0, τ] (the paper used 100)", defaultValue = "200",
                    min = 1, max = 100_000_000) int steps,
            @Param(doc = "dormand-prince: absolute and relative tolerance", defaultValue = "1e-11", min = 0,
                    exclusiveMin = true, max = 1) double tolerance,
            @Param(doc = "carry ln p along each trajectory (d ln p/dt = −∂ν/∂x)", defaultValue = "false") boolean trackDensity,
            @Param(doc = "move particles along the field's exact flow when it has one (the 'ot' schedule's straight "
                    + "lines) instead of integrating", defaultValue = "true") boolean exactFlow) {

        public Params {
            if (nodes < order) {
                throw new IllegalArgumentException("nodes (" + nodes + ") must be at least order (" + order + ")");
            }
        }
    }

    /** Intervals of the scan that locates crossings of the two starting quantile functions. */
    private static final int CROSSING_SCAN = 4096;

    private final Params params;

    QuadratureSampler(Params params) {
        this.params = params;
    }

    @Override
    public SamplingRun start(SamplingProblem problem) {
        Distribution reverse = problem.reverseStart();
        Distribution perturbed = problem.perturbedStart();
        double[] kinks = NormalScoreRule.crossings(reverse::fromNormalScore, perturbed::fromNormalScore, params.range(),
                CROSSING_SCAN);
        NormalScoreRule rule = NormalScoreRule.of(params.nodes(), params.order(), params.range(), kinks);
        double[] x = rule.map(reverse::fromNormalScore);
        double[] y = rule.map(perturbed::fromNormalScore);
        double[] weights = rule.weights();
        int n = x.length;
        double[] logDensities = null;
        if (params.trackDensity()) {
            logDensities = new double[2 * n];
            for (int i = 0; i < n; i++) {
                logDensities[i] = Math.log(reverse.density(x[i]));
                logDensities[n + i] = Math.log(perturbed.density(y[i]));
            }
        }
        CloudFlow flow = new CloudFlow(problem.field(), 2 * n, params.trackDensity(), params.integrator(), params.steps(),
                params.tolerance(), problem.tau(), params.exactFlow());
        Map<String, Object> setup = new LinkedHashMap<>();
        setup.put("nodes", n);
        setup.put("crossings", kinks.length);
        return new CloudSamplingRun(problem.grid(), flow, x, y, weights, weights, logDensities, new int[0], new int[0], 0,
                setup);
    }
}
