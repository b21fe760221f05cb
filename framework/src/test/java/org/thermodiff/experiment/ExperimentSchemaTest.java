package org.thermodiff.experiment;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.thermodiff.Thermodiff;
import org.thermodiff.plugin.PluginRegistry;
import org.thermodiff.spi.NoParameters;
import org.thermodiff.spi.Param;
import org.thermodiff.spi.PluginFactory;
import org.thermodiff.spi.PluginFamily;
import org.thermodiff.spi.PluginModule;
import org.thermodiff.spi.Sampler;
import org.thermodiff.testing.TestPlugins;

/** The generated JSON Schema, checked structurally against the fake plugins of {@link TestPlugins}. */
class ExperimentSchemaTest {

    private static PluginRegistry registry;
    private static JsonObject schema;

    @BeforeAll
    static void generate() {
        registry = Thermodiff.injector(ExperimentSchemaTest.class.getClassLoader(), 1).getInstance(PluginRegistry.class);
        schema = ExperimentSchema.generate(registry);
    }

    private static JsonObject definition(String name) {
        JsonObject d = schema.getJsonObject("definitions").getJsonObject(name);
        assertNotNull(d, () -> "no definition '" + name + "' in " + schema.getJsonObject("definitions").fieldNames());
        return d;
    }

    private static JsonObject property(String definition, String key) {
        JsonObject p = definition(definition).getJsonObject("properties").getJsonObject(key);
        assertNotNull(p, () -> definition + " has no property '" + key + "'");
        return p;
    }

    private static JsonObject ref(String definition) {
        return new JsonObject().put("$ref", "#/definitions/" + definition);
    }

    private static List<String> strings(JsonArray array) {
        return array.stream().map(String.class::cast).collect(Collectors.toList());
    }

    private static JsonObject matrixAxis(String axis) {
        JsonObject a = schema.getJsonObject("properties").getJsonObject("matrix").getJsonObject("properties").getJsonObject(axis);
        assertNotNull(a, () -> "no matrix axis '" + axis + "'");
        return a;
    }

    @Test
    void isADraft07ObjectWithExactlyTheLoadersKeysEachDocumentedAndNothingElse() {
        assertEquals("http://json-schema.org/draft-07/schema#", schema.getString("$schema"));
        assertEquals("object", schema.getString("type"));
        assertEquals(false, schema.getValue("additionalProperties"), "unknown top-level keys are rejected");
        assertEquals(List.of("name"), strings(schema.getJsonArray("required")));
        JsonObject properties = schema.getJsonObject("properties");
        assertEquals(ExperimentLoader.KEYS, List.copyOf(properties.fieldNames()), "every key, in the documented order");
        for (String key : ExperimentLoader.KEYS) {
            String description = properties.getJsonObject(key).getString("description");
            assertTrue(description != null && description.length() > 10, () -> key + " is described: " + description);
        }
        JsonObject name = properties.getJsonObject("name");
        assertEquals("^[A-Za-z0-9][A-Za-z0-9._-]*$", name.getString("pattern"));
        JsonObject tau = properties.getJsonObject("tau");
        assertAll(
                () -> assertEquals("number", tau.getString("type")),
                () -> assertEquals(0L, ((Number) tau.getValue("exclusiveMinimum")).longValue()),
                () -> assertNull(tau.getValue("minimum")),
                () -> assertEquals(1.0, tau.getDouble("default")),
                () -> assertEquals("integer", properties.getJsonObject("seed").getString("type")),
                () -> assertEquals(20240707L, properties.getJsonObject("seed").getLong("default")),
                () -> assertEquals("string", properties.getJsonObject("description").getString("type")));
    }

