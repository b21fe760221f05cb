package org.thermodiff.experiment;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.thermodiff.spi.NoParameters;
import org.thermodiff.spi.Param;
import org.thermodiff.testing.TestPlugins;
import org.thermodiff.testing.TestPlugins.Activation;
import org.thermodiff.testing.TestPlugins.GaussianParams;
import org.thermodiff.testing.TestPlugins.MixtureParams;
import org.thermodiff.testing.TestPlugins.NetParams;
import org.thermodiff.testing.TestPlugins.ParticlesParams;
import org.thermodiff.testing.TestPlugins.QuadratureParams;
import org.thermodiff.testing.TestPlugins.Solver;
import org.thermodiff.testing.TestPlugins.SpeedAccuracyParams;
import org.thermodiff.testing.TestPlugins.UniformParams;
import org.thermodiff.testing.TestPlugins.VeParams;
import org.thermodiff.yaml.Problem;
import org.thermodiff.yaml.YamlLoader;
import org.thermodiff.yaml.YamlMap;

class ParameterBinderTest {

    private static final Path FILE = Path.of("params.yaml");
    private static final Set<String> DISTANCES = new TreeSet<>(List.of("test-w1", "test-w2"));

    private final ParameterBinder binder = new ParameterBinder(family -> family.equals("distance") ? DISTANCES : null);
    private final Problems problems = new Problems();

    /** Binds {@code yaml} (a map written at line 1) under path {@code plugin}, owner {@code plugin 'x'}. */
    private <P extends Record> Optional<P> bind(Class<P> type, String yaml) throws Exception {
        YamlMap map = (YamlMap) YamlLoader.parse(FILE, yaml);
        return binder.bind(type, map, Set.of("type", "name"), "plugin", "plugin 'x'", problems);
    }

    private <P extends Record> P bound(Class<P> type, String yaml) throws Exception {
        Optional<P> p = bind(type, yaml);
        assertTrue(problems.isEmpty(), () -> "unexpected problems: " + problems.list());
        return p.orElseThrow();
    }

    /** Binds, expecting failure with exactly one problem. */
    private Problem failure(Class<? extends Record> type, String yaml) throws Exception {
        Optional<? extends Record> p = bind(type, yaml);
        assertFalse(p.isPresent(), () -> "bound despite problems: " + p);
        assertEquals(1, problems.list().size(), () -> "problems: " + problems.list());
        return problems.list().get(0);
    }

    private static void assertAt(Problem p, int line, int column, String key) {
        assertEquals(FILE + ":" + line + ":" + column + " " + key,
                p.mark().file() + ":" + p.mark().line() + ":" + p.mark().column() + " " + p.key(), p::toString);
    }

    private static void assertMentions(Problem p, String... parts) {
        for (String part : parts) {
            assertTrue(p.message().contains(part), () -> "'" + part + "' not in: " + p.message());
        }
    }

    // ---- each supported type -------------------------------------------------------------

    @Test
    void bind_emptyMap_usesEveryDefault() throws Exception {
        QuadratureParams p = bound(QuadratureParams.class, "{}");

        assertEquals(new QuadratureParams(64, Solver.RK4, 1_000_000L), p);
    }

    @Test
    void bind_int() throws Exception {
        assertEquals(4001, bound(QuadratureParams.class, "nodes: 4001").nodes());
    }

    @Test
    void bind_intAtItsInclusiveMinimum() throws Exception {
        assertEquals(16, bound(QuadratureParams.class, "nodes: 16").nodes());
    }

    @Test
    void bind_intBelowMinimum_saysTheAllowedRangeAndPointsAtTheValue() throws Exception {
        Problem p = failure(QuadratureParams.class, "solver: euler\nnodes: 15\n");

        assertAt(p, 2, 8, "plugin.nodes");
        assertMentions(p, "≥ 16", "15");
    }

