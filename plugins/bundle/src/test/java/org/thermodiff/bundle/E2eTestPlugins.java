package org.thermodiff.bundle;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.thermodiff.distribution.Gaussian;
import org.thermodiff.spi.Distribution;
import org.thermodiff.spi.Metric;
import org.thermodiff.spi.NoParameters;
import org.thermodiff.spi.Param;
import org.thermodiff.spi.PluginFactory;
import org.thermodiff.spi.PluginFamily;
import org.thermodiff.spi.PluginModule;
import org.thermodiff.spi.Sampler;
import org.thermodiff.spi.Schedule;
import org.thermodiff.spi.metrics.BoundCheck;
import org.thermodiff.spi.metrics.MetricAccumulator;
import org.thermodiff.spi.metrics.MetricResult;
import org.thermodiff.spi.metrics.Series;
import org.thermodiff.spi.sampling.Cloud;
import org.thermodiff.spi.sampling.SamplingProblem;
import org.thermodiff.spi.sampling.SamplingRun;
import org.thermodiff.spi.sampling.Snapshot;
import org.thermodiff.spi.sampling.TimeGrid;

/**
 * Plugins that exist only on the test class path (registered in the bundle's test
 * {@code META-INF/services}), to drive the pipeline into its failure and violation paths and to
 * observe parallelism. Every name starts with {@code e2e-} so that none collides with a real plugin.
 */
public final class E2eTestPlugins extends PluginModule {

    /** Message of the {@code e2e-exploding} schedule's failure. */
    public static final String EXPLODING_MESSAGE = "e2e-exploding refuses to build a forward process";
    /** Start of the message of the {@code e2e-failing} sampler's failure. */
    public static final String FAILING_SAMPLER_MESSAGE = "e2e-failing sampler broke down after";

    @Override
    protected void configure() {
        register(PluginFamily.SCHEDULE, "e2e-exploding", PluginFactory.of(
                "test schedule whose forward process always fails", NoParameters.class, p -> new ExplodingSchedule()));
        register(PluginFamily.SAMPLER, "e2e-failing", PluginFactory.of(
                "test sampler that fails after a few snapshots", FailingSampler.Params.class, FailingSampler::new));
        register(PluginFamily.METRIC, "e2e-always-violated", PluginFactory.of(
                "test metric whose bound check x <= y always fails (2 <= 1)", NoParameters.class, p -> new ViolatedMetric()));
        register(PluginFamily.DATA, "e2e-rendezvous", PluginFactory.of(
                "test Gaussian whose creation waits until every expected run has started creating one",
                RendezvousParams.class, p -> {
                    Rendezvous.arrive();
                    return Gaussian.of(p.mean(), p.stddev());
                }));
    }

    /** A schedule whose {@link #forward} throws, as a plugin rejecting its input does. */
    static final class ExplodingSchedule implements Schedule {
        @Override
        public org.thermodiff.spi.process.ForwardProcess forward(Distribution data, Distribution prior, double tau) {
            throw new IllegalArgumentException(EXPLODING_MESSAGE);
        }
    }

    /**
     * A sampler that streams {@code after} well-formed snapshots (clouds on normal-score nodes, not
     * moved by the flow) and then throws from {@link SamplingRun#next()}, mid-stream.
     */
    static final class FailingSampler implements Sampler {

        /** @param after snapshots to deliver before failing */
        public record Params(@Param(doc = "snapshots delivered before failing", defaultValue = "3", min = 0) int after) {
        }

        private static final int NODES = 64;
        private final int after;

        FailingSampler(Params params) {
            this.after = params.after();
        }

        @Override
        public SamplingRun start(SamplingProblem problem) {
            TimeGrid grid = problem.grid();
            return new SamplingRun() {
                private int index = grid.size() - 1;
                private int delivered;

                @Override
                public boolean hasNext() {
                    return index >= 0;
                }

                @Override
                public Snapshot next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    if (delivered == after) {
                        throw new IllegalStateException(FAILING_SAMPLER_MESSAGE + " " + after + " snapshots");
                    }
                    double t = grid.time(index);
                    Snapshot s = new Snapshot(index, t, cloud(problem, problem.reverseStart(), t),
                            cloud(problem, problem.perturbedStart(), t));
                    index--;
                    delivered++;
                    return s;
                }

                @Override
                public Map<String, Object> diagnostics() {
                    return Map.of("delivered", delivered);
                }
            };
        }

        private static Cloud cloud(SamplingProblem problem, Distribution d, double t) {
            double[] x = new double[NODES];
            double[] w = new double[NODES];
            double[] v = new double[NODES];
            for (int i = 0; i < NODES; i++) {
                x[i] = d.fromNormalScore(-2.5 + 5.0 * i / (NODES - 1));
                w[i] = 1.0 / NODES;
            }
            problem.field().velocity(t, x, v);
            return Cloud.of(x, w, v);
        }
    }

    /** A metric that ignores the snapshots and reports one failing bound check, {@code 2 <= 1}. */
    static final class ViolatedMetric implements Metric {
        @Override
        public MetricAccumulator open(org.thermodiff.spi.metrics.RunContext context) {
            return new MetricAccumulator() {
                @Override
                public void accept(Snapshot snapshot) {
                }

                @Override
                public MetricResult finish() {
                    return new MetricResult(Map.of(), Series.empty(), List.of(BoundCheck.of("x<=y", "test", 2, 1, 0)));
                }
            };
        }
    }

    /**
     * Parameters of {@code e2e-rendezvous}.
     *
     * @param mean   mean
     * @param stddev standard deviation
     */
    public record RendezvousParams(
            @Param(doc = "mean", defaultValue = "0") double mean,
            @Param(doc = "standard deviation", defaultValue = "1", min = 0, exclusiveMin = true) double stddev) {
    }

    /**
     * A meeting point for runs: each {@code e2e-rendezvous} creation (done by the source stage on a
     * worker thread) waits until {@code parties} creations have started, and records whether they all
     * met in time. Runs that are not executed concurrently cannot all meet: the first one waits in vain.
     */
    public static final class Rendezvous {

        /** How long a party waits for the others before giving up (only reached when runs do not overlap). */
        static final long PATIENCE_SECONDS = 30;

        private static volatile CountDownLatch latch;
        private static final Queue<Boolean> MET = new ConcurrentLinkedQueue<>();

        private Rendezvous() {
        }

        /** Arms the rendezvous for {@code parties} runs and forgets earlier arrivals. */
        public static void expect(int parties) {
            MET.clear();
            latch = new CountDownLatch(parties);
        }

        /** Disarms it: later creations do not wait. */
        public static void disarm() {
            latch = null;
        }

        /** For each party, in arrival order: whether all parties had arrived before its patience ran out. */
        public static List<Boolean> arrivals() {
            return new ArrayList<>(MET);
        }

        static void arrive() {
            CountDownLatch l = latch;
            if (l == null) {
                return;
            }
            l.countDown();
            try {
                MET.add(l.await(PATIENCE_SECONDS, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                MET.add(false);
            }
        }
    }
}
