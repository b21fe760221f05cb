package org.thermodiff.experiment;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.thermodiff.plugin.PluginRegistry;
import org.thermodiff.spi.Param;
import org.thermodiff.spi.PluginFamily;
import org.thermodiff.spi.Registration;
import org.thermodiff.yaml.InputException;
import org.thermodiff.yaml.YamlList;
import org.thermodiff.yaml.YamlLoader;
import org.thermodiff.yaml.YamlMap;
import org.thermodiff.yaml.YamlNode;
import org.thermodiff.yaml.YamlScalar;

/**
 * The JSON Schema (draft-07) of experiment files, built from the registered plugins and their
 * parameter records, for editors (a YAML language server validates and completes experiments with
 * it) and for tests.
 *
 * <p>It follows {@link ExperimentLoader}: every top-level key with its type, default and meaning;
 * unknown keys are rejected. A plugin-valued key is a plugin name (an enum of the registered names)
 * or a map whose {@code type} selects that plugin's own definition, which lists its parameters
 * (type, range, enum, default and {@link Param#doc()}) and rejects any other key. {@code time} is a
 * rule name or a map of the rule's parameters. {@code matrix} keys are the sweepable top-level keys
 * and the dotted paths into plugin parameters ({@code sampler.nodes}); each maps to a non-empty list
 * of values valid for its target. {@code matrix.exclude} is a list of maps from such keys to values;
 * {@code matrix.include} a list of maps from such keys to one value each, valid for its target.
 *
 * <p>Name-or-map values are written {@code if: {type: object}, then: <map by type>, else: <name
 * enum>} rather than with {@code anyOf}: validators then report only the error that matters (the
 * misspelt key, not also "expected a string"), and YAML language servers complete the parameters of
 * the plugin a map's {@code type} names; {@code examples} lists the names so that editors offer them
 * for a value not yet written.
 *
 * <p>Definitions are named {@code plugin:<family>} (any plugin of a family),
 * {@code plugin:<family>:<name>} (one plugin's map), {@code plugins:<family>} (one plugin or a
 * list, for {@code metrics} and {@code report}), {@code complete:<family>} (the parameters without
 * default, required unless a dotted matrix axis of the key may supply them), {@code time},
 * {@code time:<rule>}, {@code matrix:key} (a matrix axis, or a key of an include or exclude row) and
 * {@code matrix:include} (one row of {@code include}, whose values refer to the items of the matrix
 * axes by JSON pointer).
 *
 * <p>What a schema cannot say and the loader still checks: constraints between parameters (checked
 * by the parameter records themselves, e.g. {@code low < high}), enum values written in another case
 * or with '_' (the schema expects the canonical kebab-case spelling), duplicate run labels, and
 * what rows of {@code include} and {@code exclude} need from the matrix they are in (every axis in an
 * include row; only its axes, with their values, in an exclude row).
 */
public final class ExperimentSchema {

    /** The JSON Schema dialect. */
    public static final String DRAFT_07 = "http://json-schema.org/draft-07/schema#";

    /** Where generated definitions are referenced from. */
    private static final String DEFINITIONS = "#/definitions/";

    /** A plugin-valued top-level key: its family, whether it takes a list, and its default (null: required). */
    private record PluginKey(String key, PluginFamily<?> family, boolean list, Object defaultValue) {
    }

    private static final List<PluginKey> PLUGIN_KEYS = List.of(
            new PluginKey("data", PluginFamily.DATA, false, null),
            new PluginKey("prior", PluginFamily.DATA, false, ExperimentLoader.DEFAULT_PRIOR),
            new PluginKey("perturbation", PluginFamily.DATA, false, null),
            new PluginKey("schedule", PluginFamily.SCHEDULE, false, null),
            new PluginKey("estimator", PluginFamily.ESTIMATOR, false, ExperimentLoader.DEFAULT_ESTIMATOR),
            new PluginKey("sampler", PluginFamily.SAMPLER, false, ExperimentLoader.DEFAULT_SAMPLER),
            new PluginKey("metrics", PluginFamily.METRIC, true, ExperimentLoader.DEFAULT_METRICS),
            new PluginKey("report", PluginFamily.REPORTER, true, ExperimentLoader.DEFAULT_REPORT));

