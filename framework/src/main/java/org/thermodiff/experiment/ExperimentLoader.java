package org.thermodiff.experiment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.commons.rng.simple.RandomSource;
import org.thermodiff.plugin.PluginRegistry;
import org.thermodiff.spi.Distribution;
import org.thermodiff.spi.Metric;
import org.thermodiff.spi.MultivariateDistribution;
import org.thermodiff.spi.ExactFieldEstimator;
import org.thermodiff.spi.OneDimensional;
import org.thermodiff.spi.PluginFamily;
import org.thermodiff.spi.Registration;
import org.thermodiff.spi.Reporter;
import org.thermodiff.spi.report.MatrixReferences;
import org.thermodiff.yaml.InputException;
import org.thermodiff.yaml.Mark;
import org.thermodiff.yaml.YamlList;
import org.thermodiff.yaml.YamlLoader;
import org.thermodiff.yaml.YamlMap;
import org.thermodiff.yaml.YamlNode;
import org.thermodiff.yaml.YamlScalar;

/**
 * Reads an experiment file, expands its {@code matrix:} into runs and binds every plugin and
 * parameter, collecting all problems before failing.
 *
 * <pre>{@code
 * name: fig4
 * tau: 1.0
 * data:      { type: gaussian-mixture, weights: [0.5, 0.5], means: [...], stddevs: [0.3, 0.3] }
 * prior:     { type: gaussian, mean: 0, stddev: 1 }
 * estimator: analytic
 * sampler:   { type: quadrature-1d, nodes: 1024 }
 * matrix:
 *   schedule: [cosine, cond-ot, ot]
 *   perturbation:
 *     - { name: gaussian-mean, type: gaussian, mean: 1.0, stddev: 1.0 }
 * report: [table, json, csv]
 * }</pre>
 *
 * <p>A matrix axis is a top-level key ({@code schedule}, {@code tau}, {@code seed} …) or a dotted
 * path into a plugin's parameters ({@code sampler.nodes}); every combination of axis values is a
 * run, labelled by the plugin name, the {@code name:} of a map, or the scalar value.
 *
 * <p>Two words inside {@code matrix:} are not axes. {@code exclude:} is a list of maps from axes to
 * values (matched by label, so a map entry by its {@code name:}); every combination that has all of
 * a row's values is dropped. {@code include:} is a list of maps, each one extra run after the
 * combinations: the base document with the row's keys (axes, top-level keys or dotted paths, as for
 * an axis value) set, labelled by the row's value of every axis, which it must therefore give:
 *
 * <pre>{@code
 * matrix:
 *   schedule: [cosine, cond-ot, ot]
 *   perturbation: [...]
 *   exclude:
 *     - { schedule: cosine, perturbation: uniform }
 *   include:
 *     - { schedule: { type: ot, name: ot-cfm }, perturbation: uniform, estimator: { type: ot-cfm, steps: 2000 } }
 * }</pre>
 *
 * <p>Runs are numbered from 0 in that order (the combinations, first axis outermost, then the
 * included rows); a run's seed derives from the experiment seed and its labels only.
 */
public final class ExperimentLoader {

    /** Top-level keys, in the order documented. */
    public static final List<String> KEYS = List.of("name", "description", "tau", "seed", "data", "prior", "perturbation",
            "schedule", "estimator", "sampler", "time", "metrics", "report", "matrix");

    /** Top-level keys that cannot be matrix axes. */
    static final Set<String> NOT_SWEEPABLE = Set.of("name", "description", "matrix", "report");
    /** The words inside {@code matrix:} that are not axes: the runs it adds and the combinations it drops. */
    static final String INCLUDE = "include";
    static final String EXCLUDE = "exclude";
    private static final Set<String> PLUGIN_RESERVED = Set.of("type", "name");
    /** What an experiment name may be (it is also a directory name). */
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    static final Map<String, Class<? extends TimeRule>> TIME_RULES =
            Map.of("gauss-legendre", TimeRule.GaussLegendre.class, "uniform", TimeRule.Uniform.class);

    /** Defaults of the optional plugin keys. */
    static final String DEFAULT_PRIOR = "gaussian";
    static final String DEFAULT_ESTIMATOR = "analytic";
    static final String DEFAULT_SAMPLER = "quadrature-1d";
    static final String DEFAULT_TIME = "gauss-legendre";
    static final List<String> DEFAULT_METRICS = List.of("speed-accuracy");
    static final List<String> DEFAULT_REPORT = List.of("table", "json", "csv");
    static final double DEFAULT_TAU = 1.0;
    static final long DEFAULT_SEED = 20240707L;

