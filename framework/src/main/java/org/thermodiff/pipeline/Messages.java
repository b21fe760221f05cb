package org.thermodiff.pipeline;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.thermodiff.experiment.ExperimentPlan;
import org.thermodiff.experiment.RunLaws;
import org.thermodiff.experiment.RunSpec;
import org.thermodiff.spi.MultivariateDistribution;
import org.thermodiff.spi.metrics.MetricResult;
import org.thermodiff.spi.process.ForwardProcess;
import org.thermodiff.spi.process.VelocityField;
import org.thermodiff.spi.report.ExperimentReport;
import org.thermodiff.spi.report.RunReport;
import org.thermodiff.spi.sampling.PointSnapshot;
import org.thermodiff.spi.sampling.TimeGrid;

/**
 * The messages of the pipeline: immutable records, passed between stages in the same JVM by a
 * {@link LocalCodec} (no copying, no serialisation).
 */
public final class Messages {

    private Messages() {
    }

    /** An unmodifiable copy that keeps the insertion order (which reports show). */
    private static <V> Map<String, V> ordered(Map<String, V> map) {
        return java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(map));
    }

    /** Key of a run, unique within one invocation: {@code <experiment>#<index>}. */
    static String key(RunSpec spec) {
        return spec.experiment() + "#" + spec.index();
    }

    /** The three distributions of a run, all of the same dimension. */
    public record Sources(MultivariateDistribution data, MultivariateDistribution prior,
                          MultivariateDistribution perturbation) {

        public Sources {
            int d = data.dimension();
            if (prior.dimension() != d || perturbation.dimension() != d) {
                throw new IllegalArgumentException("the data are " + d + "-dimensional but the prior is "
                        + prior.dimension() + "-dimensional and the perturbation " + perturbation.dimension()
                        + "-dimensional; give them in " + d + " dimensions (a 1-D gaussian is taken isotropically)");
            }
        }

        /** The sources of a run, prior and perturbation in the data's dimension ({@link RunLaws#inDimension}). */
        static Sources of(MultivariateDistribution data, MultivariateDistribution prior,
                          MultivariateDistribution perturbation) {
            int d = data.dimension();
            return new Sources(data, RunLaws.inDimension(prior, d), RunLaws.inDimension(perturbation, d));
        }
    }

    /** Runner → source: start a run. */
    public record RunRequest(RunSpec spec) {
    }

    /** Source → forward. */
    public record SourcesReady(RunSpec spec, Sources sources, Trace trace) {
    }

    /** Forward → estimator. */
    public record ForwardReady(RunSpec spec, Sources sources, ForwardProcess forward, Trace trace) {
    }

    /** Estimator → sampler. */
    public record FieldReady(RunSpec spec, Sources sources, ForwardProcess forward, VelocityField field, Trace trace) {
    }

    /** Sampler → metrics, before the first snapshot: what the metrics need besides snapshots. */
    public record SamplingStarted(RunSpec spec, Sources sources, ForwardProcess forward, VelocityField field,
                                  MultivariateDistribution reverseStart, TimeGrid grid, Trace trace) {
    }

    /** Sampler → metrics: one output time. */
    public record SnapshotReady(String run, PointSnapshot snapshot) {
    }

    /** Sampler → metrics: all snapshots sent. */
    public record SamplingFinished(String run, Map<String, Object> diagnostics, long samplerMillis) {
        public SamplingFinished {
            diagnostics = ordered(diagnostics);
        }
    }

    /** Sampler → metrics: the run failed in the sampler; drop its state. */
    public record SamplingAborted(String run) {
    }

    /** Metrics → reporter. */
    public record RunCompleted(RunSpec spec, List<MetricResult> results, Map<String, Object> diagnostics, Trace trace) {
        public RunCompleted {
            results = List.copyOf(results);
            diagnostics = ordered(diagnostics);
        }
    }

    /** Cluster coordinator → reporter: the outcome of a run computed by a worker (completed or failed). */
    public record RunReported(RunSpec spec, RunReport report) {
    }

    /** Any stage → reporter: the run failed. */
    public record RunFailed(RunSpec spec, String stage, String message, Trace trace) {
    }

    /**
     * Runner → reporter: an experiment begins; the runs of the reply will follow.
     *
     * @param resume whether runs whose results are stored for the same configuration are taken from
     *               the store instead of being computed again
     */
    public record ExperimentStarted(ExperimentPlan plan, Path directory, Map<String, Object> provenance, boolean resume) {
        public ExperimentStarted {
            provenance = ordered(provenance);
        }
    }

    /**
     * Reporter → runner, the reply to {@link ExperimentStarted}: the runs to compute, in plan order;
     * the others were restored from their stored results.
     */
    public record RunsToDo(List<RunSpec> runs) {
        public RunsToDo {
            runs = List.copyOf(runs);
        }
    }

    /**
     * Reporter → anyone (published): a run of an experiment has completed or failed.
     *
     * @param summary one line for people, e.g. {@code run 3/12 [cosine, uniform] done, η = 0.02077685}
     */
    public record RunSettled(String experiment, int index, boolean succeeded, String summary) {
    }

    /** Sampler → anyone (published): {@code done} of the {@code total} output times of a run are measured. */
    public record Progress(String experiment, int index, int done, int total) {
    }

    /** Reporter → anyone (published): an experiment's reports are written. */
    public record ExperimentFinished(ExperimentReport report, List<String> reporterErrors) {
        public ExperimentFinished {
            reporterErrors = List.copyOf(reporterErrors);
        }
    }
}
