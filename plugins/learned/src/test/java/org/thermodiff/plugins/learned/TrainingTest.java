package org.thermodiff.plugins.learned;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thermodiff.distribution.Gaussian;
import org.thermodiff.experiment.ParameterBinder;
import org.thermodiff.plugins.schedules.CondOtSchedule;
import org.thermodiff.plugins.schedules.OptimalTransportSchedule;
import org.thermodiff.process.RotatingSchedule;
import org.thermodiff.spi.Distribution;
import org.thermodiff.spi.process.EstimationProblem;
import org.thermodiff.spi.process.ForwardProcess;
import org.thermodiff.spi.process.GaussianPath;
import org.thermodiff.spi.process.TrainingLog;
import org.thermodiff.spi.process.VelocityField;

/** Reproducible training, the model cache and its key, with small networks and few steps. */
class TrainingTest {

    static final ForwardProcess FORWARD = new CondOtSchedule().forward(Gaussian.of(1, 0.5), Gaussian.STANDARD, 1.0);
    static final double[] X = {-1.5, -0.2, 0.4, 1.1, 2.3};

    @TempDir
    Path dir;

    static LearnedParams params(Path cache, Map<String, Object> overrides) {
        Map<String, Object> all = new HashMap<>(Map.of("layers", 2, "width", 16, "steps", 60, "batchSize", 64,
                "logEvery", 10, "seed", 11L, "cache", cache.toString()));
        all.putAll(overrides);
        return ParameterBinder.defaults(LearnedParams.class, all);
    }

    static VelocityField estimate(LearnedEstimator.Kind kind, LearnedParams p, ModelCache cache) {
        return new LearnedEstimator(kind, p, cache).estimate(new EstimationProblem(FORWARD, FORWARD.marginal(0),
                Gaussian.STANDARD, 5));
    }

    static double[] velocities(VelocityField f, double t) {
        double[] v = new double[X.length];
        f.velocity(t, X, v);
        return v;
    }

    /** Same seed, separate caches and caches' JVM state: the same loss curve and the same parameters, bit for bit. */
    @Test
    void trainingIsDeterministicForASeed() throws Exception {
        VelocityField a = estimate(LearnedEstimator.Kind.FLOW_MATCHING, params(dir.resolve("a"), Map.of()), new ModelCache());
        VelocityField b = estimate(LearnedEstimator.Kind.FLOW_MATCHING, params(dir.resolve("b"), Map.of()), new ModelCache());
        TrainingLog la = a.training().orElseThrow();
        TrainingLog lb = b.training().orElseThrow();
        assertFalse(la.reused());
        assertFalse(lb.reused());
        assertArrayEquals(la.loss(), lb.loss());
        assertArrayEquals(new int[] {10, 20, 30, 40, 50, 60}, la.steps());
        assertArrayEquals(Files.readAllBytes(Path.of(la.model(), "model-0000.params")),
                Files.readAllBytes(Path.of(lb.model(), "model-0000.params")));
        assertArrayEquals(velocities(a, 0.5), velocities(b, 0.5));

        VelocityField c = estimate(LearnedEstimator.Kind.FLOW_MATCHING, params(dir.resolve("c"), Map.of("seed", 12L)),
                new ModelCache());
        assertFalse(java.util.Arrays.equals(la.loss(), c.training().orElseThrow().loss()), "another seed, another curve");
    }

    /** A second estimate with the same configuration loads the stored model instead of training. */
    @Test
    void divergedTraining_isAClearErrorAndLeavesNoModel() {
        // Adam moves each weight by about the learning rate per step: at 1e15 through ReLU layers the
        // outputs overflow float within a few steps, so the loss becomes infinite or NaN.
        LearnedParams p = params(dir.resolve("diverged"), Map.of("learningRate", 1e15,
                "activation", LearnedParams.Activation.RELU));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> estimate(LearnedEstimator.Kind.FLOW_MATCHING, p, new ModelCache()));