    /** What each top-level key means. */
    private static final Map<String, String> KEY_DOCS = Map.ofEntries(
            Map.entry("name", "the experiment's name, also its output directory <out>/<name>: letters, digits, '.', '_' "
                    + "or '-'"),
            Map.entry("description", "free text saying what the experiment is"),
            Map.entry("tau", "τ, the duration of the forward process and of the generative process, > 0"),
            Map.entry("seed", "seed of the random streams; each run derives its own from it and from the run's labels "
                    + "(--seed overrides it)"),
            Map.entry("data", "the data distribution q = P_0: a data plugin"),
            Map.entry("prior", "the prior P_τ = P†_0 that the exact generative process starts from: a data plugin"),
            Map.entry("perturbation", "the perturbed start P̃†_0 of the estimated generative process: a data plugin"),
            Map.entry("schedule", "the noise schedule, i.e. the forward process: a schedule plugin"),
            Map.entry("estimator", "the velocity estimator ν̂: an estimator plugin"),
            Map.entry("sampler", "how the reverse and estimated processes are sampled: a sampler plugin"),
            Map.entry("time", "the output times of a run and the quadrature of its time integrals (c1, c2, dissipation): "
                    + "a rule name, or a map with 'type' (default " + ExperimentLoader.DEFAULT_TIME
                    + ") and the rule's parameters"),
            Map.entry("metrics", "what is computed from each run: a metric plugin or a list of them"),
            Map.entry("report", "what is written once the experiment has finished: a reporter plugin or a list of them"),
            Map.entry("matrix", "the sweep: each key is an axis, a top-level key (" + String.join(", ", sweepable())
                    + ") or a dotted path to a plugin parameter such as sampler.nodes, with a non-empty list of values; "
                    + "every combination of the axes' values is one run, labelled by the plugin name, the 'name' of a "
                    + "map or the value. 'exclude' drops the combinations that have all the values of one of its rows; "
                    + "'include' adds one run per row, after the combinations"));

    /** What each time rule is. */
    private static final Map<String, String> TIME_DOCS = Map.of(
            "gauss-legendre", "composite Gauss–Legendre in t (the default): exponentially accurate for the smooth "
                    + "integrands of c1 and c2, never evaluates the end points",
            "uniform", "equally spaced times with Simpson weights; intervals = 100 is the paper's τ/Δt");

    private static final JsonObject LABEL = new JsonObject()
            .put("description", "label of this entry in results, file names and matrix labels (default: the plugin's name)")
            .put("type", new JsonArray().add("string").add("number").add("boolean"));

    private final PluginRegistry registry;
    private final JsonObject definitions = new JsonObject();

    private ExperimentSchema(PluginRegistry registry) {
        this.registry = registry;
    }

    /** The schema of experiment files for the plugins in {@code registry}. */
    public static JsonObject generate(PluginRegistry registry) {
        return new ExperimentSchema(registry).build();
    }

    /**
     * {@link #generate} as indented JSON with {@code \n} line ends and a final newline, the same on
     * every platform (what {@code thermodiff schema} prints).
     */
    public static String render(PluginRegistry registry) {
        String text = generate(registry).encodePrettily().replace("\r\n", "\n");
        return text.endsWith("\n") ? text : text + "\n";
    }