    @Test
    void pluginKeysReferTheirFamilyAndCarryTheLoadersDefaults() {
        JsonObject properties = schema.getJsonObject("properties");
        assertAll(
                () -> assertEquals(new JsonArray().add(ref("plugin:data")), properties.getJsonObject("data").getJsonArray("allOf")),
                () -> assertEquals(new JsonArray().add(ref("plugin:data")), properties.getJsonObject("prior").getJsonArray("allOf")),
                () -> assertEquals(new JsonArray().add(ref("plugin:data")),
                        properties.getJsonObject("perturbation").getJsonArray("allOf")),
                () -> assertEquals(new JsonArray().add(ref("plugin:schedule")),
                        properties.getJsonObject("schedule").getJsonArray("allOf")),
                () -> assertEquals(new JsonArray().add(ref("plugin:estimator")),
                        properties.getJsonObject("estimator").getJsonArray("allOf")),
                () -> assertEquals(new JsonArray().add(ref("plugin:sampler")),
                        properties.getJsonObject("sampler").getJsonArray("allOf")),
                () -> assertEquals(new JsonArray().add(ref("plugins:metric")),
                        properties.getJsonObject("metrics").getJsonArray("allOf")),
                () -> assertEquals(new JsonArray().add(ref("plugins:reporter")),
                        properties.getJsonObject("report").getJsonArray("allOf")),
                () -> assertEquals(new JsonArray().add(ref("time")), properties.getJsonObject("time").getJsonArray("allOf")));
        assertAll(
                () -> assertNull(properties.getJsonObject("data").getValue("default")),
                () -> assertNull(properties.getJsonObject("perturbation").getValue("default")),
                () -> assertNull(properties.getJsonObject("schedule").getValue("default")),
                () -> assertEquals("gaussian", properties.getJsonObject("prior").getValue("default")),
                () -> assertEquals("analytic", properties.getJsonObject("estimator").getValue("default")),
                () -> assertEquals("quadrature-1d", properties.getJsonObject("sampler").getValue("default")),
                () -> assertEquals("gauss-legendre", properties.getJsonObject("time").getValue("default")),
                () -> assertEquals(new JsonArray().add("speed-accuracy"), properties.getJsonObject("metrics").getValue("default")),
                () -> assertEquals(new JsonArray().add("table").add("json").add("csv"),
                        properties.getJsonObject("report").getValue("default")));
    }

    @Test
    void dataPerturbationAndScheduleAreRequiredAtTopLevelOrAsAMatrixAxis() {
        List<String> required = new ArrayList<>();
        for (Object o : schema.getJsonArray("allOf")) {
            JsonObject rule = (JsonObject) o;
            JsonObject then = rule.getJsonObject("then");
            if (then.containsKey("required")) {
                String key = then.getJsonArray("required").getString(0);
                required.add(key);
                JsonObject unlessAxis = new JsonObject().put("not", new JsonObject()
                        .put("required", new JsonArray().add("matrix"))
                        .put("properties", new JsonObject().put("matrix",
                                new JsonObject().put("required", new JsonArray().add(key)))));
                assertEquals(unlessAxis, rule.getJsonObject("if"), key);
            }
        }
        assertEquals(List.of("data", "perturbation", "schedule"), required);
    }

    @Test
    void aFamilyIsANameFromItsRegisteredPluginsOrAMapWhoseTypeSelectsThePluginsDefinition() {
        JsonObject data = definition("plugin:data");
        List<String> names = List.of(TestPlugins.DATA);
        assertEquals(names, strings(data.getJsonObject("else").getJsonArray("enum")), "bare names");
        assertEquals("string", data.getJsonObject("else").getString("type"));
        assertEquals(names, strings(data.getJsonArray("examples")), "what editors offer for an empty value");
        assertEquals("object", data.getJsonObject("if").getString("type"));
        JsonObject map = data.getJsonObject("then");
        assertEquals(List.of("type"), strings(map.getJsonArray("required")));
        assertEquals(names, strings(map.getJsonObject("properties").getJsonObject("type").getJsonArray("enum")));
        JsonArray dispatch = map.getJsonArray("allOf");
        assertEquals(names.size(), dispatch.size());
        for (int i = 0; i < names.size(); i++) {
            JsonObject branch = dispatch.getJsonObject(i);
            assertEquals(names.get(i), branch.getJsonObject("if").getJsonObject("properties").getJsonObject("type").getString("const"));
            assertEquals(List.of("type"), strings(branch.getJsonObject("if").getJsonArray("required")));
            assertEquals(ref("plugin:data:" + names.get(i)), branch.getJsonObject("then"));
        }
        assertEquals(List.of(TestPlugins.SCHEDULES), strings(definition("plugin:schedule").getJsonObject("else").getJsonArray("enum")));
        assertEquals(List.of("analytic", "test-net"), strings(definition("plugin:estimator").getJsonObject("else").getJsonArray("enum")));
        assertEquals(List.of("quadrature-1d", "test-particles"),
                strings(definition("plugin:sampler").getJsonObject("else").getJsonArray("enum")));
        assertEquals(List.of("speed-accuracy", "test-tally"), strings(definition("plugin:metric").getJsonObject("else").getJsonArray("enum")));
        assertEquals(List.of("csv", "json", "table", "test-sink", "test-sweep"),
                strings(definition("plugin:reporter").getJsonObject("else").getJsonArray("enum")));
        assertFalse(schema.getJsonObject("definitions").containsKey("plugin:distance"), "distances are named by parameters only");
    }