    @Test
    void bind_intGivenString_saysWhatWasExpectedAndFound() throws Exception {
        Problem p = failure(QuadratureParams.class, "nodes: abc");

        assertAt(p, 1, 8, "plugin.nodes");
        assertMentions(p, "expected an integer ≥ 16", "found a string 'abc'");
    }

    @Test
    void bind_intGivenFraction_isRejected() throws Exception {
        Problem p = failure(QuadratureParams.class, "nodes: 32.5");

        assertMentions(p, "expected an integer", "'32.5'");
    }

    @Test
    void bind_intBeyondIntRange_isRejected() throws Exception {
        Problem p = failure(QuadratureParams.class, "nodes: 3000000000");

        assertAt(p, 1, 8, "plugin.nodes");
        assertMentions(p, "3000000000");
    }

    @Test
    void bind_longBeyondIntRange_isAccepted() throws Exception {
        assertEquals(5_000_000_000L, bound(QuadratureParams.class, "budget: 5000000000").budget());
    }

    @Test
    void bind_longBelowMinimum_isRejected() throws Exception {
        Problem p = failure(QuadratureParams.class, "budget: 0");

        assertMentions(p, "≥ 1", "'0'");
    }

    @Test
    void bind_double_acceptsIntegersAndExponents() throws Exception {
        assertEquals(new GaussianParams(2.0, 1.5e-3), bound(GaussianParams.class, "mean: 2\nstddev: 1.5e-3\n"));
    }

    @Test
    void bind_doubleAtExclusiveMinimum_saysGreaterThan() throws Exception {
        Problem p = failure(GaussianParams.class, "stddev: 0");

        assertAt(p, 1, 9, "plugin.stddev");
        assertMentions(p, "> 0", "found 0");
    }

    @Test
    void bind_doubleGivenString_isRejected() throws Exception {
        Problem p = failure(GaussianParams.class, "mean: one");

        assertMentions(p, "expected a number", "found a string 'one'");
    }

    @Test
    void bind_doubleNotANumber_isRejected() throws Exception {
        Problem p = failure(GaussianParams.class, "mean: .nan");

        assertMentions(p, "expected a number", ".nan");
    }

    @Test
    void bind_doubleInfinity_isRejectedEvenWithoutAnUpperBound() throws Exception {
        Problem p = failure(GaussianParams.class, "stddev: .inf");

        assertAt(p, 1, 9, "plugin.stddev");
        assertMentions(p, "> 0", ".inf");
    }

    @Test
    void bind_doubleInOpenInterval_rejectsBothEnds() throws Exception {
        assertEquals(0.5, bound(NetParams.class, "learning-rate: 0.5").learningRate());

        Problem p = failure(NetParams.class, "learning-rate: 1");

        assertMentions(p, "in (0, 1)", "found 1");
    }

    @Test
    void bind_doubleAtInclusiveMaximum_isAccepted() throws Exception {
        assertEquals(1.0, bound(ParticlesParams.class, "particles: 10\nstep: 1.0\n").step());
    }

    @Test
    void bind_boolean_acceptsYaml11Spellings() throws Exception {
        assertTrue(bound(ParticlesParams.class, "particles: 1\nantithetic: yes\n").antithetic());
    }

    @Test
    void bind_booleanGivenNumber_isRejected() throws Exception {
        Problem p = failure(ParticlesParams.class, "particles: 1\nantithetic: 1\n");

        assertAt(p, 2, 13, "plugin.antithetic");
        assertMentions(p, "true or false", "found an integer '1'");
    }

    @Test
    void bind_enum_acceptsKebabCaseConstantNames() throws Exception {
        assertEquals(Solver.DORMAND_PRINCE, bound(QuadratureParams.class, "solver: dormand-prince").solver());
        assertEquals(Activation.SOFT_PLUS, bound(NetParams.class, "activation: soft-plus").activation());
    }