    private JsonObject build() {
        List<PluginFamily<?>> families = PluginFamily.ALL.stream()
                .filter(f -> PLUGIN_KEYS.stream().anyMatch(k -> k.family().equals(f))).toList();
        for (PluginFamily<?> family : families) {
            definePluginFamily(family);
        }
        defineTime();

        JsonObject properties = new JsonObject();
        for (String key : ExperimentLoader.KEYS) {
            properties.put(key, keySchema(key));
        }
        JsonArray allOf = new JsonArray();
        for (PluginKey k : PLUGIN_KEYS) {
            if (k.list()) {
                continue;
            }
            if (k.defaultValue() == null) {
                // Required, at top level or as a matrix axis (a dotted axis alone does not say which plugin).
                allOf.add(new JsonObject()
                        .put("if", new JsonObject().put("not", new JsonObject()
                                .put("required", array("matrix"))
                                .put("properties", new JsonObject().put("matrix", new JsonObject().put("required", array(k.key()))))))
                        .put("then", new JsonObject().put("type", "object").put("required", array(k.key()))));
            }
            if (definitions.containsKey(complete(k.family()))) {
                // A plugin's parameters without default are required, unless a matrix axis such as
                // 'sampler.particles' may supply them.
                JsonObject completeRef = ref(complete(k.family()));
                allOf.add(new JsonObject()
                        .put("if", new JsonObject().put("properties", new JsonObject().put("matrix", new JsonObject()
                                .put("propertyNames", new JsonObject().put("not", new JsonObject()
                                        .put("pattern", "^" + k.key() + "\\."))))))
                        .put("then", new JsonObject().put("type", "object").put("properties", new JsonObject()
                                .put(k.key(), completeRef)
                                .put("matrix", new JsonObject().put("properties", new JsonObject()
                                        .put(k.key(), new JsonObject().put("items", completeRef.copy())))))));
            }
        }
        return new JsonObject()
                .put("$schema", DRAFT_07)
                .put("title", "thermodiff experiment")
                .put("description", "An experiment file of thermodiff (YAML). Generated by 'thermodiff schema' from the "
                        + "installed plugins; generate it again after adding or changing plugins.")
                .put("type", "object")
                .put("required", array("name"))
                .put("properties", properties)
                .put("additionalProperties", false)
                .put("allOf", allOf)
                .put("definitions", definitions);
    }

    // ---- top-level keys -------------------------------------------------------------------------

    private JsonObject keySchema(String key) {
        String doc = KEY_DOCS.get(key);
        if (doc == null) {
            throw new IllegalStateException("no schema documentation for the experiment key '" + key + "'");
        }
        JsonObject schema = new JsonObject().put("description", doc);
        Optional<PluginKey> plugin = PLUGIN_KEYS.stream().filter(k -> k.key().equals(key)).findFirst();
        if (plugin.isPresent()) {
            Object def = plugin.get().defaultValue();
            if (def instanceof List<?> list) {
                schema.put("default", new JsonArray(new ArrayList<>(list)));
            } else if (def != null) {
                schema.put("default", def);
            }
            return schema.put("allOf", new JsonArray().add(valueSchema(key)));
        }
        switch (key) {
            case "name" -> schema.put("type", new JsonArray().add("string").add("number"))
                    .put("pattern", "^" + ExperimentLoader.NAME.pattern() + "$");
            case "description" -> schema.put("type", "string");
            case "tau", "seed" -> schema.mergeIn(valueSchema(key)).put("default",
                    key.equals("tau") ? (Object) ExperimentLoader.DEFAULT_TAU : (Object) ExperimentLoader.DEFAULT_SEED);
            case "time" -> schema.put("default", ExperimentLoader.DEFAULT_TIME).put("allOf", new JsonArray().add(valueSchema(key)));
            case "matrix" -> schema.mergeIn(matrix());
            default -> throw new IllegalStateException("no schema for the experiment key '" + key + "'");
        }
        return schema;
    }

    /** What a value of a top-level key may be, without documentation (also the items of its matrix axis). */
    private JsonObject valueSchema(String key) {
        Optional<PluginKey> plugin = PLUGIN_KEYS.stream().filter(k -> k.key().equals(key)).findFirst();
        if (plugin.isPresent()) {
            PluginFamily<?> family = plugin.get().family();
            return ref(plugin.get().list() ? "plugins:" + family.key() : "plugin:" + family.key());
        }
        return switch (key) {
            case "tau" -> new JsonObject().put("type", "number").put("exclusiveMinimum", 0);
            case "seed" -> new JsonObject().put("type", "integer");
            case "time" -> ref("time");
            default -> throw new IllegalStateException("no value schema for the experiment key '" + key + "'");
        };
    }

    private static List<String> sweepable() {
        return ExperimentLoader.KEYS.stream().filter(k -> !ExperimentLoader.NOT_SWEEPABLE.contains(k)).toList();
    }

    // ---- matrix ---------------------------------------------------------------------------------

