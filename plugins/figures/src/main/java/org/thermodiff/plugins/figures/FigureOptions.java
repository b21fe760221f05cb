package org.thermodiff.plugins.figures;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.Collectors;
import org.thermodiff.spi.Param;
import org.thermodiff.spi.report.MatrixReferences;

/**
 * Parameters of the reporters {@code plots} and {@code report}: what the figure of metrics against
 * a numeric matrix axis ({@link AxisFigure}) shows. They are checked against the matrix when the
 * experiment loads ({@link #check}); the metrics, which only the runs know, when it is reported.
 *
 * @param axis    the matrix axis on the x axis of that figure: empty for the first axis other than
 *                {@code seed} with two or more values, all numbers; {@value #NONE} for no such figure
 * @param metrics comma-separated metric keys (as in results.json), one panel each: empty for
 *                {@link #DEFAULT_METRICS}, those of them the runs report
 * @param xScale  scale of the x axis
 * @param yScale  scale of the y axes
 */
record FigureOptions(
        @Param(doc = "matrix axis to plot metrics against (x axis of the figure 'vs-<axis>'): '' = the first axis other "
                + "than seed with two or more values, all numbers; none = no such figure", defaultValue = "''") String axis,
        @Param(doc = "comma-separated metric keys of results.json plotted against the axis, one panel each, with "
                + "<key>_stderr as error bars where reported: '' = eta, c1, c2, dissipation (those reported)",
                defaultValue = "''") String metrics,
        @Param(doc = "x axis scale: auto = logarithmic where the axis values are positive and span two decades, linear, log",
                defaultValue = "auto") Scale xScale,
        @Param(doc = "y axis scale of each panel: auto = logarithmic where the plotted values (and error bars) are positive "
                + "and span two decades, linear, log (non-positive points are then left out)", defaultValue = "auto")
                Scale yScale) implements MatrixReferences {

    /** The {@link #axis} that turns the figure off. */
    static final String NONE = "none";
    /** Plotted when {@link #metrics} is empty: the speed-accuracy relation η ≤ c₁ ≤ c₂ (Eq. 82) and ∫T·Ṡ dt (Eq. 36). */
    static final List<String> DEFAULT_METRICS = List.of("eta", "c1", "c2", "dissipation");
    /** An axis that numbers replicates rather than measures anything: never chosen automatically. */
    static final String SEED = "seed";
    /** Every parameter at its default. */
    static final FigureOptions DEFAULT = new FigureOptions("", "", Scale.AUTO, Scale.AUTO);

    /** How an axis is scaled. */
    enum Scale { AUTO, LINEAR, LOG }

    FigureOptions {
        axis = axis.strip();
        metrics = metrics.strip();
        if (!metrics.isEmpty()) {
            List<String> keys = Arrays.stream(metrics.split(",", -1)).map(String::strip).toList();
            if (keys.contains("")) {
                throw new IllegalArgumentException("metrics: empty entry in '" + metrics
                        + "'; expected metric keys separated by commas, e.g. 'eta, c1, c2, dissipation'");
            }
            if (new LinkedHashSet<>(keys).size() < keys.size()) {
                throw new IllegalArgumentException("metrics: a key is listed twice in '" + metrics + "'");
            }
        }
        if (axis.equals(NONE) && (!metrics.isEmpty() || xScale != Scale.AUTO || yScale != Scale.AUTO)) {
            throw new IllegalArgumentException("axis: none turns the figure against an axis off, so metrics, x-scale and "
                    + "y-scale have nothing to apply to; leave them out or name an axis");
        }
    }

    /** The metric keys asked for, in order; empty when the defaults apply. */
    List<String> metricKeys() {
        return metrics.isEmpty() ? List.of() : Arrays.stream(metrics.split(",")).map(String::strip).toList();
    }

    /** Whether anything but the axis was set, which needs an axis to apply to. */
    private boolean customised() {
        return !metrics.isEmpty() || xScale != Scale.AUTO || yScale != Scale.AUTO;
    }

    /**
     * The axis the figure plots against: {@link #axis} when named, else the first axis other than
     * {@value #SEED} whose labels are all numbers and at least two distinct; empty when there is none
     * or the axis is {@value #NONE}. Call {@link #check} first for a named axis.
     *
     * @param axes every matrix axis with its labels, as {@link #check} gets them
     */
    Optional<String> resolve(Map<String, List<String>> axes) {
        if (axis.equals(NONE)) {
            return Optional.empty();
        }
        if (!axis.isEmpty()) {
            return Optional.of(axis);
        }
        return axes.entrySet().stream().filter(e -> !e.getKey().equals(SEED))
                .filter(e -> numbers(e.getValue()).map(v -> Arrays.stream(v).distinct().count() >= 2).orElse(false))
                .map(Map.Entry::getKey).findFirst();
    }

    /** An axis that does not exist or is not numeric, and a logarithmic x axis over values that are not all positive. */
    @Override
    public List<Problem> check(Map<String, List<String>> axes) {
        List<Problem> problems = new ArrayList<>();
        List<String> numeric = axes.entrySet().stream().filter(e -> numbers(e.getValue()).isPresent()).map(Map.Entry::getKey)
                .toList();
        String allowed = " Allowed: " + (numeric.isEmpty() ? "" : String.join(", ", numeric) + " (the axes whose values "
                + "are all numbers), ") + "'' (the first of them other than " + SEED + "), " + NONE;
        if (axis.equals(NONE)) {
            return problems;
        }
        if (!axis.isEmpty() && !axes.containsKey(axis)) {
            problems.add(new Problem("axis", "unknown matrix axis '" + axis + "'; the axes are "
                    + (axes.isEmpty() ? "none (no matrix)" : String.join(", ", axes.keySet())) + "." + allowed));
            return problems;
        }
        if (!axis.isEmpty() && numbers(axes.get(axis)).isEmpty()) {
            List<String> words = axes.get(axis).stream().filter(l -> number(l).isEmpty()).toList();
            problems.add(new Problem("axis", "matrix axis '" + axis + "' has values that are not numbers (" + String.join(", ", words)
                    + "), so it cannot be an x axis." + allowed));
            return problems;
        }
        Optional<String> chosen = resolve(axes);
        if (chosen.isEmpty()) {
            if (customised()) {
                problems.add(new Problem("axis", "no matrix axis (other than " + SEED + ") has at least two values that are "
                        + "all numbers, so there is nothing to plot the metrics against; axes: " + describe(axes)
                        + ". Add such an axis to the matrix, or leave out metrics, x-scale and y-scale"));
            }
            return problems;
        }
        double[] values = numbers(axes.get(chosen.get())).orElseThrow();
        if (xScale == Scale.LOG && Arrays.stream(values).anyMatch(v -> v <= 0)) {
            problems.add(new Problem("x-scale", "log needs positive values of the axis '" + chosen.get() + "', which has "
                    + Arrays.stream(values).filter(v -> v <= 0).mapToObj(Style::tick).collect(Collectors.joining(", "))
                    + ". Allowed here: auto, linear"));
        }
        return problems;
    }

    /** The axes with their values, e.g. {@code schedule (cosine, cond-ot)}. */
    private static String describe(Map<String, List<String>> axes) {
        return axes.isEmpty() ? "none (no matrix)" : axes.entrySet().stream()
                .map(e -> e.getKey() + " (" + String.join(", ", e.getValue()) + ")").collect(Collectors.joining(", "));
    }

    /** Every label of an axis as a number, in order, or empty if some label is not a finite number. */
    static Optional<double[]> numbers(List<String> labels) {
        double[] out = new double[labels.size()];
        for (int i = 0; i < out.length; i++) {
            OptionalDouble v = number(labels.get(i));
            if (v.isEmpty()) {
                return Optional.empty();
            }
            out[i] = v.getAsDouble();
        }
        return Optional.of(out);
    }

    /** A label as a finite number ({@code 4096}, {@code 2.5}, {@code 1e-3}), or empty. */
    static OptionalDouble number(String label) {
        try {
            double v = Double.parseDouble(label.strip());
            // parseDouble also takes Java's "2f", "0x1p3" and "Infinity": a YAML number is none of these.
            return Double.isFinite(v) && label.strip().matches("[-+]?[0-9.]+([eE][-+]?[0-9]+)?") ? OptionalDouble.of(v)
                    : OptionalDouble.empty();
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }

    /** The labels of every axis of {@code axes} over {@code labels} (each run's), in order of first appearance. */
    static Map<String, List<String>> axisLabels(List<String> axes, List<Map<String, String>> labels) {
        Map<String, List<String>> out = new java.util.LinkedHashMap<>();
        for (String a : axes) {
            Set<String> values = new LinkedHashSet<>();
            labels.forEach(l -> {
                if (l.containsKey(a)) {
                    values.add(l.get(a));
                }
            });
            out.put(a, List.copyOf(values));
        }
        return out;
    }
}
