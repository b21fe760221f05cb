package org.thermodiff.plugins.samplers;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.thermodiff.spi.MultivariateDistribution;
import org.thermodiff.spi.Param;
import org.thermodiff.spi.Sampler;
import org.thermodiff.spi.sampling.PointSamplingProblem;
import org.thermodiff.spi.sampling.PointSamplingRun;
import org.thermodiff.spi.sampling.SamplingProblem;
import org.thermodiff.spi.sampling.SamplingRun;
import org.thermodiff.spi.sampling.Snapshot;

/**
 * Monte-Carlo clouds in {@code R^d}, the paper's method beyond one dimension: {@code N} independent
 * draws from {@code P†_0} and {@code N} from {@code P̃†_0}, weights {@code 1/N}, moved backwards in
 * time by the probability-flow ODE (Eqs. 11, 15: RK4, Heun or adaptive Dormand–Prince 5(4)) or by
 * the reverse-time SDE (Eq. 9, Euler–Maruyama). Each particle gets a batch label (draw index mod
 * {@code batches}) for error bars.
 *
 * <p>Particles are split into fixed blocks of {@value Blocks#DEFAULT_SIZE} per cloud; each block
 * draws its starting points and its Brownian increments from its own stream, derived from the run
 * seed, the cloud and the block index, and blocks run in parallel on a {@link ForkJoinPool}. Results
 * depend on the seed, never on the number of threads. Reverse-SDE particles carry no densities.
 * Not registered as a plugin yet.
 */
public final class ParticleSamplerNd implements Sampler {

    /**
     * Parameters of the n-D particle sampler.
     *
     * @param particles    particles per cloud
     * @param batches      independent batches for error bars
     * @param integrator   how particles move
     * @param steps        fixed-step schemes: at least this many steps over {@code [0, τ]}; adaptive: initial step {@code τ/steps}
     * @param tolerance    adaptive: absolute and relative tolerance
     * @param trackDensity carry {@code ln p} along each trajectory (ODE only)
     * @param exactFlow    move ODE particles by the field's closed-form flow when it has one
     * @param threads      threads working on blocks at once: 0 for the pool's parallelism plus the caller
     * @param sharedNoise  draw both clouds from the same standard-normal scores when both starts allow it
     */
    public record Params(
            @Param(doc = "particles per cloud", defaultValue = "100000", min = 2, max = 100_000_000) int particles,
            @Param(doc = "independent batches for Monte-Carlo error bars", defaultValue = "10", min = 2, max = 10_000) int batches,
            @Param(doc = "rk4 | heun | adaptive (Dormand–Prince 5(4)) for the probability-flow ODE (Eqs. 11, 15), or "
                    + "sde-euler-maruyama for the reverse-time SDE (Eq. 9)", defaultValue = "rk4") PointScheme integrator,
            @Param(doc = "rk4, heun, sde-euler-maruyama: at least this many equal steps over [0, τ]; adaptive: initial "
                    + "step τ/steps", defaultValue = "100", min = 1, max = 100_000_000) int steps,
            @Param(doc = "adaptive: absolute and relative tolerance per component", defaultValue = "1e-9", min = 0,
                    exclusiveMin = true, max = 1) double tolerance,
            @Param(doc = "carry ln p along each trajectory (d ln p/dt = −∇·ν); ODE schemes only",
                    defaultValue = "false") boolean trackDensity,
            @Param(doc = "move ODE particles along the field's exact flow when it has one instead of integrating",
                    defaultValue = "true") boolean exactFlow,
            @Param(doc = "threads working on particle blocks at once (0: the pool's parallelism plus the caller); "
                    + "results do not depend on it", defaultValue = "0", min = 0, max = 4096) int threads,
            @Param(doc = "draw particle i of both clouds from the same standard-normal scores z_i when both starts "
                    + "map N(0, I) in closed form (Gaussians, any 1-D law): the clouds start paired, and W1 between "
                    + "them is estimated with far less noise than from independent draws", defaultValue = "true")
            boolean sharedNoise) {

        public Params {
            if (batches > particles) {
                throw new IllegalArgumentException("batches (" + batches + ") must not exceed particles (" + particles + ")");
            }
            if (trackDensity && integrator == PointScheme.SDE_EULER_MARUYAMA) {
                throw new IllegalArgumentException("sde-euler-maruyama particles carry no densities: "
                        + "track-density needs an ODE integrator");
            }
        }
    }