    private JsonObject matrix() {
        Map<String, JsonObject> axes = new LinkedHashMap<>();
        for (String key : sweepable()) {
            axes.put(key, axis("values of " + key + ", one run each", valueSchema(key)));
        }
        for (String key : sweepable()) {
            Optional<PluginKey> plugin = PLUGIN_KEYS.stream().filter(k -> k.key().equals(key) && !k.list()).findFirst();
            Map<String, Class<? extends Record>> parameterTypes = new TreeMap<>();
            Set<String> names;
            String what;
            if (plugin.isPresent()) {
                PluginFamily<?> family = plugin.get().family();
                names = registry.names(family);
                for (String name : names) {
                    parameterTypes.put(name, registry.get(family, name).factory().parameters());
                }
                what = "the " + family.key() + " plugin";
            } else if (key.equals("time")) {
                names = new java.util.TreeSet<>(ExperimentLoader.TIME_RULES.keySet());
                for (String rule : names) {
                    parameterTypes.put(rule, ExperimentLoader.TIME_RULES.get(rule).asSubclass(Record.class));
                }
                what = "the time rule";
            } else {
                continue;
            }
            axes.put(key + ".type", axis("values of " + key + ".type (which plugin), one run each",
                    new JsonObject().put("type", "string").put("enum", new JsonArray(new ArrayList<>(names)))));
            // Each parameter of any plugin of the family; where plugins disagree on its type, any of theirs.
            Map<String, List<JsonObject>> byParameter = new LinkedHashMap<>();
            parameterTypes.forEach((name, type) -> {
                for (RecordComponent c : type.getRecordComponents()) {
                    JsonObject schema = parameterSchema(c, false);
                    List<JsonObject> variants = byParameter.computeIfAbsent(ParameterBinder.key(c), k -> new ArrayList<>());
                    if (variants.stream().noneMatch(v -> withoutDescription(v).equals(withoutDescription(schema)))) {
                        variants.add(schema);
                    }
                }
            });
            byParameter.forEach((parameter, variants) -> {
                JsonObject items = variants.size() == 1 ? variants.get(0)
                        : new JsonObject().put("anyOf", new JsonArray(new ArrayList<>(variants)));
                axes.put(key + "." + parameter, axis("values of the parameter " + parameter + " of " + what + " ("
                        + key + "), one run each", items));
            });
        }
        JsonObject properties = new JsonObject();
        axes.forEach(properties::put);
        definitions.put("matrix:key", new JsonObject()
                .put("description", "a matrix axis: a sweepable top-level key or a dotted path to a plugin parameter")
                .put("enum", new JsonArray(new ArrayList<>(axes.keySet()))));
        properties.put(ExperimentLoader.EXCLUDE, new JsonObject()
                .put("description", "combinations to drop: each row maps axes of this matrix to one of their values "
                        + "(a plugin name, the 'name' of a map entry or the value), and every combination with all of a "
                        + "row's values is not run")
                .put("type", "array")
                .put("items", new JsonObject()
                        .put("type", "object")
                        .put("minProperties", 1)
                        .put("propertyNames", ref("matrix:key"))
                        .put("additionalProperties", new JsonObject()
                                .put("description", "the value of this axis whose runs are dropped"))));
        properties.put(ExperimentLoader.INCLUDE, new JsonObject()
                .put("description", "runs to add after the combinations, one per row: the document with the row's keys set "
                        + "as by a matrix value, labelled by the row's value of every axis (which it must give)")
                .put("type", "array")
                .put("items", ref("matrix:include")));
        definitions.put("matrix:include", include(axes));
        List<String> names = new ArrayList<>(axes.keySet());
        names.add(ExperimentLoader.EXCLUDE);
        names.add(ExperimentLoader.INCLUDE);
        return new JsonObject()
                .put("type", "object")
                .put("propertyNames", new JsonObject()
                        .put("description", "a sweepable top-level key or a dotted path to a plugin parameter (an axis), "
                                + "or exclude or include")
                        .put("enum", new JsonArray(names)))
                .put("properties", properties);
    }

