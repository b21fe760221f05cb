package org.thermodiff.pipeline;

import com.google.inject.Inject;
import io.vertx.core.Future;
import io.vertx.core.eventbus.Message;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Logger;
import org.thermodiff.experiment.Configurations;
import org.thermodiff.experiment.ExperimentPlan;
import org.thermodiff.experiment.PluginSpec;
import org.thermodiff.experiment.RunSpec;
import org.thermodiff.plugin.PluginRegistry;
import org.thermodiff.report.Numbers;
import org.thermodiff.report.RunStore;
import org.thermodiff.spi.Reporter;
import org.thermodiff.spi.metrics.BoundCheck;
import org.thermodiff.spi.metrics.MetricResult;
import org.thermodiff.spi.metrics.Series;
import org.thermodiff.spi.report.ExperimentReport;
import org.thermodiff.spi.report.RunReport;

/**
 * Stage 6: collects the outcome of every run of an experiment, completed or failed, and when the
 * last one is in, has the experiment's reporters write it. A failed run is reported with its error;
 * the others are written all the same. Publishes {@link Messages.RunSettled} after each run and
 * {@link Messages.ExperimentFinished} at the end.
 *
 * <p>Durability: each settled run is recorded in the experiment's {@link RunStore} (atomically, before
 * it counts as settled), and when an experiment starts with {@code resume}, the runs stored for the
 * same configuration are restored instead of computed; the reply says which runs remain.
 */
final class ReporterStage extends Stage {

    private static final Logger LOG = Logger.getLogger(ReporterStage.class.getName());

    /** An experiment whose runs are arriving. */
    private static final class Pending {
        final ExperimentPlan plan;
        final Path directory;
        final Map<String, Object> provenance;
        final RunStore store;
        final RunReport[] runs;
        final long started = System.nanoTime();
        int settled;

        Pending(ExperimentPlan plan, Path directory, Map<String, Object> provenance) {
            this.plan = plan;
            this.directory = directory;
            this.provenance = provenance;
            this.store = RunStore.in(directory);
            this.runs = new RunReport[plan.runs().size()];
        }
    }

    private final Map<String, Pending> experiments = new HashMap<>();

    @Inject
    ReporterStage(PluginRegistry registry) {
        super("reporter", registry);
    }

    @Override
    public Future<?> start() {
        return vertx.eventBus().consumer(Addresses.REPORTER, this::dispatch).completion();
    }

    private void dispatch(Message<Object> m) {
        Object body = m.body();
        if (body instanceof Messages.ExperimentStarted s) {
            start(s, m);
        } else if (body instanceof Messages.RunCompleted c) {
            settle(c.spec(), completed(c));
        } else if (body instanceof Messages.RunReported r) {
            RunReport report = r.report();
            settle(r.spec(), report.succeeded() ? report.at(r.spec().index(), r.spec().labels())
                    : failed(r.spec(), report.error().orElseThrow(), report.timings()));
        } else if (body instanceof Messages.RunFailed f) {
            settle(f.spec(), failed(f.spec(), new RunReport.RunError(f.stage(), f.message()), f.trace().millis()));
        } else {
            m.fail(0, "reporter stage cannot handle " + body.getClass().getSimpleName());
        }
    }

    /**
     * Registers the experiment, restores its stored runs if asked to (reading files, so off the event
     * loop), replies with the runs left to compute and settles the restored ones.
     */
    private void start(Messages.ExperimentStarted s, Message<Object> m) {
        Pending p = new Pending(s.plan(), s.directory(), s.provenance());
        blocking(() -> {
            List<RunReport> restored = new ArrayList<>();
            if (s.resume()) {
                for (RunSpec spec : s.plan().runs()) {
                    p.store.load(spec).ifPresent(restored::add);
                }
            }
            return restored;
        }).onComplete(loaded -> {
            if (loaded.failed()) {
                m.fail(0, "cannot read the stored runs of " + s.plan().name() + ": " + describe(loaded.cause()));
                return;
            }
            experiments.put(s.plan().name(), p);
            List<RunReport> restored = loaded.result();
            restored.forEach(r -> p.runs[r.index()] = r);
            List<RunSpec> todo = s.plan().runs().stream().filter(r -> p.runs[r.index()] == null).toList();
            if (!restored.isEmpty()) {
                LOG.info(s.plan().name() + ": " + restored.size() + " of " + p.runs.length + " runs restored from "
                        + s.directory().resolve(RunStore.DIRECTORY) + ", " + todo.size() + " to compute"
                        + " (--force computes them all)");
            }
            m.reply(new Messages.RunsToDo(todo));
            restored.forEach(r -> accept(p, s.plan().runs().get(r.index()), r, " (restored)"));
        });
    }