    @Test
    void aPluginsMapHasTypeNameAndItsParametersInKebabCaseAndRejectsAnyOtherKey() {
        JsonObject ve = definition("plugin:schedule:test-ve");
        assertAll(
                () -> assertEquals("object", ve.getString("type")),
                () -> assertEquals(false, ve.getValue("additionalProperties")),
                () -> assertEquals(List.of("type", "name", "sigma-min", "sigma-max"), List.copyOf(ve.getJsonObject("properties").fieldNames())),
                () -> assertEquals("test-ve", property("plugin:schedule:test-ve", "type").getString("const")),
                () -> assertEquals("variance exploding", property("plugin:schedule:test-ve", "type").getString("description")),
                () -> assertTrue(ve.getString("description").contains("variance exploding"), ve::encodePrettily),
                () -> assertEquals("smallest noise", property("plugin:schedule:test-ve", "sigma-min").getString("description")));
        JsonObject cosine = definition("plugin:schedule:test-cosine");
        assertEquals(List.of("type", "name"), List.copyOf(cosine.getJsonObject("properties").fieldNames()), "no parameters");
        assertEquals(false, cosine.getValue("additionalProperties"));
    }

    @Test
    void numbersCarryTheirRangesAndIntegersTheirJavaRange() {
        JsonObject nodes = property("plugin:sampler:quadrature-1d", "nodes");
        JsonObject budget = property("plugin:sampler:quadrature-1d", "budget");
        JsonObject stddev = property("plugin:data:gaussian", "stddev");
        JsonObject mean = property("plugin:data:gaussian", "mean");
        JsonObject rate = property("plugin:estimator:test-net", "learning-rate");
        JsonObject step = property("plugin:sampler:test-particles", "step");
        JsonObject every = property("plugin:metric:test-tally", "every");
        assertAll(
                () -> assertEquals(new JsonObject().put("description", "number of nodes").put("type", "integer").put("minimum", 16L)
                        .put("maximum", (long) Integer.MAX_VALUE).put("default", 64L), nodes),
                () -> assertEquals(new JsonObject().put("description", "most velocity evaluations").put("type", "integer")
                        .put("minimum", 1L).put("default", 1000000L), budget, "a long has no maximum"),
                () -> assertEquals(new JsonObject().put("description", "standard deviation").put("type", "number")
                        .put("exclusiveMinimum", 0L).put("default", 1.0), stddev),
                () -> assertEquals(new JsonObject().put("description", "mean").put("type", "number").put("default", 0.0), mean),
                () -> assertEquals(new JsonObject().put("description", "learning rate").put("type", "number")
                        .put("exclusiveMinimum", 0L).put("exclusiveMaximum", 1L).put("default", 0.001), rate),
                () -> assertEquals(0L, step.getValue("exclusiveMinimum")),
                () -> assertEquals(1L, step.getValue("maximum")),
                () -> assertNull(step.getValue("exclusiveMaximum")),
                () -> assertEquals(1L, every.getValue("minimum")),
                () -> assertEquals(100L, every.getValue("maximum")));
    }

