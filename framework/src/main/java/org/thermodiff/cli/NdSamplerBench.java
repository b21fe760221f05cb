package org.thermodiff.cli;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import org.thermodiff.distribution.GaussianMixtureNd;
import org.thermodiff.plugin.PluginRegistry;
import org.thermodiff.spi.MultivariateDistribution;
import org.thermodiff.spi.PluginFamily;
import org.thermodiff.spi.Sampler;
import org.thermodiff.spi.Schedule;
import org.thermodiff.spi.process.ForwardProcess;
import org.thermodiff.spi.sampling.PointCloud;
import org.thermodiff.spi.sampling.PointSamplingProblem;
import org.thermodiff.spi.sampling.PointSamplingRun;
import org.thermodiff.spi.sampling.PointSnapshot;
import org.thermodiff.spi.sampling.TimeGrid;

/**
 * {@code thermodiff bench}, part 4: the n-D sampler. RK4 over 200 steps of the probability-flow
 * ODE (Eq. 11) with the analytic velocity of the cosine schedule (Eq. 96) on the 2-D Swiss roll as a
 * 64-component isotropic mixture ({@code swiss-roll} with {@code components: 64}), {@code particles-nd}
 * with 5·10⁴ particles per cloud — the reverse cloud from {@code P_τ = N(0, I)} and the estimated
 * one from the same prior, 10⁵ particles in all — through the objects the pipeline uses
 * ({@code schedule.forward} → its velocity, which is what the {@code analytic} estimator returns →
 * the sampler plugin), all reached by name in the plugin registry. Timed: the whole sampling run
 * (drawing the clouds, 200 RK4 steps, the snapshots), median over repetitions after one warm-up.
 *
 * <p>Baseline, in the same command: the identical run on a 1-component roll, so
 * {@code (T₆₄ − T₁)/63} is the cost of one mixture component and {@code T₁} that of integrating and
 * everything else. Accuracy: the mean and covariance of the generated reverse cloud at {@code t = 0}
 * against the data's closed-form moments, in units of their Monte-Carlo standard errors.
 */
final class NdSamplerBench {

    static final int PARTICLES_PER_CLOUD = 50_000;
    static final int STEPS = 200;
    static final int COMPONENTS = 64;

    private NdSamplerBench() {
    }

    static void run(PluginRegistry registry, int repeat, int threads, double target) {
        System.out.printf(Locale.ROOT, "%n[4] n-D sampler: particles-nd, RK4, %d steps, 2 clouds x %d particles (10^5 in all), "
                + "cosine schedule, analytic velocity, 2-D swiss-roll with %d isotropic components, one JVM%n",
                STEPS, PARTICLES_PER_CLOUD, COMPONENTS);
        Case full = new Case(registry, COMPONENTS, threads);
        Case one = new Case(registry, 1, threads);
        full.sample(); // warms up the JIT
        one.sample();
        double[] fullTimes = new double[repeat];
        double[] oneTimes = new double[repeat];
        PointCloud generated = null;
        for (int r = 0; r < repeat; r++) {
            long t0 = System.nanoTime();
            generated = full.sample();
            long t1 = System.nanoTime();
            one.sample();
            long t2 = System.nanoTime();
            fullTimes[r] = (t1 - t0) / 1e9;
            oneTimes[r] = (t2 - t1) / 1e9;
        }
        double median = BenchCommand.median(fullTimes);
        double baseline = BenchCommand.median(oneTimes);
        double evaluations = 2.0 * PARTICLES_PER_CLOUD * STEPS * 4;
        System.out.printf(Locale.ROOT, "    %d components  median %7.2f s  (min %.2f, max %.2f)  target <= %.0f s: %s%n", COMPONENTS,
                median, Arrays.stream(fullTimes).min().orElseThrow(), Arrays.stream(fullTimes).max().orElseThrow(), target,
                median <= target ? "met" : "MISSED");
        System.out.printf(Locale.ROOT, "    baseline       median %7.2f s  (the same run with 1 component)%n", baseline);
        System.out.printf(Locale.ROOT, "    %.0f velocity evaluations: %.0f ns each on %d thread(s), %.0f ns x threads; "
                + "%.2f ns per extra component%n", evaluations, median / evaluations * 1e9, full.threads,
                median / evaluations * 1e9 * full.threads, (median - baseline) / evaluations * 1e9 / (COMPONENTS - 1));
        full.accuracy(generated);
    }

