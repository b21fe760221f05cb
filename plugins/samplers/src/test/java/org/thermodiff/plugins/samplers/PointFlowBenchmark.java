package org.thermodiff.plugins.samplers;

import java.util.Locale;
import java.util.concurrent.ForkJoinPool;
import org.thermodiff.spi.sampling.PointSamplingProblem;
import org.thermodiff.spi.sampling.PointSamplingRun;
import org.thermodiff.spi.sampling.TimeGrid;

/**
 * Integrator overhead, not a test (surefire does not run it): RK4 on 10⁵ particles (two clouds of
 * 5·10⁴) × 200 steps in 2-D through the cheap spiral field of {@link ParticleSamplerNdTest}, so the
 * time is almost all stage arithmetic and block scheduling. Prints ns per particle-stage.
 *
 * <p>Run: {@code java -cp <test-classpath> org.thermodiff.plugins.samplers.PointFlowBenchmark [threads] [reps]}.
 */
final class PointFlowBenchmark {

    private PointFlowBenchmark() {
    }

    public static void main(String[] args) {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        ForkJoinPool pool = new ForkJoinPool(Math.max(1, threads - 1));
        try {
            for (int rep = 0; rep < reps; rep++) {
                ParticleSamplerNd sampler = new ParticleSamplerNd(new ParticleSamplerNd.Params(50_000, 10, PointScheme.RK4, 200,
                        1e-9, false, false, threads, false), pool);
                PointSamplingRun run = sampler.start(new PointSamplingProblem(TimeGrid.gaussLegendre(2, 1, 1),
                        new ParticleSamplerNdTest.IsotropicGaussian(2, 1), new ParticleSamplerNdTest.IsotropicGaussian(2, 0.5),
                        new ParticleSamplerNdTest.Spiral(false), rep));
                long t0 = System.nanoTime();
                run.forEachRemaining(s -> { });
                long dt = System.nanoTime() - t0;
                long stages = (Long) run.diagnostics().get("velocity_evaluations");
                System.out.printf(Locale.ROOT, "threads %d: %.3f s for %d particle-stages, %.2f ns/particle-stage%n", threads,
                        dt / 1e9, stages, (double) dt / stages);
            }
        } finally {
            pool.shutdown();
        }
    }
}