    /** One row of {@code matrix.include}: keys as for axes, each with one value, and complete plugins. */
    private JsonObject include(Map<String, JsonObject> axes) {
        JsonObject properties = new JsonObject();
        // The schema of one value of the key's matrix axis (a JSON pointer, not a copy of it).
        axes.keySet().forEach(key -> properties.put(key, new JsonObject().put("$ref", "#/properties/matrix/properties/" + key
                + "/items")));
        JsonArray allOf = new JsonArray();
        for (PluginKey k : PLUGIN_KEYS) {
            if (!k.list() && definitions.containsKey(complete(k.family()))) {
                // A plugin the row sets has every parameter without default, unless the row sets it by a dotted key.
                allOf.add(new JsonObject()
                        .put("if", new JsonObject().put("propertyNames", new JsonObject().put("not", new JsonObject()
                                .put("pattern", "^" + k.key() + "\\."))))
                        .put("then", new JsonObject().put("properties", new JsonObject().put(k.key(), ref(complete(k.family()))))));
            }
        }
        JsonObject row = new JsonObject()
                .put("description", "one extra run: a value for every matrix axis (its labels) and for any other key to set")
                .put("type", "object")
                .put("minProperties", 1)
                .put("propertyNames", ref("matrix:key"))
                .put("properties", properties);
        return allOf.isEmpty() ? row : row.put("allOf", allOf);
    }

    private static JsonObject axis(String description, JsonObject items) {
        return new JsonObject().put("description", description).put("type", "array").put("minItems", 1).put("items", items);
    }

    private static JsonObject withoutDescription(JsonObject schema) {
        JsonObject copy = schema.copy();
        copy.remove("description");
        return copy;
    }

    // ---- plugins --------------------------------------------------------------------------------

    private void definePluginFamily(PluginFamily<?> family) {
        Set<String> names = registry.names(family);
        JsonObject any = new JsonObject().put("description", "a " + family.key() + " plugin (" + family.title()
                + "): its name, or a map whose 'type' names it, whose other keys set its parameters and whose 'name' "
                + "labels it in results");
        definitions.put("plugin:" + family.key(), any);
        if (names.isEmpty()) {
            any.put("description", "no " + family.key() + " plugin is installed").put("not", new JsonObject());
        } else {
            JsonArray dispatch = new JsonArray();
            for (String name : names) {
                String definition = "plugin:" + family.key() + ":" + name;
                definitions.put(definition, pluginMap(name, registry.get(family, name)));
                dispatch.add(new JsonObject()
                        .put("if", typeIs(name))
                        .put("then", ref(definition)));
            }
            JsonArray enumeration = new JsonArray(new ArrayList<>(names));
            any.put("if", new JsonObject().put("type", "object"))
                    .put("then", new JsonObject()
                            .put("type", "object")
                            .put("required", array("type"))
                            .put("properties", new JsonObject().put("type", new JsonObject()
                                    .put("description", "which " + family.key() + " plugin")
                                    .put("enum", enumeration)))
                            .put("allOf", dispatch))
                    .put("else", new JsonObject().put("type", "string").put("enum", enumeration.copy()))
                    // No effect on validation; editors offer the names when the value is still empty.
                    .put("examples", enumeration.copy());
        }

        JsonArray checks = new JsonArray();
        for (String name : names) {
            List<String> required = new ArrayList<>();
            for (RecordComponent c : registry.get(family, name).factory().parameters().getRecordComponents()) {
                if (!hasDefault(c)) {
                    required.add(ParameterBinder.key(c));
                }
            }
            if (!required.isEmpty()) {
                checks.add(new JsonObject()
                        .put("if", new JsonObject().put("anyOf", new JsonArray()
                                .add(new JsonObject().put("const", name))
                                .add(typeIs(name))))
                        .put("then", new JsonObject()
                                .put("description", name + " has parameters without default (" + String.join(", ", required)
                                        + "): write it as a map that sets them")
                                .put("type", "object")
                                .put("required", new JsonArray(new ArrayList<>(required)))));
            }
        }
        if (!checks.isEmpty()) {
            definitions.put(complete(family), new JsonObject()
                    .put("description", "the parameters without default of each " + family.key() + " plugin are set")
                    .put("allOf", checks));
        }

        if (PLUGIN_KEYS.stream().anyMatch(k -> k.family().equals(family) && k.list())) {
            JsonObject item = checks.isEmpty() ? ref("plugin:" + family.key())
                    : new JsonObject().put("allOf", new JsonArray().add(ref("plugin:" + family.key())).add(ref(complete(family))));
            definitions.put("plugins:" + family.key(), new JsonObject()
                    .put("description", "a " + family.key() + " plugin or a list of them")
                    .put("if", new JsonObject().put("type", "array"))
                    .put("then", new JsonObject().put("type", "array").put("items", item))
                    .put("else", item.copy()));
        }
    }