    @Test
    void bind_unknownEnumValue_listsTheChoicesAndSuggests() throws Exception {
        Problem p = failure(QuadratureParams.class, "solver: rk5");

        assertAt(p, 1, 9, "plugin.solver");
        assertMentions(p, "euler, rk4, dormand-prince", "found 'rk5'", "Did you mean 'rk4'?");
    }

    @Test
    void bind_enumIgnoresCaseAndUnderscores() throws Exception {
        assertEquals(TestPlugins.Solver.DORMAND_PRINCE, bound(QuadratureParams.class, "solver: DORMAND_PRINCE").solver());
        assertEquals(TestPlugins.Solver.DORMAND_PRINCE, bound(QuadratureParams.class, "solver: Dormand-Prince").solver());
    }

    @Test
    void bind_doubleArray() throws Exception {
        MixtureParams p = bound(MixtureParams.class, "weights: [0.25, 0.75]\nmeans: [-1, 1.5]\n");

        assertArrayEquals(new double[] {0.25, 0.75}, p.weights());
        assertArrayEquals(new double[] {-1.0, 1.5}, p.means());
        assertEquals(0.3, p.stddev());
    }

    @Test
    void bind_doubleArrayElementOutOfRange_pointsAtTheElement() throws Exception {
        Problem p = failure(MixtureParams.class, "weights: [0.5, -0.5]\nmeans: [0, 1]\n");

        assertAt(p, 1, 16, "plugin.weights[1]");
        assertMentions(p, "≥ 0", "-0.5");
    }

    @Test
    void bind_doubleArrayGivenScalar_saysAListIsExpected() throws Exception {
        Problem p = failure(MixtureParams.class, "weights: 1\nmeans: [0]\n");

        assertAt(p, 1, 10, "plugin.weights");
        assertMentions(p, "expected a list of numbers ≥ 0", "found an integer '1'");
    }

    @Test
    void bind_intArray() throws Exception {
        assertArrayEquals(new int[] {64, 32, 16}, bound(NetParams.class, "layers: [64, 32, 16]").layers());
    }

    @Test
    void bind_intArrayElementOutOfRange_isRejected() throws Exception {
        Problem p = failure(NetParams.class, "layers:\n  - 8\n  - 0\n");

        assertAt(p, 3, 5, "plugin.layers[1]");
        assertMentions(p, "≥ 1", "'0'");
    }

    @Test
    void bind_familyString_acceptsARegisteredName() throws Exception {
        assertEquals("test-w2", bound(SpeedAccuracyParams.class, "distance: test-w2").distance());
    }

    @Test
    void bind_familyString_rejectsAnUnknownNameListingTheKnown() throws Exception {
        Problem p = failure(SpeedAccuracyParams.class, "distance: test-w3");

        assertAt(p, 1, 11, "plugin.distance");
        assertMentions(p, "unknown distance 'test-w3'", "Did you mean 'test-w1'?", "test-w1, test-w2");
    }

    @Test
    void bind_familyStringGivenList_isRejected() throws Exception {
        Problem p = failure(SpeedAccuracyParams.class, "distance: [test-w1]");

        assertMentions(p, "the name of a distance plugin", "found a list");
    }

    @Test
    void bind_familyString_isUncheckedWhenTheFamilyIsUnknownToTheBinder() throws Exception {
        ParameterBinder unchecked = new ParameterBinder(family -> null);
        YamlMap map = (YamlMap) YamlLoader.parse(FILE, "distance: anything");

        Optional<SpeedAccuracyParams> p = unchecked.bind(SpeedAccuracyParams.class, map, Set.of(), "", "m", problems);

        assertEquals("anything", p.orElseThrow().distance());
    }

    @Test
    void bind_camelCaseComponent_isWrittenInKebabCase() throws Exception {
        assertEquals(new VeParams(0.1, 50.0), bound(VeParams.class, "sigma-min: 0.1\nsigma-max: 50\n"));
    }

    @Test
    void bind_camelCaseKey_isUnknownAndSuggestsKebabCase() throws Exception {
        Problem p = failure(VeParams.class, "sigmaMax: 50");

        assertMentions(p, "unknown key 'sigmaMax'", "Did you mean 'sigma-max'?");
    }