    @Test
    void listsEnumsBooleansAndPluginNamesHaveTheirTypesAndDefaults() {
        JsonObject layers = property("plugin:estimator:test-net", "layers");
        JsonObject weights = property("plugin:data:test-mixture", "weights");
        assertAll(
                () -> assertEquals("array", layers.getString("type")),
                () -> assertEquals(new JsonObject().put("type", "integer").put("minimum", 1L).put("maximum", (long) Integer.MAX_VALUE),
                        layers.getJsonObject("items")),
                () -> assertEquals(new JsonArray().add(8L).add(8L), layers.getJsonArray("default")),
                () -> assertEquals(new JsonObject().put("type", "number").put("minimum", 0L), weights.getJsonObject("items")),
                () -> assertNull(weights.getValue("default"), "required: no default"),
                () -> assertEquals(new JsonObject().put("description", "activation function").put("type", "string")
                        .put("enum", new JsonArray().add("tanh").add("relu").add("soft-plus")).put("default", "tanh"),
                        property("plugin:estimator:test-net", "activation"), "enums in kebab-case"),
                () -> assertEquals(List.of("euler", "rk4", "dormand-prince"),
                        strings(property("plugin:sampler:quadrature-1d", "solver").getJsonArray("enum"))),
                () -> assertEquals(new JsonObject().put("description", "use antithetic pairs").put("type", "boolean").put("default", false),
                        property("plugin:sampler:test-particles", "antithetic")),
                () -> assertEquals(new JsonObject().put("description", "distance for W1").put("type", "string")
                        .put("enum", new JsonArray().add("test-w1").add("test-w2")).put("default", "test-w1"),
                        property("plugin:metric:speed-accuracy", "distance"), "a plugin name of another family"),
                () -> assertEquals(new JsonObject().put("description", "where reports go").put("type", "string"),
                        property("plugin:reporter:test-sink", "target")),
                () -> assertEquals(new JsonObject().put("type", new JsonArray().add("string").add("number").add("boolean")),
                        withoutDescription(property("plugin:data:gaussian", "name")), "the label"));
    }

    private static JsonObject withoutDescription(JsonObject o) {
        JsonObject copy = o.copy();
        copy.remove("description");
        return copy;
    }

    @Test
    void parametersWithoutDefaultAreRequiredUnlessADottedMatrixAxisMaySupplyThem() {
        JsonArray checks = definition("complete:data").getJsonArray("allOf");
        List<String> plugins = new ArrayList<>();
        for (Object o : checks) {
            JsonObject check = (JsonObject) o;
            JsonArray either = check.getJsonObject("if").getJsonArray("anyOf");
            String name = either.getJsonObject(0).getString("const");
            plugins.add(name);
            assertEquals(name, either.getJsonObject(1).getJsonObject("properties").getJsonObject("type").getString("const"));
            assertEquals("object", check.getJsonObject("then").getString("type"), "a bare name cannot set them");
            List<String> required = strings(check.getJsonObject("then").getJsonArray("required"));
            assertEquals(name.equals("test-mixture") ? List.of("weights", "means") : List.of("low", "high"), required, name);
        }
        assertEquals(List.of("test-mixture", "test-uniform"), plugins, "gaussian has defaults for everything");
        assertEquals(List.of("particles"), strings(definition("complete:sampler").getJsonArray("allOf").getJsonObject(0)
                .getJsonObject("then").getJsonArray("required")));
        assertEquals(List.of("target"), strings(definition("complete:reporter").getJsonArray("allOf").getJsonObject(0)
                .getJsonObject("then").getJsonArray("required")));
        Set<String> names = schema.getJsonObject("definitions").fieldNames();
        assertAll(
                () -> assertFalse(names.contains("complete:schedule"), "every schedule parameter has a default"),
                () -> assertFalse(names.contains("complete:estimator")),
                () -> assertFalse(names.contains("complete:metric")));

        // At top level (and in the key's matrix axis), unless the matrix has an axis 'sampler.…'.
        JsonObject sampler = schema.getJsonArray("allOf").stream().map(JsonObject.class::cast)
                .filter(r -> r.getJsonObject("then").getJsonObject("properties") != null
                        && r.getJsonObject("then").getJsonObject("properties").containsKey("sampler"))
                .findFirst().orElseThrow();
        assertEquals("^sampler\\.", sampler.getJsonObject("if").getJsonObject("properties").getJsonObject("matrix")
                .getJsonObject("propertyNames").getJsonObject("not").getString("pattern"));
        JsonObject then = sampler.getJsonObject("then").getJsonObject("properties");
        assertEquals(ref("complete:sampler"), then.getJsonObject("sampler"));
        assertEquals(ref("complete:sampler"), then.getJsonObject("matrix").getJsonObject("properties").getJsonObject("sampler")
                .getJsonObject("items"));
        // Metrics and reporters are lists: every item is a complete plugin.
        assertEquals(new JsonObject().put("allOf", new JsonArray().add(ref("plugin:reporter")).add(ref("complete:reporter"))),
                definition("plugins:reporter").getJsonObject("then").getJsonObject("items"));
        assertEquals(ref("plugin:metric"), definition("plugins:metric").getJsonObject("then").getJsonObject("items"));
        assertEquals(ref("plugin:metric"), definition("plugins:metric").getJsonObject("else"), "a single metric");
    }