    /** The report of a failed run: its error, with the run's own configuration. */
    private static RunReport failed(RunSpec spec, RunReport.RunError error, Map<String, Long> timings) {
        return new RunReport(spec.index(), spec.labels(), spec.seed(), Map.of(), Series.empty(), List.of(),
                Optional.of(error), timings, Map.of(), Map.of(), Configurations.of(spec));
    }

    /** Merges the results of a run's metrics into one report. */
    private static RunReport completed(Messages.RunCompleted c) {
        Map<String, Object> values = new LinkedHashMap<>();
        Series series = Series.empty();
        List<BoundCheck> checks = new ArrayList<>();
        Map<String, Series> tables = new LinkedHashMap<>();
        for (MetricResult r : c.results()) {
            r.values().forEach(values::putIfAbsent);
            series = series.join(r.series());
            checks.addAll(r.checks());
            r.tables().forEach(tables::putIfAbsent);
        }
        if (!checks.stream().allMatch(BoundCheck::holds)) {
            // One metric's own verdict must not hide another metric's violated bound (DESIGN.md §4).
            values.put("bounds_hold", false);
        }
        RunSpec spec = c.spec();
        return new RunReport(spec.index(), spec.labels(), spec.seed(), values, series, checks, Optional.empty(),
                c.trace().millis(), c.diagnostics(), tables, Configurations.of(spec));
    }

    /** Records a computed run in the store, then accepts it (a store failure is logged, not fatal: results.json follows). */
    private void settle(RunSpec spec, RunReport report) {
        Pending p = experiments.get(spec.experiment());
        if (p == null || p.runs[spec.index()] != null) {
            LOG.warning("ignoring an unexpected outcome for run " + spec.id());
            return;
        }
        p.runs[spec.index()] = report;
        blocking(() -> {
            p.store.save(spec, report);
            return null;
        }).onComplete(saved -> {
            if (saved.failed()) {
                LOG.warning("cannot record run " + spec.id() + " in " + p.store + ": " + describe(saved.cause()));
            }
            accept(p, spec, report, "");
        });
    }

    private void accept(Pending p, RunSpec spec, RunReport report, String note) {
        p.settled++;
        vertx.eventBus().publish(Addresses.EVENTS, new Messages.RunSettled(spec.experiment(), spec.index(), report.succeeded(),
                summary(p, spec, report) + note));
        if (p.settled == p.runs.length) {
            experiments.remove(spec.experiment());
            finish(p);
        }
    }

    private static String summary(Pending p, RunSpec spec, RunReport report) {
        String head = p.plan.name() + ": run " + p.settled + "/" + p.runs.length + " " + spec.labels().values();
        if (!report.succeeded()) {
            RunReport.RunError e = report.error().orElseThrow();
            return head + " FAILED in " + e.stage() + ": " + e.message();
        }
        Object eta = report.values().get("eta");
        return head + " done" + (eta instanceof Double d ? ", η = " + Numbers.brief(d) : "")
                + (report.boundsHold() ? "" : ", a bound is VIOLATED");
    }

    private void finish(Pending p) {
        long wall = (System.nanoTime() - p.started) / 1_000_000;
        ExperimentReport report = new ExperimentReport(p.plan.name(), p.plan.description(), p.plan.source(), p.plan.text(),
                p.directory, p.plan.axes(), Arrays.stream(p.runs).map(Objects::requireNonNull).toList(), p.provenance, wall);
        blocking(() -> {
            List<String> errors = new ArrayList<>();
            for (PluginSpec<Reporter> spec : p.plan.reporters()) {
                try {
                    instantiate(spec).report(report);
                } catch (Exception e) {
                    errors.add("reporter '" + spec.name() + "' failed: " + describe(e));
                }
            }
            return new Messages.ExperimentFinished(report, errors);
        }).onComplete(done -> vertx.eventBus().publish(Addresses.EVENTS, done.succeeded() ? done.result()
                : new Messages.ExperimentFinished(report, List.of("reporting failed: " + describe(done.cause())))));
    }
}
