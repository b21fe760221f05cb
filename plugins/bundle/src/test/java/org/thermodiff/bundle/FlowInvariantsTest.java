package org.thermodiff.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thermodiff.Thermodiff;
import org.thermodiff.experiment.ExperimentLoader;
import org.thermodiff.experiment.ExperimentPlan;
import org.thermodiff.experiment.PluginSpec;
import org.thermodiff.experiment.RunSpec;
import org.thermodiff.plugin.PluginRegistry;
import org.thermodiff.spi.Distribution;
import org.thermodiff.spi.PluginFamily;
import org.thermodiff.spi.process.EstimationProblem;
import org.thermodiff.spi.process.ForwardProcess;
import org.thermodiff.spi.process.VelocityField;
import org.thermodiff.spi.sampling.Cloud;
import org.thermodiff.spi.sampling.SamplingProblem;
import org.thermodiff.spi.sampling.SamplingRun;
import org.thermodiff.spi.sampling.Snapshot;
import org.thermodiff.spi.sampling.TimeGrid;

/**
 * Conservation laws of the reverse and estimated processes, measured on the real plugins with the
 * sampler tracking densities along trajectories (d ln p/dt = −∂ν/∂x):
 * <ul>
 *   <li>D_t = χ²(P̃_t ‖ P_t) is constant (App. E): E_{P̃_t}[P̃_t/P_t] − 1 with P̃_t from the tracked
 *       densities and P_t from the forward process's closed-form marginal;</li>
 *   <li>the reverse cloud is the forward marginal: its tracked density equals P_t at its nodes.</li>
 * </ul>
 */
class FlowInvariantsTest {

    private static final String YAML = """
            name: invariants
            data: { type: gaussian-mixture, weights: [0.5, 0.5], means: [0.5916079783099616, -0.5916079783099616], stddevs: [0.3, 0.3] }
            sampler: { type: quadrature-1d, nodes: 512, steps: 200, track-density: true }
            time: { type: gauss-legendre, panels: 2, order: 8 }
            matrix:
              schedule: [cosine, cond-ot, ot]
              perturbation:
                - { name: mean, type: gaussian, mean: 1.0, stddev: 1.0 }
                - { name: uniform, type: uniform, low: -1.7320508075688772, high: 1.7320508075688772 }
            """;

    @TempDir
    static Path dir;
    static PluginRegistry registry;
    static ExperimentPlan plan;

    @BeforeAll
    static void load() throws Exception {
        registry = Thermodiff.injector(FlowInvariantsTest.class.getClassLoader(), 1).getInstance(PluginRegistry.class);
        Path file = dir.resolve("invariants.yaml");
        Files.writeString(file, YAML);
        plan = new ExperimentLoader(registry).load(file, OptionalLong.empty());
    }

    private static <T> T make(PluginSpec<T> spec) {
        return registry.create(spec.family(), spec.name(), spec.parameters());
    }

    /**
     * D_t constant to 1e-8 relative over the whole flow, for every schedule and both a smooth and a
     * discontinuous start. Error budget: RK4 at 200 steps ≈ 1e-10 on positions and log-densities,
     * 512-node quadrature ≈ 1e-10 for these integrands.
     */
    @Test
    void chiSquaredDistanceIsConservedAlongTheFlow() throws IOException {
        assertEquals(6, plan.runs().size());
        for (RunSpec spec : plan.runs()) {
            Distribution data = (Distribution) make(spec.data());     // a 1-D experiment
            Distribution prior = (Distribution) make(spec.prior());
            Distribution perturbed = (Distribution) make(spec.perturbation());
            ForwardProcess forward = make(spec.schedule()).forward(data, prior, spec.tau());
            VelocityField field = make(spec.estimator()).estimate(new EstimationProblem(forward, data, prior, 0));
            TimeGrid grid = spec.time().grid(spec.tau());
            SamplingRun run = make(spec.sampler()).start(new SamplingProblem(grid, forward.marginal(spec.tau()), perturbed,
                    field, spec.seed()));
            double d0 = registry.create(PluginFamily.DISTANCE, "chi2", defaults("chi2")).between(perturbed, forward.marginal(spec.tau()));
            double worst = 0;
            double worstDensity = 0;
            while (run.hasNext()) {
                Snapshot s = run.next();
                Distribution marginal = forward.marginal(s.t());
                worst = Math.max(worst, Math.abs(chi2(s.estimated(), marginal) - d0) / d0);
                worstDensity = Math.max(worstDensity, densityMismatch(s.reverse(), marginal));
            }
            assertTrue(worst < 1e-8, spec.id() + ": D_t drifts by " + worst + " relative to D0 = " + d0);
            assertTrue(worstDensity < 1e-8, spec.id() + ": reverse-cloud density differs from P_t by " + worstDensity);
        }
    }

    private static Record defaults(String distance) {
        return org.thermodiff.experiment.ParameterBinder.defaults(
                registry.get(PluginFamily.DISTANCE, distance).factory().parameters());
    }

    /** E_{P̃_t}[P̃_t/P_t] − 1 over the estimated cloud, P̃_t from the tracked log-densities. */
    private static double chi2(Cloud estimated, Distribution marginal) {
        double sum = 0;
        for (int i = 0; i < estimated.size(); i++) {
            double y = estimated.positions()[i];
            sum += estimated.weights()[i] * Math.exp(estimated.logDensities()[i]) / marginal.density(y);
        }
        return sum - 1;
    }

    /** Largest |ln p_tracked − ln P_t| over the central 99.99% of the reverse cloud. */
    private static double densityMismatch(Cloud reverse, Distribution marginal) {
        double worst = 0;
        double mass = 0;
        for (int i = 0; i < reverse.size(); i++) {
            mass += reverse.weights()[i];
            if (mass < 5e-5 || mass > 1 - 5e-5) {
                continue;
            }
            double x = reverse.positions()[i];
            worst = Math.max(worst, Math.abs(reverse.logDensities()[i] - Math.log(marginal.density(x))));
        }
        return worst;
    }
}