    /** The map form of one plugin: {@code type}, {@code name} and its parameters, nothing else. */
    private JsonObject pluginMap(String name, Registration<?> registration) {
        String description = registration.factory().description();
        JsonObject properties = new JsonObject()
                .put("type", new JsonObject().put("description", description).put("const", name))
                .put("name", LABEL.copy());
        for (RecordComponent c : registration.factory().parameters().getRecordComponents()) {
            properties.put(ParameterBinder.key(c), parameterSchema(c, true));
        }
        return new JsonObject()
                .put("description", name + ": " + description)
                .put("type", "object")
                .put("required", array("type"))
                .put("properties", properties)
                .put("additionalProperties", false);
    }

    private static JsonObject typeIs(String name) {
        return new JsonObject()
                .put("type", "object")
                .put("required", array("type"))
                .put("properties", new JsonObject().put("type", new JsonObject().put("const", name)));
    }

    private static String complete(PluginFamily<?> family) {
        return "complete:" + family.key();
    }

    // ---- time -----------------------------------------------------------------------------------

    private void defineTime() {
        JsonObject time = new JsonObject().put("description", KEY_DOCS.get("time"));
        definitions.put("time", time);
        Map<String, Class<? extends TimeRule>> rules = new TreeMap<>(ExperimentLoader.TIME_RULES);
        JsonArray dispatch = new JsonArray();
        rules.forEach((rule, type) -> {
            String definition = "time:" + rule;
            JsonObject properties = new JsonObject().put("type", new JsonObject().put("const", rule));
            for (RecordComponent c : type.getRecordComponents()) {
                properties.put(ParameterBinder.key(c), parameterSchema(c, true));
            }
            String doc = TIME_DOCS.getOrDefault(rule, rule);
            definitions.put(definition, new JsonObject()
                    .put("description", rule + ": " + doc)
                    .put("type", "object")
                    .put("properties", properties)
                    .put("additionalProperties", false));
            JsonObject condition = new JsonObject().put("required", array("type"))
                    .put("properties", new JsonObject().put("type", new JsonObject().put("const", rule)));
            if (rule.equals(ExperimentLoader.DEFAULT_TIME)) {
                condition = new JsonObject().put("anyOf", new JsonArray()
                        .add(new JsonObject().put("not", new JsonObject().put("required", array("type"))))
                        .add(condition));
            }
            dispatch.add(new JsonObject().put("if", condition).put("then", ref(definition)));
        });
        JsonArray names = new JsonArray(new ArrayList<>(rules.keySet()));
        time.put("if", new JsonObject().put("type", "object"))
                .put("then", new JsonObject()
                        .put("type", "object")
                        .put("properties", new JsonObject().put("type", new JsonObject()
                                .put("description", "which time rule (default " + ExperimentLoader.DEFAULT_TIME + ")")
                                .put("enum", names)))
                        .put("allOf", dispatch))
                .put("else", new JsonObject().put("type", "string").put("enum", names.copy()))
                .put("examples", names.copy());
    }

    // ---- parameters -----------------------------------------------------------------------------

    private static boolean hasDefault(RecordComponent c) {
        Param p = c.getAnnotation(Param.class);
        return p != null && !p.defaultValue().equals(Param.REQUIRED);
    }

    /** One parameter: type, range, enum, documentation and (with {@code withDefault}) its default. */
    private JsonObject parameterSchema(RecordComponent c, boolean withDefault) {
        Param p = c.getAnnotation(Param.class);
        Class<?> t = c.getType();
        JsonObject schema = new JsonObject();
        if (p != null && !p.doc().isEmpty()) {
            schema.put("description", p.doc());
        }
        if (t == double[].class || t == int[].class) {
            schema.put("type", "array").put("items", scalarSchema(t.getComponentType(), p, c));
        } else {
            schema.mergeIn(scalarSchema(t, p, c));
        }
        if (withDefault && hasDefault(c)) {
            schema.put("default", defaultValue(c, p));
        }
        return schema;
    }

