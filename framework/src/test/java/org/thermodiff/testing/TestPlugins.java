package org.thermodiff.testing;

import java.util.List;
import java.util.Map;
import org.thermodiff.distribution.Gaussian;
import org.thermodiff.spi.Distance;
import org.thermodiff.spi.Metric;
import org.thermodiff.spi.NoParameters;
import org.thermodiff.spi.Param;
import org.thermodiff.spi.PluginFactory;
import org.thermodiff.spi.PluginFamily;
import org.thermodiff.spi.PluginModule;
import org.thermodiff.spi.Reporter;
import org.thermodiff.spi.Sampler;
import org.thermodiff.spi.Schedule;
import org.thermodiff.spi.VelocityEstimator;
import org.thermodiff.spi.report.MatrixReferences;

/**
 * Fake plugins for the framework's own tests, discovered through
 * {@code src/test/resources/META-INF/services/org.thermodiff.spi.PluginModule}.
 *
 * <p>Their products are stubs; what matters is their parameter records, which between them use
 * every supported parameter type. Names start with {@code test-}, except those that
 * {@code ExperimentLoader} uses as defaults ({@code gaussian}, {@code analytic},
 * {@code quadrature-1d}, {@code speed-accuracy}, {@code table}, {@code json}, {@code csv}).
 */
public final class TestPlugins extends PluginModule {

    /** Every data plugin name registered here. */
    public static final String[] DATA = {"gaussian", "test-mixture", "test-uniform"};
    /** Every schedule name registered here. */
    public static final String[] SCHEDULES = {"test-cond-ot", "test-cosine", "test-ve"};

    @Override
    protected void configure() {
        // Registered out of alphabetical order on purpose: the registry must sort.
        register(PluginFamily.DATA, "test-uniform",
                PluginFactory.of("uniform on [low, high]", UniformParams.class, p -> new Gaussian(0, 1)));
        register(PluginFamily.DATA, "gaussian",
                PluginFactory.of("normal distribution", GaussianParams.class, p -> new Gaussian(p.mean(), p.stddev())));
        register(PluginFamily.DATA, "test-mixture",
                PluginFactory.of("mixture of equal-width normals", MixtureParams.class, p -> new Gaussian(0, 1)));

        register(PluginFamily.SCHEDULE, "test-ve",
                PluginFactory.of("variance exploding", VeParams.class, p -> STUB_SCHEDULE));
        register(PluginFamily.SCHEDULE, "test-cosine",
                PluginFactory.of("cosine", NoParameters.class, p -> STUB_SCHEDULE));
        register(PluginFamily.SCHEDULE, "test-cond-ot",
                PluginFactory.of("conditional OT", NoParameters.class, p -> STUB_SCHEDULE));

        register(PluginFamily.ESTIMATOR, "analytic",
                PluginFactory.of("exact velocity", NoParameters.class, p -> STUB_ESTIMATOR));
        register(PluginFamily.ESTIMATOR, "test-net",
                PluginFactory.of("a small network", NetParams.class, p -> STUB_ESTIMATOR));

        register(PluginFamily.SAMPLER, "quadrature-1d",
                PluginFactory.of("quadrature cloud", QuadratureParams.class, p -> STUB_SAMPLER));
        register(PluginFamily.SAMPLER, "test-particles",
                PluginFactory.of("Monte-Carlo cloud", ParticlesParams.class, p -> STUB_SAMPLER));

        register(PluginFamily.DISTANCE, "test-w2",
                PluginFactory.of("2-Wasserstein", W2Params.class, p -> STUB_DISTANCE));
        register(PluginFamily.DISTANCE, "test-w1",
                PluginFactory.of("1-Wasserstein", NoParameters.class, p -> STUB_DISTANCE));

        register(PluginFamily.METRIC, "speed-accuracy",
                PluginFactory.of("eta, c1, c2", SpeedAccuracyParams.class, p -> STUB_METRIC));
        register(PluginFamily.METRIC, "test-tally",
                PluginFactory.of("counts snapshots", TallyParams.class, p -> STUB_METRIC));

        for (String name : new String[] {"table", "json", "csv"}) {
            register(PluginFamily.REPORTER, name, PluginFactory.of(name + " output", NoParameters.class, p -> STUB_REPORTER));
        }
        register(PluginFamily.REPORTER, "test-sink",
                PluginFactory.of("collects reports", SinkParams.class, p -> STUB_REPORTER));
        register(PluginFamily.REPORTER, "test-sweep",
                PluginFactory.of("plots against a matrix axis", SweepParams.class, p -> STUB_REPORTER));
    }