    private final Params params;
    private final ForkJoinPool pool;
    private final int blockSize;

    /** A sampler on the common pool. */
    public ParticleSamplerNd(Params params) {
        this(params, ForkJoinPool.commonPool());
    }

    /** A sampler whose blocks run on {@code pool} (and on the calling thread). */
    public ParticleSamplerNd(Params params, ForkJoinPool pool) {
        this(params, pool, Blocks.DEFAULT_SIZE);
    }

    ParticleSamplerNd(Params params, ForkJoinPool pool, int blockSize) {
        this.params = params;
        this.pool = pool;
        this.blockSize = blockSize;
    }

    /** A 1-D problem, sampled as a point problem with {@code d = 1}. */
    @Override
    public SamplingRun start(SamplingProblem problem) {
        PointSamplingRun run = start(new PointSamplingProblem(problem.grid(), problem.reverseStart(),
                problem.perturbedStart(), problem.field(), problem.seed()));
        return new SamplingRun() {
            @Override
            public boolean hasNext() {
                return run.hasNext();
            }

            @Override
            public Snapshot next() {
                return run.next().toSnapshot();
            }

            @Override
            public Map<String, Object> diagnostics() {
                return run.diagnostics();
            }
        };
    }

    /** Draws both clouds and starts sampling; the work happens as the returned run is iterated. */
    @Override
    public PointSamplingRun start(PointSamplingProblem problem) {
        int n = params.particles();
        int d = problem.dimension();
        int workers = params.threads() > 0 ? params.threads() : pool.getParallelism() + 1;
        Blocks blocks = Blocks.over(new int[] {n, n}, blockSize, pool, workers);
        double[] x = new double[Math.multiplyExact(2 * n, d)];
        double[] lp = params.trackDensity() ? new double[2 * n] : null;
        MultivariateDistribution[] starts = {problem.reverseStart(), problem.perturbedStart()};
        Optional<MultivariateDistribution.NormalScoreMap> reverseMap = starts[0].normalScoreMap();
        Optional<MultivariateDistribution.NormalScoreMap> perturbedMap = starts[1].normalScoreMap();
        boolean shared = params.sharedNoise() && reverseMap.isPresent() && perturbedMap.isPresent();
        MultivariateDistribution.NormalScoreMap[] maps = shared
                ? new MultivariateDistribution.NormalScoreMap[] {reverseMap.get(), perturbedMap.get()} : null;
        blocks.forEach((b, from, to) -> {
            MultivariateDistribution start = starts[blocks.cloud(b)];
            MultivariateDistribution.PointSampler sampler;
            if (shared) {
                // Both clouds' blocks with the same index read the same stream: particle i gets the same z.
                NormalizedGaussianSampler normal = ZigguratSampler.NormalizedGaussian.of(
                        Streams.of(problem.seed(), Streams.DRAW, 0, blocks.indexInCloud(b)));
                MultivariateDistribution.NormalScoreMap map = maps[blocks.cloud(b)];
                double[] z = new double[d];
                sampler = (out, offset) -> {
                    for (int j = 0; j < d; j++) {
                        z[j] = normal.sample();
                    }
                    map.apply(z, 0, out, offset);
                };
            } else {
                sampler = start.pointSampler(Streams.of(problem.seed(), Streams.DRAW, blocks.cloud(b), blocks.indexInCloud(b)));
            }
            for (int i = from; i < to; i++) {
                sampler.sample(x, i * d);
                if (lp != null) {
                    lp[i] = start.logDensity(Arrays.copyOfRange(x, i * d, (i + 1) * d));
                }
            }
        });
        PointCloudFlow flow = new PointCloudFlow(problem.field(), x, lp, params.integrator(), params.steps(),
                params.tolerance(), problem.tau(), params.exactFlow(), blocks, problem.seed());
        double[] weights = new double[n];
        Arrays.fill(weights, 1.0 / n);
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % params.batches();
        }
        Map<String, Object> setup = new LinkedHashMap<>();
        setup.put("particles", n);
        setup.put("batches", params.batches());
        setup.put("dimension", d);
        setup.put("blocks", blocks.count());
        setup.put("coupling", shared ? "shared normal scores" : "independent draws");
        return new PointCloudSamplingRun(problem.grid(), flow, n, d, weights, labels, params.batches(), setup);
    }
}
