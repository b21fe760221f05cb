package org.thermodiff.plugins.samplers;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.math3.util.MathArrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.thermodiff.spi.Distribution;
import org.thermodiff.spi.OneDimensional;
import org.thermodiff.spi.Param;
import org.thermodiff.spi.Sampler;
import org.thermodiff.spi.sampling.SamplingProblem;
import org.thermodiff.spi.sampling.SamplingRun;

/**
 * Monte-Carlo clouds, the paper's method: {@code N} independent draws from {@code P†_0} and
 * {@code N} from {@code P̃†_0}, weights {@code 1/N}, pushed by RK4. Each particle gets a batch label
 * (draw index mod {@code batches}); metrics use the independent batches for error bars.
 *
 * <p>One seeded stream per run (XoRoShiRo128++), so results do not depend on thread count. Both
 * clouds are sorted once at the start; the monotone flow keeps them sorted.
 */
final class ParticleSampler implements Sampler, OneDimensional {

    /**
     * Parameters of {@code particles}.
     *
     * @param particles    particles per cloud
     * @param batches      independent batches for error bars
     * @param integrator   ODE integrator
     * @param steps        RK4 steps
     * @param tolerance    adaptive integrator tolerance
     * @param trackDensity carry {@code ln p} along trajectories
     * @param exactFlow    use the field's closed-form flow when it has one
     */
    record Params(
            @Param(doc = "particles per cloud", defaultValue = "100000", min = 2, max = 200_000_000) int particles,
            @Param(doc = "independent batches for Monte-Carlo error bars", defaultValue = "10", min = 2, max = 10_000) int batches,
            @Param(doc = "ODE integrator", defaultValue = "rk4") Integrator integrator,
            @Param(doc = "RK4: at least this many equal steps over [0, τ] (the paper used 100)", defaultValue = "100",
                    min = 1, max = 100_000_000) int steps,
            @Param(doc = "dormand-prince: absolute and relative tolerance", defaultValue = "1e-9", min = 0,
                    exclusiveMin = true, max = 1) double tolerance,
            @Param(doc = "carry ln p along each trajectory (d ln p/dt = −∂ν/∂x)", defaultValue = "false") boolean trackDensity,
            @Param(doc = "move particles along the field's exact flow when it has one (the 'ot' schedule's straight "
                    + "lines) instead of integrating", defaultValue = "true") boolean exactFlow) {

        public Params {
            if (batches > particles) {
                throw new IllegalArgumentException("batches (" + batches + ") must not exceed particles (" + particles + ")");
            }
        }
    }

    private final Params params;

    ParticleSampler(Params params) {
        this.params = params;
    }

    @Override
    public SamplingRun start(SamplingProblem problem) {
        int n = params.particles();
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(problem.seed());
        double[][] reverse = draw(problem.reverseStart(), rng, n);
        double[][] estimated = draw(problem.perturbedStart(), rng, n);
        double[] weights = new double[n];
        java.util.Arrays.fill(weights, 1.0 / n);
        double[] logDensities = null;
        if (params.trackDensity()) {
            logDensities = new double[2 * n];
            for (int i = 0; i < n; i++) {
                logDensities[i] = Math.log(problem.reverseStart().density(reverse[0][i]));
                logDensities[n + i] = Math.log(problem.perturbedStart().density(estimated[0][i]));
            }
        }
        CloudFlow flow = new CloudFlow(problem.field(), 2 * n, params.trackDensity(), params.integrator(), params.steps(),
                params.tolerance(), problem.tau(), params.exactFlow());
        Map<String, Object> setup = new LinkedHashMap<>();
        setup.put("particles", n);
        setup.put("batches", params.batches());
        return new CloudSamplingRun(problem.grid(), flow, reverse[0], estimated[0], weights, weights, logDensities,
                labels(reverse[1]), labels(estimated[1]), params.batches(), setup);
    }

    /** {@code n} sorted draws ({@code [0]}) and their batch labels ({@code [1]}). */
    private double[][] draw(Distribution distribution, UniformRandomProvider rng, int n) {
        ContinuousSampler sampler = distribution.sampler(rng);
        double[] x = new double[n];
        double[] batch = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = sampler.sample();
            batch[i] = i % params.batches();
        }
        MathArrays.sortInPlace(x, batch);
        return new double[][] {x, batch};
    }

    private static int[] labels(double[] batch) {
        int[] out = new int[batch.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (int) batch[i];
        }
        return out;
    }
}