    private static final Schedule STUB_SCHEDULE = (data, prior, tau) -> {
        throw new UnsupportedOperationException("test stub");
    };
    private static final VelocityEstimator STUB_ESTIMATOR = problem -> {
        throw new UnsupportedOperationException("test stub");
    };
    private static final Sampler STUB_SAMPLER = problem -> {
        throw new UnsupportedOperationException("test stub");
    };
    private static final Distance STUB_DISTANCE = (p, q) -> 0.0;
    private static final Metric STUB_METRIC = context -> {
        throw new UnsupportedOperationException("test stub");
    };
    private static final Reporter STUB_REPORTER = report -> {
    };

    /** An enum whose constants are written in kebab-case. */
    public enum Activation { TANH, RELU, SOFT_PLUS }

    /** An enum for the default sampler. */
    public enum Solver { EULER, RK4, DORMAND_PRINCE }

    /** {@code gaussian}: doubles with and without bounds, both defaulted. */
    public record GaussianParams(
            @Param(doc = "mean", defaultValue = "0") double mean,
            @Param(doc = "standard deviation", defaultValue = "1", min = 0, exclusiveMin = true) double stddev) {
    }

    /** {@code test-mixture}: required {@code double[]}s checked against each other. */
    public record MixtureParams(
            @Param(doc = "mixture weights", min = 0) double[] weights,
            @Param(doc = "component means") double[] means,
            @Param(doc = "common standard deviation", defaultValue = "0.3", min = 0, exclusiveMin = true) double stddev) {

        public MixtureParams {
            if (weights.length != means.length) {
                throw new IllegalArgumentException("weights and means must have the same length, got "
                        + weights.length + " and " + means.length);
            }
        }
    }

    /** {@code test-uniform}: two required doubles with a cross-field check. */
    public record UniformParams(@Param(doc = "lower end") double low, @Param(doc = "upper end") double high) {

        public UniformParams {
            if (!(low < high)) {
                throw new IllegalArgumentException("low must be < high, got low = " + low + ", high = " + high);
            }
        }
    }

    /** {@code test-ve}: camelCase components (kebab-case keys). */
    public record VeParams(
            @Param(doc = "smallest noise", defaultValue = "0.01", min = 0, exclusiveMin = true) double sigmaMin,
            @Param(doc = "largest noise", defaultValue = "10", min = 0, exclusiveMin = true) double sigmaMax) {
    }

    /** {@code test-net}: {@code int[]}, enum, a double in an open interval. */
    public record NetParams(
            @Param(doc = "hidden layer widths", defaultValue = "[8, 8]", min = 1) int[] layers,
            @Param(doc = "activation function", defaultValue = "tanh") Activation activation,
            @Param(doc = "learning rate", defaultValue = "0.001", min = 0, exclusiveMin = true, max = 1,
                    exclusiveMax = true) double learningRate) {
    }

    /** {@code quadrature-1d}: int with a minimum, enum, long. */
    public record QuadratureParams(
            @Param(doc = "number of nodes", defaultValue = "64", min = 16) int nodes,
            @Param(doc = "ODE solver", defaultValue = "rk4") Solver solver,
            @Param(doc = "most velocity evaluations", defaultValue = "1000000", min = 1) long budget) {
    }

    /** {@code test-particles}: a required int, boolean, int[] default. */
    public record ParticlesParams(
            @Param(doc = "number of particles", min = 1) int particles,
            @Param(doc = "use antithetic pairs", defaultValue = "false") boolean antithetic,
            @Param(doc = "time step", defaultValue = "0.01", min = 0, exclusiveMin = true, max = 1) double step) {
    }

    /** {@code test-w2}: a boolean defaulting to true. */
    public record W2Params(@Param(doc = "exact rather than sliced", defaultValue = "true") boolean exact) {
    }

    /** {@code speed-accuracy}: a String naming a distance plugin. */
    public record SpeedAccuracyParams(
            @Param(doc = "distance for W1", defaultValue = "test-w1", family = "distance") String distance,
            @Param(doc = "tolerance", defaultValue = "1e-9", min = 0, exclusiveMin = true) double tolerance) {
    }

    /** {@code test-tally}: a bounded int. */
    public record TallyParams(@Param(doc = "count every n-th snapshot", defaultValue = "1", min = 1, max = 100) int every) {
    }

    /** {@code test-sink}: a required free String. */
    public record SinkParams(@Param(doc = "where reports go") String target) {
    }

    /** Names a matrix axis, which must exist; the problem lists the axes with their labels as the loader gave them. */
    public record SweepParams(@Param(doc = "a matrix axis", defaultValue = "''") String axis) implements MatrixReferences {
        @Override
        public List<Problem> check(Map<String, List<String>> axes) {
            return axis.isEmpty() || axes.containsKey(axis) ? List.of()
                    : List.of(new Problem("axis", "unknown axis '" + axis + "'; axes: " + axes));
        }
    }
}