    /** One configuration: data, forward process, sampler, problem. */
    private static final class Case {

        final MultivariateDistribution data;
        final Sampler sampler;
        final PointSamplingProblem problem;
        final int threads;

        Case(PluginRegistry registry, int components, int threads) {
            data = registry.createDefault(PluginFamily.DATA, "swiss-roll", Map.of("components", components));
            MultivariateDistribution prior = GaussianMixtureNd.isotropic(new double[][] {{0, 0}}, 1);
            Schedule schedule = registry.createDefault(PluginFamily.SCHEDULE, "cosine", Map.of());
            ForwardProcess forward = schedule.forward(data, prior, 1.0);
            sampler = registry.createDefault(PluginFamily.SAMPLER, "particles-nd", Map.of("particles", PARTICLES_PER_CLOUD,
                    "steps", STEPS, "exactFlow", false, "threads", threads));
            this.threads = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
            problem = new PointSamplingProblem(TimeGrid.uniform(1.0, 2), prior, prior, forward.velocity(), 20240704L);
        }

        /** The whole run; returns the reverse cloud at {@code t = 0}. */
        PointCloud sample() {
            PointSamplingRun run = sampler.start(problem);
            PointSnapshot last = null;
            while (run.hasNext()) {
                last = run.next();
            }
            if (last == null || last.t() != 0) {
                throw new IllegalStateException("the n-D sampler did not reach t = 0");
            }
            return last.reverse();
        }

        /**
         * Mean and covariance of the generated cloud against the data's closed forms, each difference
         * over its Monte-Carlo standard error {@code √(Var/n)} (for a covariance entry,
         * {@code √((Σ_ii Σ_jj + Σ_ij²)/n)}, the Gaussian value; the roll is close enough for a scale).
         */
        void accuracy(PointCloud cloud) {
            int n = cloud.size();
            double[] mean = data.meanVector();
            double[][] cov = data.covarianceMatrix();
            double[] m = new double[2];
            for (int i = 0; i < n; i++) {
                m[0] += cloud.coordinate(i, 0) / n;
                m[1] += cloud.coordinate(i, 1) / n;
            }
            double[][] c = new double[2][2];
            for (int i = 0; i < n; i++) {
                for (int a = 0; a < 2; a++) {
                    for (int b = 0; b < 2; b++) {
                        c[a][b] += (cloud.coordinate(i, a) - m[a]) * (cloud.coordinate(i, b) - m[b]) / (n - 1);
                    }
                }
            }
            double worst = 0;
            StringBuilder s = new StringBuilder();
            for (int a = 0; a < 2; a++) {
                double z = (m[a] - mean[a]) / Math.sqrt(cov[a][a] / n);
                worst = Math.max(worst, Math.abs(z));
                s.append(String.format(Locale.ROOT, " mean[%d] %.4f vs %.4f (%+.1f se);", a, m[a], mean[a], z));
            }
            for (int a = 0; a < 2; a++) {
                for (int b = a; b < 2; b++) {
                    double z = (c[a][b] - cov[a][b]) / Math.sqrt((cov[a][a] * cov[b][b] + cov[a][b] * cov[a][b]) / n);
                    worst = Math.max(worst, Math.abs(z));
                    s.append(String.format(Locale.ROOT, " cov[%d][%d] %.4f vs %.4f (%+.1f se);", a, b, c[a][b], cov[a][b], z));
                }
            }
            System.out.printf(Locale.ROOT, "    accuracy of the generated cloud at t = 0 against the data's closed form:%s "
                    + "largest |z| = %.1f (Monte-Carlo error only if about <= 3)%n", s, worst);
        }
    }
}