    @Test
    void timeIsARuleNameOrAMapOfTheRulesParametersDefaultingToGaussLegendre() {
        JsonObject time = definition("time");
        assertEquals(List.of("gauss-legendre", "uniform"), strings(time.getJsonObject("else").getJsonArray("enum")));
        assertEquals(List.of("gauss-legendre", "uniform"), strings(time.getJsonArray("examples")));
        JsonArray dispatch = time.getJsonObject("then").getJsonArray("allOf");
        assertEquals(ref("time:gauss-legendre"), dispatch.getJsonObject(0).getJsonObject("then"));
        assertTrue(dispatch.getJsonObject(0).getJsonObject("if").containsKey("anyOf"), "also without 'type'");
        assertEquals(ref("time:uniform"), dispatch.getJsonObject(1).getJsonObject("then"));
        assertEquals(List.of("type", "panels", "order", "marks"), List.copyOf(definition("time:gauss-legendre").getJsonObject("properties").fieldNames()));
        assertEquals(false, definition("time:uniform").getValue("additionalProperties"));
        assertEquals(new JsonObject().put("description", "number of equal intervals on [0, τ] (even, for Simpson's rule)")
                .put("type", "integer").put("minimum", 2L).put("maximum", 1_000_000L).put("default", 100L),
                property("time:uniform", "intervals"));
    }