    private JsonObject scalarSchema(Class<?> t, Param p, RecordComponent c) {
        JsonObject schema = new JsonObject();
        if (t == double.class) {
            schema.put("type", "number");
            bounds(schema, p, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
        } else if (t == int.class) {
            schema.put("type", "integer");
            bounds(schema, p, Integer.MIN_VALUE, Integer.MAX_VALUE);
        } else if (t == long.class) {
            schema.put("type", "integer");
            bounds(schema, p, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
        } else if (t == boolean.class) {
            schema.put("type", "boolean");
        } else if (t == String.class) {
            schema.put("type", "string");
            if (p != null && !p.family().isEmpty()) {
                Set<String> names = PluginFamily.ALL.stream().filter(f -> f.key().equals(p.family())).findFirst()
                        .map(registry::names).orElse(Set.of());
                if (names.isEmpty()) {
                    schema.put("not", new JsonObject());
                } else {
                    schema.put("enum", new JsonArray(new ArrayList<>(names)));
                }
            }
        } else if (t.isEnum()) {
            JsonArray names = new JsonArray();
            for (Object constant : t.getEnumConstants()) {
                names.add(ParameterBinder.enumName((Enum<?>) constant));
            }
            schema.put("type", "string").put("enum", names);
        } else {
            throw new IllegalStateException("unsupported parameter type " + t.getName() + " of "
                    + c.getDeclaringRecord().getName() + "." + c.getName());
        }
        return schema;
    }

    /** The bounds of {@code p}, or of the Java type where it says nothing tighter. */
    private static void bounds(JsonObject schema, Param p, double typeMin, double typeMax) {
        double min = p == null ? Double.NEGATIVE_INFINITY : p.min();
        double max = p == null ? Double.POSITIVE_INFINITY : p.max();
        if (min >= typeMin && min != Double.NEGATIVE_INFINITY) {
            schema.put(p.exclusiveMin() ? "exclusiveMinimum" : "minimum", number(min));
        } else if (typeMin != Double.NEGATIVE_INFINITY) {
            schema.put("minimum", number(typeMin));
        }
        if (max <= typeMax && max != Double.POSITIVE_INFINITY) {
            schema.put(p.exclusiveMax() ? "exclusiveMaximum" : "maximum", number(max));
        } else if (typeMax != Double.POSITIVE_INFINITY) {
            schema.put("maximum", number(typeMax));
        }
    }

    /** A whole bound as an integer ({@code 16}, not {@code 16.0}). */
    private static Object number(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? (Object) (long) d : (Object) d;
    }

    /** The default of a parameter as JSON, typed as the parameter (a {@code double}'s {@code 1} is {@code 1.0}). */
    private static Object defaultValue(RecordComponent c, Param p) {
        YamlNode node;
        try {
            node = YamlLoader.parse(Path.of("<default of " + c.getDeclaringRecord().getSimpleName() + "." + c.getName() + ">"),
                    p.defaultValue());
        } catch (InputException e) {
            throw new IllegalStateException("invalid default of " + c.getDeclaringRecord().getName() + "." + c.getName()
                    + ": " + e.problems(), e);
        }
        Class<?> t = c.getType();
        return json(node, t.isArray() ? t.getComponentType() : t);
    }

    private static Object json(YamlNode node, Class<?> type) {
        if (node instanceof YamlList list) {
            JsonArray array = new JsonArray();
            list.items().forEach(item -> array.add(json(item, type)));
            return array;
        }
        if (node instanceof YamlMap) {
            throw new IllegalStateException("a map is no parameter default: " + node.mark());
        }
        Object value = ((YamlScalar) node).value();
        if (type == double.class && value instanceof Number n) {
            return n.doubleValue();
        }
        if (type.isEnum() && value instanceof String s) {
            for (Object constant : type.getEnumConstants()) {
                String name = ParameterBinder.enumName((Enum<?>) constant);
                if (name.equals(s.toLowerCase(java.util.Locale.ROOT).replace('_', '-'))) {
                    return name;
                }
            }
        }
        return value;
    }

    // ---- helpers --------------------------------------------------------------------------------

    private static JsonObject ref(String definition) {
        return new JsonObject().put("$ref", DEFINITIONS + definition);
    }

    private static JsonArray array(String... values) {
        JsonArray array = new JsonArray();
        for (String v : values) {
            array.add(v);
        }
        return array;
    }
}
