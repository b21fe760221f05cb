package org.thermodiff.cli;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.thermodiff.experiment.ExperimentPlan;
import org.thermodiff.pipeline.Messages;

/**
 * Shows an experiment's progress: on a terminal a progress bar counting measured time points over
 * all runs; elsewhere (a CI log, a file) plain lines — one per finished run, and every
 * {@value #PLAIN_INTERVAL_MILLIS} ms a summary while runs are in flight — with no control characters.
 */
final class ProgressDisplay implements Consumer<Object>, AutoCloseable {

    /** How progress is shown. */
    enum Mode {
        /** A bar on a terminal, plain lines otherwise. */
        AUTO,
        /** Always a bar. */
        BAR,
        /** Always plain lines. */
        PLAIN,
        /** Nothing. */
        NONE;

        /** AUTO resolved: a bar only when both output streams are a terminal and it is not a dumb one. */
        Mode resolve() {
            if (this != AUTO) {
                return this;
            }
            boolean terminal = System.console() != null && !"dumb".equals(System.getenv("TERM")) && System.getenv("CI") == null;
            return terminal ? BAR : PLAIN;
        }
    }

    static final long PLAIN_INTERVAL_MILLIS = 15_000;

    private final Mode mode;
    private final PrintStream err;
    private final String name;
    private final int runs;
    private final int timesPerRun;
    private final Map<Integer, Integer> done = new HashMap<>();
    private final ProgressBar bar;
    private int settled;
    private long lastLine = System.currentTimeMillis();

    ProgressDisplay(ExperimentPlan plan, Mode mode, PrintStream err) {
        this.mode = mode.resolve();
        this.err = err;
        this.name = plan.name();
        this.runs = plan.runs().size();
        this.timesPerRun = plan.runs().isEmpty() ? 0 : plan.runs().get(0).time().grid(plan.runs().get(0).tau()).size();
        this.bar = this.mode != Mode.BAR ? null : new ProgressBarBuilder()
                .setTaskName(name)
                .setInitialMax((long) runs * Math.max(1, timesPerRun))
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(250)
                .setConsumer(new ConsoleProgressBarConsumer(err))
                .build();
    }

    @Override
    public synchronized void accept(Object event) {
        if (event instanceof Messages.Progress p) {
            done.put(p.index(), p.done());
        } else if (event instanceof Messages.RunSettled s) {
            done.put(s.index(), Math.max(timesPerRun, done.getOrDefault(s.index(), 0)));
            settled++;
            if (mode == Mode.PLAIN) {
                err.println("[thermodiff] " + s.summary());
                lastLine = System.currentTimeMillis();
            } else if (bar != null) {
                bar.setExtraMessage(settled + "/" + runs + " runs");
            }
        }
        long measured = done.values().stream().mapToLong(Integer::longValue).sum();
        if (bar != null) {
            bar.stepTo(measured);
            if (settled == runs) {
                bar.close(); // finished: the reporters' output follows below the bar, not inside it
            }
        } else if (mode == Mode.PLAIN && System.currentTimeMillis() - lastLine >= PLAIN_INTERVAL_MILLIS) {
            err.printf(Locale.ROOT, "[thermodiff] %s: %d/%d runs done, %.0f%% of time points measured%n", name, settled, runs,
                    100.0 * measured / Math.max(1, (long) runs * timesPerRun));
            lastLine = System.currentTimeMillis();
        }
    }

    @Override
    public synchronized void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