    @Test
    void matrixAxesAreTheSweepableKeysAndDottedParameterPathsEachAListOfValidValues() {
        JsonObject matrix = schema.getJsonObject("properties").getJsonObject("matrix");
        assertEquals("object", matrix.getString("type"));
        List<String> keys = strings(matrix.getJsonObject("propertyNames").getJsonArray("enum"));
        assertEquals(List.copyOf(matrix.getJsonObject("properties").fieldNames()), keys);
        assertEquals(List.of("exclude", "include"), keys.subList(keys.size() - 2, keys.size()), "the two words that are not axes");
        List<String> axes = keys.subList(0, keys.size() - 2);
        assertEquals(axes, strings(definition("matrix:key").getJsonArray("enum")), "the keys of include and exclude rows");
        assertEquals(List.of("tau", "seed", "data", "prior", "perturbation", "schedule", "estimator", "sampler", "time", "metrics"),
                axes.subList(0, 10));
        assertAll(
                () -> assertFalse(axes.contains("name")),
                () -> assertFalse(axes.contains("description")),
                () -> assertFalse(axes.contains("report")),
                () -> assertFalse(axes.contains("matrix")),
                () -> assertTrue(axes.containsAll(List.of("sampler.type", "sampler.nodes", "sampler.solver", "sampler.budget",
                        "sampler.particles", "sampler.antithetic", "sampler.step", "schedule.sigma-min", "estimator.layers",
                        "data.weights", "prior.low", "perturbation.mean", "time.type", "time.panels", "time.intervals")), axes::toString),
                () -> assertFalse(axes.stream().anyMatch(a -> a.startsWith("metrics.")), "a list has no parameters"),
                () -> assertFalse(axes.stream().anyMatch(a -> a.endsWith(".name")), "labels are not swept"));
        for (String axis : axes) {
            JsonObject a = matrixAxis(axis);
            assertEquals("array", a.getString("type"), axis);
            assertEquals(1, a.getInteger("minItems"), axis);
        }
        assertAll(
                () -> assertEquals(new JsonObject().put("type", "number").put("exclusiveMinimum", 0), matrixAxis("tau").getJsonObject("items")),
                () -> assertEquals(new JsonObject().put("type", "integer"), matrixAxis("seed").getJsonObject("items")),
                () -> assertEquals(ref("plugin:schedule"), matrixAxis("schedule").getJsonObject("items")),
                () -> assertEquals(ref("plugin:data"), matrixAxis("perturbation").getJsonObject("items")),
                () -> assertEquals(ref("plugins:metric"), matrixAxis("metrics").getJsonObject("items")),
                () -> assertEquals(ref("time"), matrixAxis("time").getJsonObject("items")),
                () -> assertEquals(List.of("quadrature-1d", "test-particles"),
                        strings(matrixAxis("sampler.type").getJsonObject("items").getJsonArray("enum"))),
                () -> assertEquals(new JsonObject().put("description", "number of nodes").put("type", "integer").put("minimum", 16L)
                        .put("maximum", (long) Integer.MAX_VALUE), matrixAxis("sampler.nodes").getJsonObject("items"),
                        "the parameter's schema, without default (it differs between plugins)"),
                () -> assertEquals(new JsonObject().put("description", "standard deviation").put("type", "number")
                        .put("exclusiveMinimum", 0L), matrixAxis("perturbation.stddev").getJsonObject("items"),
                        "gaussian's and test-mixture's stddev only differ in description and default: one schema"));
    }

    @Test
    void matrixExcludeRowsMapAxesToValuesAndIncludeRowsMapThemToOneValidValueEach() {
        JsonObject exclude = matrixAxis("exclude");
        assertEquals("array", exclude.getString("type"));
        assertNull(exclude.getValue("minItems"), "an empty list is allowed");
        JsonObject excludeRow = exclude.getJsonObject("items");
        assertEquals("object", excludeRow.getString("type"));
        assertEquals(1, excludeRow.getInteger("minProperties"));
        assertEquals(ref("matrix:key"), excludeRow.getJsonObject("propertyNames"));

        JsonObject include = matrixAxis("include");
        assertEquals("array", include.getString("type"));
        assertEquals(ref("matrix:include"), include.getJsonObject("items"));
        JsonObject row = definition("matrix:include");
        assertEquals("object", row.getString("type"));
        assertEquals(1, row.getInteger("minProperties"));
        assertEquals(ref("matrix:key"), row.getJsonObject("propertyNames"));
        JsonObject properties = row.getJsonObject("properties");
        assertEquals(strings(definition("matrix:key").getJsonArray("enum")), List.copyOf(properties.fieldNames()));
        for (String key : properties.fieldNames()) {
            assertEquals(new JsonObject().put("$ref", "#/properties/matrix/properties/" + key + "/items"), properties.getJsonObject(key),
                    "one value of the axis, not a list: " + key);
        }
        assertEquals(matrixAxis("sampler.nodes").getJsonObject("items"), resolve(properties.getJsonObject("sampler.nodes")));
        // A plugin the row sets is complete unless the row also sets one of its parameters by a dotted key.
        JsonObject sampler = row.getJsonArray("allOf").stream().map(JsonObject.class::cast)
                .filter(r -> r.getJsonObject("then").getJsonObject("properties").containsKey("sampler")).findFirst().orElseThrow();
        assertEquals("^sampler\\.", sampler.getJsonObject("if").getJsonObject("propertyNames").getJsonObject("not").getString("pattern"));
        assertEquals(ref("complete:sampler"), sampler.getJsonObject("then").getJsonObject("properties").getJsonObject("sampler"));
    }

    /** Two samplers whose parameter 'steps' has different types, and an empty estimator family. */
    public static final class ConflictingPlugins extends PluginModule {
        private static final Sampler STUB = problem -> {
            throw new UnsupportedOperationException();
        };