    private final PluginRegistry registry;
    private final ParameterBinder binder;

    /** A loader resolving plugins against {@code registry}. */
    public ExperimentLoader(PluginRegistry registry) {
        this.registry = registry;
        this.binder = new ParameterBinder(key -> PluginFamily.ALL.stream().filter(f -> f.key().equals(key)).findFirst()
                .map(registry::names).orElse(Set.of()));
    }

    /**
     * Loads and validates {@code file}.
     *
     * @param file         the YAML experiment
     * @param seedOverride replaces the file's {@code seed} when present
     * @throws InputException listing every problem found
     */
    public ExperimentPlan load(Path file, OptionalLong seedOverride) throws InputException {
        YamlNode root = YamlLoader.load(file);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            text = "";
        }
        return plan(file, text, root, seedOverride);
    }

    /**
     * Validates an experiment given as text (a cluster worker receives the coordinator's file this way).
     *
     * @param file         where the text comes from: problems name it, and relative paths in it resolve against it
     * @param text         the YAML experiment
     * @param seedOverride replaces the file's {@code seed} when present
     * @throws InputException listing every problem found
     */
    public ExperimentPlan parse(Path file, String text, OptionalLong seedOverride) throws InputException {
        return plan(file, text, YamlLoader.parse(file, text), seedOverride);
    }

    private ExperimentPlan plan(Path file, String text, YamlNode root, OptionalLong seedOverride) throws InputException {
        Problems problems = new Problems();
        if (!(root instanceof YamlMap doc)) {
            problems.add(root.mark(), "", "expected a map of experiment keys (" + String.join(", ", KEYS) + "), found " + root.kind());
            problems.throwIfAny();
            throw new AssertionError();
        }
        for (String key : doc.keys()) {
            if (!KEYS.contains(key)) {
                problems.add(doc.keyMark(key), key, "unknown key '" + key + "'." + Suggestions.hint(key, KEYS)
                        + " Allowed: " + String.join(", ", KEYS));
            }
        }
        String name = requiredName(doc, problems);
        String description = doc.get("description").filter(n -> n instanceof YamlScalar s && s.value() != null)
                .map(n -> ((YamlScalar) n).text()).orElse("");
        long seed = seedOverride.isPresent() ? seedOverride.getAsLong()
                : doc.get("seed").map(n -> longValue(n, "seed", problems)).orElse(DEFAULT_SEED);

        int beforeMatrix = problems.size();
        Matrix matrix = matrix(doc, problems);
        boolean badMatrix = problems.size() > beforeMatrix;
        // A broken matrix has no axes to check references against; its problems say why.
        List<PluginSpec<Reporter>> reporters = pluginList(PluginFamily.REPORTER, doc.get("report"), "report", DEFAULT_REPORT,
                doc.mark(), problems, badMatrix ? (item, path, spec) -> { } : matrixReferences(matrix, problems));
        if (badMatrix) {
            // Expanding a broken matrix would only add confusing problems; everything else is still checked.
            problems.throwIfAny();
        }

        YamlMap base = doc.without("matrix");
        if (seedOverride.isPresent()) {
            // The override replaces the file's seed for the runs too (a 'seed' matrix axis still applies).
            base = base.without("seed");
        }
        List<Axis> axes = matrix.axes();
        List<RunSpec> runs = new ArrayList<>();
        Map<Map<String, String>, Integer> seen = new LinkedHashMap<>();
        int index = 0;
        int count = axes.stream().mapToInt(a -> a.values().size()).reduce(1, Math::multiplyExact);
        for (int combination = 0; combination < count; combination++) {
            int rest = combination;
            int[] picks = new int[axes.size()];
            for (int a = axes.size() - 1; a >= 0; a--) {
                picks[a] = rest % axes.get(a).values().size();
                rest /= axes.get(a).values().size();
            }
            if (matrix.excludes().stream().anyMatch(e -> e.matches(picks))) {
                continue;
            }
            YamlMap tree = base;
            Map<String, String> labels = new LinkedHashMap<>();
            for (int a = 0; a < axes.size(); a++) {
                Axis axis = axes.get(a);
                YamlNode value = axis.values().get(picks[a]);
                tree = set(tree, axis.path(), axis.mark(), value);
                labels.put(axis.name(), label(value));
            }
            Integer other = seen.putIfAbsent(labels, index);
            if (other != null) {
                problems.add(axes.get(0).mark(), "matrix", "runs " + other + " and " + index + " have the same labels "
                        + labels + "; give map entries distinct 'name:' keys");
            } else {
                bindRun(name, index, labels, tree, seed, problems).ifPresent(runs::add);
            }
            index++;
        }
        for (Inclusion include : matrix.includes()) {
            YamlMap tree = base;
            for (Setting o : include.settings()) {
                tree = set(tree, o.path(), o.keyMark(), o.value());
            }
            Integer other = seen.putIfAbsent(include.labels(), index);
            if (other != null) {
                problems.add(include.mark(), include.key(), "runs " + other + " and " + index + " have the same labels "
                        + include.labels() + "; an included run must differ from every other run in some axis: give "
                        + "its value a distinct 'name:' key, or exclude the other run");
            } else {
                bindRun(name, index, include.labels(), tree, seed, problems).ifPresent(runs::add);
            }
            index++;
        }
        if (index == 0) {
            problems.add(matrix.excludeMark(), "matrix.exclude", "every run of the matrix is excluded; nothing would run");
        }
        problems.throwIfAny();
        return new ExperimentPlan(name, description, file, text, axes.stream().map(Axis::name).collect(Collectors.toList()),
                runs, reporters, seed);
    }

    /**
     * A matrix: its axes, the rows of {@code exclude:} and the runs of {@code include:}.
     *
     * @param excludeMark where {@code exclude:} is written (or the matrix, or the document)
     */
    private record Matrix(List<Axis> axes, List<Exclusion> excludes, List<Inclusion> includes, Mark excludeMark) {
    }

    /** One matrix axis. */
    private record Axis(String name, List<String> path, Mark mark, List<YamlNode> values) {
    }

    /**
     * One row of {@code exclude:}: for some axes (by position), the values (by position) it drops. A
     * combination is dropped when every axis of the row has one of the row's values.
     */
    private record Exclusion(Map<Integer, Set<Integer>> values) {
        boolean matches(int[] picks) {
            return values.entrySet().stream().allMatch(e -> e.getValue().contains(picks[e.getKey()]));
        }
    }

    /**
     * One row of {@code include:}: an extra run.
     *
     * @param key       {@code matrix.include[i]}, for problems
     * @param mark      where the row starts
     * @param settings  what it sets, top-level keys before the dotted paths into them
     * @param labels    the run's label on every axis, in axis order
     */
    private record Inclusion(String key, Mark mark, List<Setting> settings, Map<String, String> labels) {
    }

    /** A key of an include row, as a path, and its value. */
    private record Setting(String key, List<String> path, Mark keyMark, YamlNode value) {
    }

    private Matrix matrix(YamlMap doc, Problems problems) {
        Optional<YamlNode> node = doc.get("matrix");
        if (node.isEmpty()) {
            return new Matrix(List.of(), List.of(), List.of(), doc.mark());
        }
        if (!(node.get() instanceof YamlMap m)) {
            problems.add(node.get().mark(), "matrix", "expected a map from keys to lists of values, found " + node.get().kind());
            return new Matrix(List.of(), List.of(), List.of(), node.get().mark());
        }
        int before = problems.size();
        List<Axis> axes = new ArrayList<>();
        for (String key : m.keys()) {
            if (key.equals(INCLUDE) || key.equals(EXCLUDE)) {
                continue;
            }
            Mark mark = m.keyMark(key);
            Optional<String> wrong = unsweepable(key);
            if (wrong.isPresent()) {
                problems.add(mark, "matrix." + key, "cannot sweep '" + key + "'." + wrong.get() + " A matrix axis is one of "
                        + String.join(", ", sweepable()) + ", or a dotted path to a plugin parameter such as sampler.nodes"
                        + " (and 'include' and 'exclude' add and drop runs)");
                continue;
            }
            YamlNode values = m.get(key).orElseThrow();
            if (!(values instanceof YamlList list) || list.items().isEmpty()) {
                problems.add(values.mark(), "matrix." + key, "expected a non-empty list of values, found " + values.kind());
                continue;
            }
            axes.add(new Axis(key, List.of(key.split("\\.", -1)), mark, list.items()));
        }
        // Rows can only be checked against axes that are all valid; what does not depend on them still is.
        boolean axesValid = problems.size() == before;
        List<Exclusion> excludes = excludes(m, axes, axesValid, problems);
        List<Inclusion> includes = includes(m, axes, axesValid, problems);
        return new Matrix(axes, excludes, includes, m.keyMark(EXCLUDE));
    }

    private static List<String> sweepable() {
        return KEYS.stream().filter(k -> !NOT_SWEEPABLE.contains(k)).collect(Collectors.toList());
    }

    /** Why {@code key} is neither a sweepable top-level key nor a dotted path into one (a hint, maybe empty), or nothing. */
    private static Optional<String> unsweepable(String key) {
        List<String> path = List.of(key.split("\\.", -1));
        String head = path.get(0);
        if (!KEYS.contains(head) || NOT_SWEEPABLE.contains(head) || path.stream().anyMatch(String::isEmpty)) {
            return Optional.of(Suggestions.hint(head, sweepable()));
        }
        return Optional.empty();
    }

    /** The rows of {@code matrix.include} or {@code matrix.exclude}: maps, each with its key path; a problem for anything else. */
    private static List<Map.Entry<String, YamlMap>> rows(YamlMap matrix, String word, String what, Problems problems) {
        Optional<YamlNode> node = matrix.get(word);
        if (node.isEmpty()) {
            return List.of();
        }
        if (!(node.get() instanceof YamlList list)) {
            problems.add(node.get().mark(), "matrix." + word, "expected a list of maps, each " + what + ", found "
                    + node.get().kind());
            return List.of();
        }
        List<Map.Entry<String, YamlMap>> rows = new ArrayList<>();
        for (int i = 0; i < list.items().size(); i++) {
            YamlNode item = list.items().get(i);
            String key = "matrix." + word + "[" + i + "]";
            if (!(item instanceof YamlMap row) || row.keys().isEmpty()) {
                problems.add(item.mark(), key, "expected a non-empty map, " + what + ", found "
                        + (item instanceof YamlMap ? "an empty map" : item.kind()));
                continue;
            }
            rows.add(Map.entry(key, row));
        }
        return rows;
    }

    private static List<Exclusion> excludes(YamlMap matrix, List<Axis> axes, boolean axesValid, Problems problems) {
        List<String> names = axes.stream().map(Axis::name).toList();
        List<Exclusion> out = new ArrayList<>();
        for (Map.Entry<String, YamlMap> entry : rows(matrix, EXCLUDE, "from matrix axes to the values whose runs are dropped",
                problems)) {
            if (!axesValid) {
                continue;
            }
            YamlMap row = entry.getValue();
            Map<Integer, Set<Integer>> values = new LinkedHashMap<>();
            for (String key : row.keys()) {
                String path = entry.getKey() + "." + key;
                int a = names.indexOf(key);
                if (a < 0) {
                    problems.add(row.keyMark(key), path, "'" + key + "' is not an axis of this matrix." + Suggestions.hint(key, names)
                            + " An exclude row gives values of the axes: "
                            + (names.isEmpty() ? "(there are none)" : String.join(", ", names)));
                    continue;
                }
                YamlNode value = row.get(key).orElseThrow();
                Axis axis = axes.get(a);
                Set<Integer> matching = new HashSet<>();
                for (int v = 0; v < axis.values().size(); v++) {
                    if (sameValue(value, axis.values().get(v))) {
                        matching.add(v);
                    }
                }
                if (matching.isEmpty()) {
                    List<String> labels = axis.values().stream().map(ExperimentLoader::label).distinct().toList();
                    String written = label(value);
                    problems.add(value.mark(), path, "'" + written + "' is not a value of the axis '" + key + "'."
                            + Suggestions.hint(written, labels) + " Its values: " + String.join(", ", labels)
                            + " (a map entry is named by its 'name:', else its 'type')");
                    continue;
                }
                values.put(a, matching);
            }
            if (values.size() == row.keys().size()) {
                out.add(new Exclusion(values));
            }
        }
        return out;
    }

    /** Whether an exclude row's {@code value} names the axis value {@code axisValue}: the same label, or the same number. */
    private static boolean sameValue(YamlNode value, YamlNode axisValue) {
        if (label(value).equals(label(axisValue))) {
            return true;
        }
        return value instanceof YamlScalar s && axisValue instanceof YamlScalar t
                && s.value() instanceof Number x && t.value() instanceof Number y && x.doubleValue() == y.doubleValue();
    }

    private static List<Inclusion> includes(YamlMap matrix, List<Axis> axes, boolean axesValid, Problems problems) {
        List<Inclusion> out = new ArrayList<>();
        List<Map.Entry<String, YamlMap>> rows = rows(matrix, INCLUDE, "the keys of one extra run (every matrix axis and any "
                + "other key to override)", problems);
        if (!rows.isEmpty() && axesValid && axes.isEmpty()) {
            problems.add(matrix.keyMark(INCLUDE), "matrix." + INCLUDE, "an included run is labelled by its values of the "
                    + "matrix axes, and this matrix has none; give at least one axis");
            return out;
        }
        for (Map.Entry<String, YamlMap> entry : rows) {
            YamlMap row = entry.getValue();
            int before = problems.size();
            List<Setting> settings = new ArrayList<>();
            for (String key : row.keys()) {
                Optional<String> wrong = unsweepable(key);
                if (wrong.isPresent()) {
                    problems.add(row.keyMark(key), entry.getKey() + "." + key, "cannot set '" + key + "' in an included run."
                            + wrong.get() + " A key of an include row is a matrix axis or one of "
                            + String.join(", ", sweepable()) + ", or a dotted path to a plugin parameter such as sampler.nodes");
                    continue;
                }
                YamlNode value = row.get(key).orElseThrow();
                if (value instanceof YamlScalar) {
                    // A scalar that labels a value of the axis stands for that value: 'perturbation: uniform' is
                    // the entry named uniform, not the plugin of that name with its defaults.
                    value = axes.stream().filter(a -> a.name().equals(key)).flatMap(a -> a.values().stream())
                            .filter(v -> sameValue(row.get(key).orElseThrow(), v)).findFirst().orElse(value);
                }
                settings.add(new Setting(key, List.of(key.split("\\.", -1)), row.keyMark(key), value));
            }
            if (!axesValid) {
                continue;
            }
            List<String> missing = axes.stream().map(Axis::name).filter(a -> !row.keys().contains(a)).toList();
            if (!missing.isEmpty()) {
                problems.add(row.mark(), entry.getKey(), "an included run needs a value for every matrix axis (they label it); "
                        + "missing: " + String.join(", ", missing) + ". Axes: "
                        + axes.stream().map(Axis::name).collect(Collectors.joining(", ")));
            }
            if (problems.size() > before) {
                continue;
            }
            // A whole plugin first, then the dotted paths that change its parameters, whatever the row's order.
            settings.sort(Comparator.comparingInt(o -> o.path().size()));
            Map<String, String> labels = new LinkedHashMap<>();
            for (Axis axis : axes) {
                settings.stream().filter(o -> o.key().equals(axis.name())).findFirst()
                        .ifPresent(o -> labels.put(axis.name(), label(o.value())));
            }
            out.add(new Inclusion(entry.getKey(), row.mark(), settings, labels));
        }
        return out;
    }

    /** Sets {@code path} in {@code tree}; a plugin given by bare name becomes {@code {type: name}} first. */
    private static YamlMap set(YamlMap tree, List<String> path, Mark mark, YamlNode value) {
        String head = path.get(0);
        if (path.size() == 1) {
            return tree.with(head, mark, value);
        }
        YamlNode child = tree.get(head).orElse(null);
        YamlMap childMap;
        if (child instanceof YamlMap cm) {
            childMap = cm;
        } else if (child instanceof YamlScalar s && s.value() instanceof String) {
            childMap = new YamlMap(Map.of("type", new YamlMap.Entry(s.mark(), s)), s.mark());
        } else {
            String def = switch (head) {
                case "prior" -> DEFAULT_PRIOR;
                case "estimator" -> DEFAULT_ESTIMATOR;
                case "sampler" -> DEFAULT_SAMPLER;
                case "time" -> DEFAULT_TIME;
                default -> null;
            };
            childMap = def == null ? new YamlMap(Map.of(), mark)
                    : new YamlMap(Map.of("type", new YamlMap.Entry(mark, YamlScalar.ofString(def, mark))), mark);
        }
        return tree.with(head, mark, set(childMap, path.subList(1, path.size()), mark, value));
    }

    private static String label(YamlNode value) {
        if (value instanceof YamlMap m) {
            for (String key : List.of("name", "type")) {
                Optional<YamlNode> n = m.get(key);
                if (n.isPresent() && n.get() instanceof YamlScalar s && s.value() != null) {
                    return s.text();
                }
            }
            return "map@" + m.mark().line();
        }
        if (value instanceof YamlList l) {
            return l.items().stream().map(ExperimentLoader::label).collect(Collectors.joining(",", "[", "]"));
        }
        YamlScalar s = (YamlScalar) value;
        return s.value() == null ? "null" : s.text();
    }

    private Optional<RunSpec> bindRun(String experiment, int index, Map<String, String> labels, YamlMap tree, long seed,
                                      Problems problems) {
        int before = problems.size();
        double tau = tree.get("tau").map(n -> doubleValue(n, "tau", problems)).orElse(DEFAULT_TAU);
        long runSeed = tree.get("seed").map(n -> longValue(n, "seed", problems)).orElse(seed);
        var data = plugin(PluginFamily.DATA, tree.get("data"), "data", null, tree.mark(), problems);
        var prior = plugin(PluginFamily.DATA, tree.get("prior"), "prior", DEFAULT_PRIOR, tree.mark(), problems);
        var perturbation = plugin(PluginFamily.DATA, tree.get("perturbation"), "perturbation", null, tree.mark(), problems);
        var schedule = plugin(PluginFamily.SCHEDULE, tree.get("schedule"), "schedule", null, tree.mark(), problems);
        var estimator = plugin(PluginFamily.ESTIMATOR, tree.get("estimator"), "estimator", DEFAULT_ESTIMATOR, tree.mark(), problems);
        var sampler = plugin(PluginFamily.SAMPLER, tree.get("sampler"), "sampler", DEFAULT_SAMPLER, tree.mark(), problems);
        List<PluginSpec<Metric>> metrics = pluginList(PluginFamily.METRIC, tree.get("metrics"), "metrics", DEFAULT_METRICS,
                tree.mark(), problems);
        TimeRule time = timeRule(tree.get("time"), problems);
        if (problems.size() > before) {
            return Optional.empty();
        }
        RunSpec run = new RunSpec(experiment, index, labels, tau, deriveSeed(runSeed, labels), data.orElseThrow(),
                prior.orElseThrow(), perturbation.orElseThrow(), schedule.orElseThrow(), estimator.orElseThrow(),
                sampler.orElseThrow(), metrics, time);
        checkDimensions(run, tree, problems);
        return problems.size() > before ? Optional.empty() : Optional.of(run);
    }

    /**
     * Refuses, before anything runs, a run in {@code d > 1} dimensions whose prior or perturbation
     * has another dimension (after {@link RunLaws#inDimension}) or whose schedule, sampler or metric
     * is {@link OneDimensional}. A law that cannot be made is left to the run, which reports it.
     */
    private void checkDimensions(RunSpec run, YamlMap tree, Problems problems) {
        MultivariateDistribution data;
        try {
            data = create(run.data());
        } catch (RuntimeException e) {
            return;
        }
        int d = data.dimension();
        try {
            int least = create(run.schedule()).minimumDimension();
            if (d < least) {
                problems.add(markOf(tree, "schedule"), "schedule", "schedule '" + run.schedule().label() + "' needs data in at "
                        + "least " + least + " dimensions, but the data are " + d + "-dimensional");
            }
        } catch (RuntimeException e) {
            // reported by the run
        }
        if (d == 1) {
            return;
        }
        for (String key : List.of("prior", "perturbation")) {
            PluginSpec<MultivariateDistribution> spec = key.equals("prior") ? run.prior() : run.perturbation();
            try {
                int dimension = RunLaws.inDimension(create(spec), d).dimension();
                if (dimension != d) {
                    problems.add(markOf(tree, key), key, key + " '" + spec.label() + "' is " + dimension
                            + "-dimensional but the data are " + d + "-dimensional; give it in " + d
                            + " dimensions (a 1-D gaussian is taken isotropically)");
                }
            } catch (RuntimeException e) {
                // reported by the run
            }
        }
        oneDimensional(run.schedule(), "schedule", d, tree, problems, "the gaussian-conditional schedules (cosine, cond-ot, ve, linear-vp)");
        exactVelocity(run, d, tree, problems);
        oneDimensional(run.sampler(), "sampler", d, tree, problems, "particles-nd");
        for (PluginSpec<Metric> metric : run.metrics()) {
            oneDimensional(metric, "metrics", d, tree, problems, "speed-accuracy, samples");
        }
    }

    private void oneDimensional(PluginSpec<?> spec, String key, int d, YamlMap tree, Problems problems, String instead) {
        Object product;
        try {
            product = create(spec);
        } catch (RuntimeException e) {
            return;
        }
        if (product instanceof OneDimensional) {
            problems.add(markOf(tree, key), key, spec.family().key() + " '" + spec.label() + "' works on the real line "
                    + "only, but the data are " + d + "-dimensional (in R^d: " + instead + ")");
        }
    }

    /** An estimator that returns the exact field needs a schedule that has one in {@code R^d}. */
    private void exactVelocity(RunSpec run, int d, YamlMap tree, Problems problems) {
        try {
            if (create(run.estimator()) instanceof ExactFieldEstimator && !create(run.schedule()).hasExactVelocity(d)) {
                problems.add(markOf(tree, "estimator"), "estimator", "estimator '" + run.estimator().label()
                        + "' returns the schedule's exact velocity, but schedule '" + run.schedule().label()
                        + "' has none in closed form in " + d + " dimensions; learn it (estimator ot-cfm for ot)");
            }
        } catch (RuntimeException e) {
            // reported by the run
        }
    }

    private <T> T create(PluginSpec<T> spec) {
        return registry.create(spec.family(), spec.name(), spec.parameters());
    }

    private static Mark markOf(YamlMap tree, String key) {
        return tree.get(key).map(YamlNode::mark).orElse(tree.mark());
    }

    /**
     * The seed of one run: a SplitMix64 scramble of the experiment seed and the run's labels, so
     * that a run's random stream depends on what it is, not on its position or on thread count.
     */
    static long deriveSeed(long seed, Map<String, String> labels) {
        long h = labels.toString().hashCode();
        return RandomSource.SPLIT_MIX_64.create(seed ^ (h * 0x9E3779B97F4A7C15L)).nextLong();
    }

    private <T> Optional<PluginSpec<T>> plugin(PluginFamily<T> family, Optional<YamlNode> node, String path,
                                               String defaultName, Mark parent, Problems problems) {
        if (node.isEmpty() || node.get() instanceof YamlScalar s && s.value() == null) {
            if (defaultName == null) {
                problems.add(parent, path, "missing required key '" + path + "' (a " + family.key()
                        + " plugin, set it at top level or as a matrix axis; known: " + String.join(", ", registry.names(family)) + ")");
                return Optional.empty();
            }
            return bindPlugin(family, defaultName, new YamlMap(Map.of(), parent), parent, path, problems);
        }
        YamlNode n = node.get();
        if (n instanceof YamlScalar s) {
            return bindPlugin(family, s.text(), new YamlMap(Map.of(), s.mark()), s.mark(), path, problems);
        }
        if (n instanceof YamlMap m) {
            Optional<YamlNode> type = m.get("type");
            if (type.isEmpty() || !(type.get() instanceof YamlScalar ts) || ts.value() == null) {
                problems.add(m.mark(), path, "missing 'type': which " + family.key() + " plugin? Known: "
                        + String.join(", ", registry.names(family)));
                return Optional.empty();
            }
            return bindPlugin(family, ts.text(), m, ts.mark(), path, problems);
        }
        problems.add(n.mark(), path, "expected a " + family.key() + " name or a map with 'type', found " + n.kind());
        return Optional.empty();
    }

    private <T> Optional<PluginSpec<T>> bindPlugin(PluginFamily<T> family, String name, YamlMap params, Mark nameMark,
                                                   String path, Problems problems) {
        Optional<Registration<T>> registration = registry.find(family, name);
        if (registration.isEmpty()) {
            Set<String> known = registry.names(family);
            problems.add(nameMark, path, "unknown " + family.key() + " '" + name + "'." + Suggestions.hint(name, known)
                    + " Known: " + (known.isEmpty() ? "(none installed)" : String.join(", ", known)));
            return Optional.empty();
        }
        String label = params.get("name").filter(n -> n instanceof YamlScalar s && s.value() != null)
                .map(n -> ((YamlScalar) n).text()).orElse(name);
        String owner = family.key() + " '" + name + "'";
        return binder.bind(registration.get().factory().parameters(), params, PLUGIN_RESERVED, path, owner, problems)
                .map(p -> new PluginSpec<>(family, name, label, p));
    }

    private <T> List<PluginSpec<T>> pluginList(PluginFamily<T> family, Optional<YamlNode> node, String path,
                                               List<String> defaults, Mark parent, Problems problems) {
        return pluginList(family, node, path, defaults, parent, problems, (item, itemPath, spec) -> { });
    }

    /** {@link #pluginList} with {@code check} applied to each listed plugin once it is bound (not to defaults). */
    private <T> List<PluginSpec<T>> pluginList(PluginFamily<T> family, Optional<YamlNode> node, String path,
                                               List<String> defaults, Mark parent, Problems problems, ItemCheck<T> check) {
        List<PluginSpec<T>> out = new ArrayList<>();
        if (node.isEmpty()) {
            for (String d : defaults) {
                bindPlugin(family, d, new YamlMap(Map.of(), parent), parent, path, problems).ifPresent(out::add);
            }
            return out;
        }
        List<YamlNode> items = node.get() instanceof YamlList l ? l.items() : List.of(node.get());
        Set<String> labels = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            String itemPath = path + "[" + i + "]";
            YamlNode item = items.get(i);
            Optional<PluginSpec<T>> spec = plugin(family, Optional.of(item), itemPath, null, parent, problems);
            spec.ifPresent(s -> {
                if (!labels.add(s.label())) {
                    problems.add(node.get().mark(), path, family.key() + " '" + s.label() + "' is listed twice");
                } else {
                    out.add(s);
                    check.check(item, itemPath, s);
                }
            });
        }
        return out;
    }

    /**
     * A check of each reporter against the matrix: what its {@link MatrixReferences} parameters find
     * wrong (an axis a figure names that does not exist, say) is reported under
     * {@code report[i].<key>}, at that key's line.
     */
    private static ItemCheck<Reporter> matrixReferences(Matrix matrix, Problems problems) {
        Map<String, List<String>> axes = new LinkedHashMap<>();
        for (Axis axis : matrix.axes()) {
            Set<String> labels = new LinkedHashSet<>();
            axis.values().forEach(v -> labels.add(label(v)));
            matrix.includes().forEach(i -> labels.add(i.labels().get(axis.name())));
            labels.remove(null);
            axes.put(axis.name(), List.copyOf(labels));
        }
        return (item, path, spec) -> {
            if (spec.parameters() instanceof MatrixReferences references) {
                for (MatrixReferences.Problem p : references.check(axes)) {
                    Mark mark = item instanceof YamlMap m ? markOf(m, p.key()) : item.mark();
                    problems.add(mark, path + "." + p.key(), p.message());
                }
            }
        };
    }

    /** A further check of one plugin of a list once it is bound. */
    @FunctionalInterface
    private interface ItemCheck<T> {
        void check(YamlNode item, String path, PluginSpec<T> spec);
    }

    private TimeRule timeRule(Optional<YamlNode> node, Problems problems) {
        String rule = DEFAULT_TIME;
        YamlMap params;
        Mark mark;
        if (node.isEmpty()) {
            mark = new Mark(Path.of("<defaults>"), 1, 1);
            params = new YamlMap(Map.of(), mark);
        } else if (node.get() instanceof YamlScalar s && s.value() instanceof String name) {
            rule = name;
            mark = s.mark();
            params = new YamlMap(Map.of(), mark);
        } else if (node.get() instanceof YamlMap m) {
            mark = m.mark();
            params = m;
            Optional<YamlNode> type = m.get("type");
            if (type.isPresent() && type.get() instanceof YamlScalar ts && ts.value() != null) {
                rule = ts.text();
                mark = ts.mark();
            }
        } else {
            problems.add(node.get().mark(), "time", "expected a time rule (" + String.join(", ", TIME_RULES.keySet())
                    + ") or a map with 'type', found " + node.get().kind());
            return null;
        }
        Class<? extends TimeRule> type = TIME_RULES.get(rule);
        if (type == null) {
            problems.add(mark, "time", "unknown time rule '" + rule + "'." + Suggestions.hint(rule, TIME_RULES.keySet())
                    + " Known: " + String.join(", ", new java.util.TreeSet<>(TIME_RULES.keySet())));
            return null;
        }
        Class<? extends Record> recordType = type.asSubclass(Record.class);
        return binder.bind(recordType, params, PLUGIN_RESERVED, "time", "time rule '" + rule + "'", problems)
                .map(TimeRule.class::cast).orElse(null);
    }

    private static String requiredName(YamlMap doc, Problems problems) {
        Optional<YamlNode> node = doc.get("name");
        if (node.isEmpty()) {
            problems.add(doc.mark(), "name", "missing required key 'name' (the experiment's name, also its output directory)");
            return "";
        }
        if (!(node.get() instanceof YamlScalar s) || s.value() == null || !NAME.matcher(s.text()).matches()) {
            problems.add(node.get().mark(), "name", "expected a name of letters, digits, '.', '_' or '-', found "
                    + (node.get() instanceof YamlScalar s2 ? "'" + s2.text() + "'" : node.get().kind()));
            return "";
        }
        return s.text();
    }

    private static double doubleValue(YamlNode node, String key, Problems problems) {
        if (node instanceof YamlScalar s && (s.value() instanceof Long || s.value() instanceof Double)) {
            double d = ((Number) s.value()).doubleValue();
            if (d > 0 && Double.isFinite(d)) {
                return d;
            }
        }
        problems.add(node.mark(), key, "expected a number > 0, found " + describe(node));
        return DEFAULT_TAU;
    }

    private static long longValue(YamlNode node, String key, Problems problems) {
        if (node instanceof YamlScalar s && s.value() instanceof Long l) {
            return l;
        }
        problems.add(node.mark(), key, "expected an integer, found " + describe(node));
        return DEFAULT_SEED;
    }

    private static String describe(YamlNode node) {
        return node instanceof YamlScalar s && s.value() != null ? s.kind() + " '" + s.text() + "'" : node.kind();
    }
}
