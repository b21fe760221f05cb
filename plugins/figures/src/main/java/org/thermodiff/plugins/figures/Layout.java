package org.thermodiff.plugins.figures;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.thermodiff.spi.report.ExperimentReport;
import org.thermodiff.spi.report.RunReport;

/**
 * How the runs of an experiment are arranged in figures, after the paper's Fig. 4 and Fig. 5: one
 * group of figures per value of the axes other than the schedule (in {@code fig4}: one per
 * perturbation, as Fig. 4(b)–(e) and the four blocks of Fig. 5) and, within a group, one row (or
 * panel, or bar) per schedule.
 *
 * <p>An experiment without a {@code schedule} axis degrades to one group per run, its row named
 * after the run's schedule; one without axes is one group of one run. Failed runs are left out of
 * the figures with a note; so are groups beyond {@link #MAX_GROUPS}, which bounds the time a large
 * sweep spends drawing.
 *
 * @param rowAxis   the axis whose values name the rows ({@code schedule}), empty if there is none
 * @param groupAxes the other axes, in axis order; a group is one combination of their values
 * @param rowKeys   every row name in order of first appearance, failed runs included: a row's
 *                  colour is its position here, the same in every figure
 * @param groups    the groups with at least one completed run, in order of first appearance
 * @param notes     what was left out of the figures, and why
 */
record Layout(Optional<String> rowAxis, List<String> groupAxes, List<String> rowKeys, List<Group> groups,
              List<String> notes) {

    /** The axis whose values are rows when the experiment sweeps it. */
    static final String ROW_AXIS = "schedule";
    /** At most this many groups are drawn. */
    static final int MAX_GROUPS = 12;

    Layout {
        groupAxes = List.copyOf(groupAxes);
        rowKeys = List.copyOf(rowKeys);
        groups = List.copyOf(groups);
        notes = List.copyOf(notes);
    }

    /**
     * One group of runs: the runs that share the values of every group axis.
     *
     * @param slug  file-name-safe identifier (empty when there are no group axes)
     * @param title e.g. {@code perturbation = gaussian-mean} (empty when there are no group axes)
     * @param cells the group's completed runs, in matrix order
     */
    record Group(String slug, String title, List<Cell> cells) {
        Group {
            cells = List.copyOf(cells);
        }

        /** The file name of this group's figure of a kind: {@code <kind>__<slug>}, or {@code <kind>} without a slug. */
        String figureName(String kind) {
            return slug.isEmpty() ? kind : kind + "__" + slug;
        }
    }

    /**
     * A completed run and the name of its row.
     *
     * @param row    the row name, e.g. {@code cosine}
     * @param colour the row's position in {@link Layout#rowKeys()}
     * @param run    the run
     */
    record Cell(String row, int colour, RunReport run) {
    }

    /** The layout of {@code report}'s runs. */
    static Layout of(ExperimentReport report) {
        Optional<String> rowAxis = report.axes().contains(ROW_AXIS) ? Optional.of(ROW_AXIS) : Optional.empty();
        List<String> groupAxes = report.axes().stream().filter(a -> !a.equals(ROW_AXIS)).toList();
        Set<String> rowKeys = new LinkedHashSet<>();
        report.runs().forEach(r -> rowKeys.add(rowOf(r, rowAxis)));
        List<String> rows = List.copyOf(rowKeys);

        Map<List<String>, List<Cell>> byGroup = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        for (RunReport run : report.runs()) {
            if (!run.succeeded()) {
                RunReport.RunError e = run.error().orElseThrow();
                notes.add("run " + describe(run) + " failed in " + e.stage() + " (" + e.message() + "): left out of the figures");
                continue;
            }
            List<String> key = groupAxes.stream().map(a -> run.labels().getOrDefault(a, "")).toList();
            String row = rowOf(run, rowAxis);
            byGroup.computeIfAbsent(key, k -> new ArrayList<>()).add(new Cell(row, rows.indexOf(row), run));
        }
        List<Group> groups = new ArrayList<>();
        for (Map.Entry<List<String>, List<Cell>> e : byGroup.entrySet()) {
            if (groups.size() == MAX_GROUPS) {
                notes.add("figures are drawn for the first " + MAX_GROUPS + " of " + byGroup.size() + " groups ("
                        + String.join(" × ", groupAxes) + ")");
                break;
            }
            groups.add(new Group(slug(e.getKey()), title(groupAxes, e.getKey()), e.getValue()));
        }
        return new Layout(rowAxis, groupAxes, rows, groups, notes);
    }

    /**
     * The row name of a run: its value of the row axis; without one, the name (or type) of its
     * configured schedule; failing that, {@code run <index>}.
     */
    static String rowOf(RunReport run, Optional<String> rowAxis) {
        if (rowAxis.isPresent() && run.labels().containsKey(rowAxis.get())) {
            return run.labels().get(rowAxis.get());
        }
        if (run.configuration().get(ROW_AXIS) instanceof Map<?, ?> schedule) {
            Object name = schedule.containsKey("name") ? schedule.get("name") : schedule.get("type");
            if (name != null) {
                return name.toString();
            }
        }
        return "run " + run.index();
    }

    /** A run's labels as {@code [cosine, gaussian-mean]}, or its index when it has none. */
    static String describe(RunReport run) {
        return run.labels().isEmpty() ? "#" + run.index() : run.labels().values().toString();
    }

    private static String slug(List<String> values) {
        return values.stream().map(v -> v.replaceAll("[^A-Za-z0-9._-]+", "_")).collect(Collectors.joining("__"));
    }

    private static String title(List<String> axes, List<String> values) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < axes.size(); i++) {
            parts.add(axes.get(i) + " = " + values.get(i));
        }
        return String.join(", ", parts);
    }
}