        /** Integer steps. */
        public record Whole(@Param(doc = "whole steps", defaultValue = "10", min = 1) int steps) {
        }

        /** Fractional steps. */
        public record Fraction(@Param(doc = "step size", defaultValue = "0.1", min = 0, exclusiveMin = true) double steps) {
        }

        @Override
        protected void configure() {
            register(PluginFamily.SAMPLER, "whole", PluginFactory.of("whole", Whole.class, p -> STUB));
            register(PluginFamily.SAMPLER, "fraction", PluginFactory.of("fraction", Fraction.class, p -> STUB));
            register(PluginFamily.SCHEDULE, "plain", PluginFactory.of("plain", NoParameters.class, p -> (d, q, t) -> null));
        }
    }

    @Test
    void aDottedAxisWhosePluginsDisagreeAcceptsAnyOfTheirSchemasAndAnEmptyFamilyAcceptsNothing() {
        PluginRegistry conflicting = Guice.createInjector(new ConflictingPlugins()).getInstance(PluginRegistry.class);
        JsonObject s = ExperimentSchema.generate(conflicting);
        JsonObject steps = s.getJsonObject("properties").getJsonObject("matrix").getJsonObject("properties")
                .getJsonObject("sampler.steps").getJsonObject("items");
        assertEquals(new JsonArray()
                        .add(new JsonObject().put("description", "step size").put("type", "number").put("exclusiveMinimum", 0L))
                        .add(new JsonObject().put("description", "whole steps").put("type", "integer").put("minimum", 1L)
                                .put("maximum", (long) Integer.MAX_VALUE)),
                steps.getJsonArray("anyOf"), "plugins in name order");
        JsonObject estimator = s.getJsonObject("definitions").getJsonObject("plugin:estimator");
        assertEquals(new JsonObject(), estimator.getJsonObject("not"), "no estimator installed: nothing is valid");
    }

    @Test
    void everyReferenceResolvesAndEveryDefinitionIsUsed() {
        Set<String> definitions = schema.getJsonObject("definitions").fieldNames();
        List<String> refs = new ArrayList<>();
        collectRefs(schema, refs);
        for (String r : refs) {
            assertTrue(r.startsWith("#/definitions/") && definitions.contains(r.substring("#/definitions/".length()))
                    || r.startsWith("#/properties/matrix/properties/") && resolve(new JsonObject().put("$ref", r)) != null, r);
        }
        Set<String> used = refs.stream().filter(r -> r.startsWith("#/definitions/"))
                .map(r -> r.substring("#/definitions/".length())).collect(Collectors.toSet());
        assertEquals(Set.copyOf(definitions), used, "no unused definitions");
    }

    /** What a {@code $ref} JSON pointer into the schema points at (null if nothing). */
    private static JsonObject resolve(JsonObject ref) {
        Object node = schema;
        for (String part : ref.getString("$ref").substring(2).split("/")) {
            node = node instanceof JsonObject o ? o.getValue(part) : null;
        }
        return (JsonObject) node;
    }

    private static void collectRefs(Object node, List<String> refs) {
        if (node instanceof JsonObject o) {
            if (o.containsKey("$ref")) {
                refs.add(o.getString("$ref"));
            }
            o.forEach(e -> collectRefs(e.getValue(), refs));
        } else if (node instanceof JsonArray a) {
            a.forEach(v -> collectRefs(v, refs));
        }
    }

    @Test
    void renderIsIndentedJsonWithNewlinesThatParsesBackAndIsStable() {
        String text = ExperimentSchema.render(registry);
        assertTrue(text.endsWith("}\n"), "ends with one newline");
        assertFalse(text.contains("\r"));
        assertTrue(text.startsWith("{\n  \"$schema\""), text.substring(0, 40));
        assertEquals(schema, new JsonObject(text));
        assertEquals(text, ExperimentSchema.render(registry), "the same every time (registry names are sorted)");
        assertTrue(Stream.of("test-ve", "sigma-min", "soft-plus").allMatch(text::contains));
    }
}