        assertTrue(e.getMessage().contains("diverged: the loss is"), e.getMessage());
        assertTrue(e.getMessage().contains("lower 'learning-rate' (now 1.0E15) or set 'clip-gradient'"), e.getMessage());
        String[] left = dir.resolve("diverged").toFile().list();
        assertTrue(left == null || left.length == 0, "no model is cached: " + java.util.Arrays.toString(left));
    }

    @Test
    void rerunReusesTheCachedModel() {
        LearnedParams p = params(dir, Map.of());
        VelocityField first = estimate(LearnedEstimator.Kind.FLOW_MATCHING, p, new ModelCache());
        VelocityField again = estimate(LearnedEstimator.Kind.FLOW_MATCHING, p, new ModelCache()); // as a new JVM would
        TrainingLog l1 = first.training().orElseThrow();
        TrainingLog l2 = again.training().orElseThrow();
        assertTrue(l2.reused());
        assertEquals(l1.key(), l2.key());
        assertEquals(l1.seconds(), l2.seconds(), 1e-9 * l1.seconds(), "the original training time is kept");
        assertArrayEquals(l1.loss(), l2.loss(), 1e-8);
        assertArrayEquals(velocities(first, 0.3), velocities(again, 0.3));
        assertEquals(1, dir.toFile().list().length, "one model directory, no leftovers of training");
    }

    /** Runs of a sweep train concurrently: each gets its own model, identical to training it alone. */
    @Test
    void concurrentTrainingsSucceedAndMatchSerialOnes() throws Exception {
        ModelCache shared = new ModelCache();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(3);
        try {
            java.util.List<java.util.concurrent.Future<VelocityField>> futures = new java.util.ArrayList<>();
            for (long seed = 21; seed <= 23; seed++) {
                LearnedParams p = params(dir.resolve("parallel"), Map.of("seed", seed));
                futures.add(pool.submit(() -> estimate(LearnedEstimator.Kind.FLOW_MATCHING, p, shared)));
            }
            for (int i = 0; i < futures.size(); i++) {
                double[] parallel = futures.get(i).get().training().orElseThrow().loss();
                VelocityField alone = estimate(LearnedEstimator.Kind.FLOW_MATCHING,
                        params(dir.resolve("serial"), Map.of("seed", 21L + i)), new ModelCache());
                assertArrayEquals(alone.training().orElseThrow().loss(), parallel, "seed " + (21 + i));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Everything that changes training changes the key; where the cache lives does not. */
    @Test
    void keyCoversWhatAffectsTraining() {
        String base = key(params(dir, Map.of()));
        assertEquals(base, key(params(dir.resolve("elsewhere"), Map.of())));
        for (Map<String, Object> change : java.util.List.<Map<String, Object>>of(Map.of("steps", 61), Map.of("width", 17),
                Map.of("seed", 12L), Map.of("learningRate", 0.002), Map.of("activation", LearnedParams.Activation.SILU),
                Map.of("batchSize", 65), Map.of("frequencies", 3))) {
            assertNotEquals(base, key(params(dir, change)), change.toString());
        }
        ForwardProcess otherData = new CondOtSchedule().forward(Gaussian.of(1, 0.50001), Gaussian.STANDARD, 1.0);
        assertNotEquals(base, TrainingKey.of("flow-matching", params(dir, Map.of()), 11, otherData, otherData.marginal(0),
                Gaussian.STANDARD).hash());
        assertNotEquals(base, TrainingKey.of("score-matching", params(dir, Map.of()), 11, FORWARD, FORWARD.marginal(0),
                Gaussian.STANDARD).hash());
    }

    /**
     * The rotating schedule's angular rate ω = g/τ enters the key by itself, not only through the
     * process description (a process that describes itself like g = 1 but turns at g = 2 gets another
     * key); unrotated paths keep the key text they had before ω existed.
     */
    @Test
    void keyCoversTheAngularRate() {
        LearnedParams p = params(dir, Map.of());
        ForwardProcess slow = new RotatingSchedule(new CondOtSchedule(), 1).forward(FieldAccuracyTest.PLANE_DATA,
                FieldAccuracyTest.PLANE_PRIOR, 1.0);
        ForwardProcess fast = new RotatingSchedule(new CondOtSchedule(), 2).forward(FieldAccuracyTest.PLANE_DATA,
                FieldAccuracyTest.PLANE_PRIOR, 1.0);
        ForwardProcess disguised = new ForwardProcess() {
            @Override
            public double tau() {
                return fast.tau();
            }

            @Override
            public int dimension() {
                return fast.dimension();
            }

            @Override
            public Distribution marginal(double t) {
                return fast.marginal(t);
            }

            @Override
            public VelocityField velocity() {
                return fast.velocity();
            }

            @Override
            public OptionalDouble temperature(double t) {
                return fast.temperature(t);
            }

            @Override
            public Optional<GaussianPath> gaussianPath() {
                return fast.gaussianPath();
            }

            @Override
            public String describe() {
                return slow.describe();
            }
        };
        TrainingKey k1 = TrainingKey.of("flow-matching", p, 11, slow, FieldAccuracyTest.PLANE_DATA, FieldAccuracyTest.PLANE_PRIOR);
        TrainingKey k2 = TrainingKey.of("flow-matching", p, 11, fast, FieldAccuracyTest.PLANE_DATA, FieldAccuracyTest.PLANE_PRIOR);
        TrainingKey kd = TrainingKey.of("flow-matching", p, 11, disguised, FieldAccuracyTest.PLANE_DATA,
                FieldAccuracyTest.PLANE_PRIOR);
        assertNotEquals(k1.hash(), k2.hash());
        assertNotEquals(k1.hash(), kd.hash(), "ω by itself");
        assertTrue(k1.description().contains("omega=1.0000000000000000"), k1.description());
        assertFalse(TrainingKey.of("flow-matching", p, 11, FORWARD, FORWARD.marginal(0), Gaussian.STANDARD).description()
                .contains("omega"), "unrotated paths keep their keys");
    }

    private static String key(LearnedParams p) {
        return TrainingKey.of("flow-matching", p, p.seed(), FORWARD, FORWARD.marginal(0), Gaussian.STANDARD).hash();
    }

    /** Each objective belongs to its kind of schedule, and says so. */
    @Test
    void estimatorsRefuseTheWrongSchedule() {
        LearnedParams p = params(dir, Map.of());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> estimate(LearnedEstimator.Kind.OT_CFM, p, new ModelCache()));
        assertTrue(e.getMessage().contains("use it with schedule 'ot'"), e.getMessage());
        ForwardProcess ot = new OptimalTransportSchedule().forward(Gaussian.of(1, 0.5), Gaussian.STANDARD, 1.0);
        e = assertThrows(IllegalArgumentException.class, () -> new LearnedEstimator(LearnedEstimator.Kind.FLOW_MATCHING,
                p, new ModelCache()).estimate(new EstimationProblem(ot, ot.marginal(0), Gaussian.STANDARD, 5)));
        assertTrue(e.getMessage().contains("for 'ot', use ot-cfm"), e.getMessage());
    }
}