    // ---- keys ----------------------------------------------------------------------------

    @Test
    void bind_unknownKey_suggestsTheClosestAndListsAllowedKeys() throws Exception {
        Problem p = failure(QuadratureParams.class, "type: quadrature-1d\nnode: 32\n");

        assertAt(p, 2, 1, "plugin.node");
        assertMentions(p, "unknown key 'node'", "Did you mean 'nodes'?", "plugin 'x'", "nodes, solver, budget");
    }

    @Test
    void bind_unknownKeyFarFromAny_listsAllowedKeysWithoutSuggestion() throws Exception {
        Problem p = failure(QuadratureParams.class, "colour: red");

        assertMentions(p, "unknown key 'colour'", "nodes, solver, budget");
        assertFalse(p.message().contains("Did you mean"), p::message);
    }

    @Test
    void bind_reservedKeys_areNotUnknown() throws Exception {
        assertEquals(new GaussianParams(1.0, 1.0), bound(GaussianParams.class, "type: gaussian\nname: shifted\nmean: 1\n"));
    }

    @Test
    void bind_keyForPluginWithoutParameters_saysItTakesNone() throws Exception {
        Problem p = failure(NoParameters.class, "nodes: 3");

        assertMentions(p, "unknown key 'nodes'", "plugin 'x' takes no parameters");
    }

    @Test
    void bind_missingRequiredKey_pointsAtTheMapAndDescribesTheKey() throws Exception {
        Problem p = failure(ParticlesParams.class, "antithetic: true");

        assertAt(p, 1, 1, "plugin.particles");
        assertMentions(p, "missing required key 'particles'", "plugin 'x'", "an integer ≥ 1", "number of particles");
    }

    @Test
    void bind_reportsEveryProblemOfTheMap() throws Exception {
        Optional<ParticlesParams> p = bind(ParticlesParams.class, "partcles: 10\nstep: 2\nantithetic: maybe\n");

        assertFalse(p.isPresent());
        List<String> keys = problems.list().stream().map(Problem::key).toList();
        assertEquals(Set.of("plugin.partcles", "plugin.particles", "plugin.step", "plugin.antithetic"), Set.copyOf(keys),
                () -> "problems: " + problems.list());
    }

    @Test
    void bind_componentWithoutParamAnnotation_isRequiredAndUnbounded() throws Exception {
        record Bare(int count, String label) {
        }

        assertEquals(new Bare(-3, "x"), bound(Bare.class, "count: -3\nlabel: x\n"));
        Problem p = failure(Bare.class, "count: 1");
        assertMentions(p, "missing required key 'label'");
    }

    // ---- the record's own validation -----------------------------------------------------

    @Test
    void bind_compactConstructorError_becomesAProblemAtTheMap() throws Exception {
        Problem p = failure(MixtureParams.class, "weights: [0.5, 0.5]\nmeans: [0]\n");

        assertAt(p, 1, 1, "plugin");
        assertMentions(p, "plugin 'x'", "weights and means must have the same length");
    }

    @Test
    void bind_crossFieldCheck_isNotRunWhenAValueIsAlreadyWrong() throws Exception {
        Problem p = failure(UniformParams.class, "low: 2\nhigh: x\n");

        assertEquals("plugin.high", p.key());
    }

    @Test
    void bind_crossFieldCheck_onAValidRecordPasses() throws Exception {
        assertEquals(new UniformParams(-1, 1), bound(UniformParams.class, "low: -1\nhigh: 1\n"));
    }

    /** Its constructor fails with something other than {@link IllegalArgumentException}. */
    record Broken(@Param(doc = "x", defaultValue = "1") int x) {
        Broken {
            throw new IllegalStateException("bug in the plugin");
        }
    }

    @Test
    void bind_constructorFailingOtherwise_isAProgrammingErrorNotAProblem() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> bind(Broken.class, "x: 2"));

        assertTrue(e.getMessage().contains(Broken.class.getName()), e::getMessage);
    }

    // ---- defaults and describe -----------------------------------------------------------

    @Test
    void defaults_bindsEveryDefaultValue() {
        NetParams p = ParameterBinder.defaults(NetParams.class);

        assertAll(
                () -> assertArrayEquals(new int[] {8, 8}, p.layers()),
                () -> assertEquals(Activation.TANH, p.activation()),
                () -> assertEquals(0.001, p.learningRate()));
    }

    @Test
    void defaults_readsExponentNotationAndSkipsPluginNameCheck() {
        SpeedAccuracyParams p = ParameterBinder.defaults(SpeedAccuracyParams.class);

        assertEquals(new SpeedAccuracyParams("test-w1", 1e-9), p);
    }

    @Test
    void defaults_ofRecordWithoutParameters() {
        assertEquals(new NoParameters(), ParameterBinder.defaults(NoParameters.class));
    }

    @Test
    void defaults_withARequiredParameter_failsNamingIt() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ParameterBinder.defaults(ParticlesParams.class));

        assertTrue(e.getMessage().contains("particles"), e::getMessage);
    }

    record BadDefault(@Param(doc = "x", defaultValue = "many", min = 1) int count) {
    }

    record OutOfRangeDefault(@Param(doc = "x", defaultValue = "0", min = 1) int count) {
    }

    @Test
    void defaults_thatDoNotBind_areAProgrammingErrorNamingTheComponent() {
        IllegalStateException bad = assertThrows(IllegalStateException.class,
                () -> ParameterBinder.defaults(BadDefault.class));
        IllegalStateException range = assertThrows(IllegalStateException.class,
                () -> ParameterBinder.defaults(OutOfRangeDefault.class));

        assertTrue(bad.getMessage().contains("BadDefault.count") && bad.getMessage().contains("many"), bad::getMessage);
        assertTrue(range.getMessage().contains("OutOfRangeDefault.count"), range::getMessage);
    }

    @Test
    void describe_listsKeysTypesDefaultsAndDocsInComponentOrder() {
        List<ParameterInfo> info = ParameterBinder.describe(NetParams.class);

        assertEquals(List.of(
                new ParameterInfo("layers", "a list of integers ≥ 1", Optional.of("[8, 8]"), "hidden layer widths"),
                new ParameterInfo("activation", "one of tanh, relu, soft-plus", Optional.of("tanh"), "activation function"),
                new ParameterInfo("learning-rate", "a number in (0, 1)", Optional.of("0.001"), "learning rate")), info);
    }

    @Test
    void describe_marksRequiredParametersWithoutDefault() {
        List<ParameterInfo> info = ParameterBinder.describe(ParticlesParams.class);

        assertEquals("particles", info.get(0).key());
        assertEquals(Optional.empty(), info.get(0).defaultValue());
        assertEquals("true or false", info.get(1).type());
        assertEquals("a number in (0, 1]", info.get(2).type());
    }

    @Test
    void describe_familyStringAndUnboundedNumbers() {
        List<ParameterInfo> sa = ParameterBinder.describe(SpeedAccuracyParams.class);
        List<ParameterInfo> g = ParameterBinder.describe(GaussianParams.class);

        assertEquals("the name of a distance plugin", sa.get(0).type());
        assertEquals("a number", g.get(0).type());
        assertEquals("a number > 0", g.get(1).type());
    }

    @Test
    void describe_recordWithoutParameters_isEmpty() {
        assertTrue(ParameterBinder.describe(NoParameters.class).isEmpty());
    }

    @Test
    void key_andEnumName_areKebabCase() throws Exception {
        assertEquals("learning-rate", ParameterBinder.key(NetParams.class.getRecordComponents()[2]));
        assertEquals("soft-plus", ParameterBinder.enumName(Activation.SOFT_PLUS));
    }
}
