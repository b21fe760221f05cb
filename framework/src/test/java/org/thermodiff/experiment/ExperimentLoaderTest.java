package org.thermodiff.experiment;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thermodiff.Thermodiff;
import org.thermodiff.plugin.PluginRegistry;
import org.thermodiff.spi.NoParameters;
import org.thermodiff.testing.TestPlugins.GaussianParams;
import org.thermodiff.testing.TestPlugins.MixtureParams;
import org.thermodiff.testing.TestPlugins.NetParams;
import org.thermodiff.testing.TestPlugins.ParticlesParams;
import org.thermodiff.testing.TestPlugins.QuadratureParams;
import org.thermodiff.testing.TestPlugins.Solver;
import org.thermodiff.testing.TestPlugins.SpeedAccuracyParams;
import org.thermodiff.testing.TestPlugins.UniformParams;
import org.thermodiff.testing.TestPlugins.VeParams;
import org.thermodiff.yaml.InputException;
import org.thermodiff.yaml.Problem;

class ExperimentLoaderTest {

    /** A complete experiment: 2 schedules × 3 perturbations, everything else defaulted. */
    private static final String SWEEP = """
            name: sweep
            description: two schedules, three starts
            tau: 1.0
            data: { type: test-mixture, weights: [0.5, 0.5], means: [-0.5, 0.5] }
            matrix:
              schedule: [test-cosine, test-cond-ot]
              perturbation:
                - { name: shifted, type: gaussian, mean: 1.0 }
                - { name: narrow, type: gaussian, stddev: 0.8 }
                - { type: test-uniform, low: -1.5, high: 1.5 }
            """;

    /** The keys every run needs, without matrix. */
    private static final String SINGLE = """
            name: single
            data: gaussian
            schedule: test-cosine
            perturbation: { type: gaussian, mean: 1 }
            """;

    private static PluginRegistry registry;

    @TempDir
    Path dir;

    @BeforeAll
    static void discoverTestPlugins() {
        registry = Thermodiff.injector(ExperimentLoaderTest.class.getClassLoader(), 1).getInstance(PluginRegistry.class);
    }

    private Path write(String text) throws IOException {
        return write("experiment.yaml", text);
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private ExperimentPlan load(String text) throws Exception {
        return new ExperimentLoader(registry).load(write(text), OptionalLong.empty());
    }

    private List<Problem> problems(String text) throws Exception {
        Path file = write(text);
        InputException e = assertThrows(InputException.class,
                () -> new ExperimentLoader(registry).load(file, OptionalLong.empty()));
        for (Problem p : e.problems()) {
            assertEquals(file, p.mark().file(), () -> "problem outside the file: " + p);
        }
        return e.problems();
    }

    /** The only problem with {@code key}. */
    private Problem problem(String text, String key) throws Exception {
        List<Problem> all = problems(text);
        List<Problem> matching = all.stream().filter(p -> p.key().equals(key)).toList();
        assertEquals(1, matching.size(), () -> "problems with key '" + key + "' among: " + all);
        return matching.get(0);
    }

    private static void assertAt(Problem p, int line, int column) {
        assertEquals(line + ":" + column, p.mark().line() + ":" + p.mark().column(), p::toString);
    }

    private static void assertMentions(Problem p, String... parts) {
        for (String part : parts) {
            assertTrue(p.message().contains(part), () -> "'" + part + "' not in: " + p);
        }
    }

    private static Map<String, Long> seedsByLabels(ExperimentPlan plan) {
        return plan.runs().stream().collect(Collectors.toMap(r -> r.labels().toString(), RunSpec::seed));
    }

    // ---- a valid sweep -------------------------------------------------------------------

    @Test
    void load_matrix_expandsEveryCombinationFirstAxisOutermost() throws Exception {
        ExperimentPlan plan = load(SWEEP);

        assertEquals(List.of("schedule", "perturbation"), plan.axes());
        List<String> labels = plan.runs().stream()
                .map(r -> r.labels().get("schedule") + "/" + r.labels().get("perturbation")).toList();
        assertEquals(List.of(
                "test-cosine/shifted", "test-cosine/narrow", "test-cosine/test-uniform",
                "test-cond-ot/shifted", "test-cond-ot/narrow", "test-cond-ot/test-uniform"), labels);
        assertEquals(List.of(0, 1, 2, 3, 4, 5), plan.runs().stream().map(RunSpec::index).toList());
        assertEquals(List.of("schedule", "perturbation"), List.copyOf(plan.runs().get(0).labels().keySet()));
    }

    @Test
    void load_matrix_bindsEachRunsPluginsAndParameters() throws Exception {
        ExperimentPlan plan = load(SWEEP);
        RunSpec narrowCondOt = plan.runs().get(4);
        RunSpec uniformCosine = plan.runs().get(2);

        assertAll(
                () -> assertEquals("test-cond-ot", narrowCondOt.schedule().name()),
                () -> assertEquals("gaussian", narrowCondOt.perturbation().name()),
                () -> assertEquals("narrow", narrowCondOt.perturbation().label()),
                () -> assertEquals(new GaussianParams(0.0, 0.8), narrowCondOt.perturbation().parameters()),
                () -> assertEquals("test-uniform", uniformCosine.perturbation().label()),
                () -> assertEquals(new UniformParams(-1.5, 1.5), uniformCosine.perturbation().parameters()),
                () -> assertEquals("test-mixture", narrowCondOt.data().name()),
                () -> assertEquals(List.of(0.5, 0.5), boxed(((MixtureParams) narrowCondOt.data().parameters()).weights())),
                () -> assertEquals("sweep#4 (schedule=test-cond-ot, perturbation=narrow)", narrowCondOt.id()));
    }

    private static List<Double> boxed(double[] a) {
        return Arrays.stream(a).boxed().toList();
    }

    @Test
    void load_optionalKeys_takeTheDocumentedDefaults() throws Exception {
        ExperimentPlan plan = load(SWEEP);
        RunSpec run = plan.runs().get(0);

        assertAll(
                () -> assertEquals("sweep", plan.name()),
                () -> assertEquals("two schedules, three starts", plan.description()),
                () -> assertEquals(1.0, run.tau()),
                () -> assertEquals("gaussian", run.prior().name()),
                () -> assertEquals(new GaussianParams(0, 1), run.prior().parameters()),
                () -> assertEquals("analytic", run.estimator().name()),
                () -> assertEquals(new NoParameters(), run.estimator().parameters()),
                () -> assertEquals("quadrature-1d", run.sampler().name()),
                () -> assertEquals(new QuadratureParams(64, Solver.RK4, 1_000_000), run.sampler().parameters()),
                () -> assertEquals(List.of("speed-accuracy"), run.metrics().stream().map(PluginSpec::name).toList()),
                () -> assertEquals(new SpeedAccuracyParams("test-w1", 1e-9), run.metrics().get(0).parameters()),
                () -> assertEquals(new TimeRule.GaussLegendre(4, 16, 3), run.time()),
                () -> assertEquals(List.of("table", "json", "csv"), plan.reporters().stream().map(PluginSpec::name).toList()));
    }

    @Test
    void load_keepsSourceAndText() throws Exception {
        Path file = write(SWEEP);

        ExperimentPlan plan = new ExperimentLoader(registry).load(file, OptionalLong.empty());

        assertEquals(file, plan.source());
        assertEquals(SWEEP, plan.text());
    }

    @Test
    void load_withoutMatrix_isOneRunWithoutLabels() throws Exception {
        ExperimentPlan plan = load(SINGLE);

        assertEquals(1, plan.runs().size());
        assertEquals(List.of(), plan.axes());
        assertEquals(Map.of(), plan.runs().get(0).labels());
        assertEquals("single#0", plan.runs().get(0).id());
    }

    @Test
    void load_explicitPluginsAndLists() throws Exception {
        ExperimentPlan plan = load(SINGLE + """
                tau: 2
                prior: { type: gaussian, stddev: 2 }
                estimator: { type: test-net, layers: [4], activation: relu }
                sampler: { type: test-particles, particles: 100 }
                metrics: [test-tally, { type: speed-accuracy, distance: test-w2 }]
                time: { type: uniform, intervals: 10 }
                report: [{ type: test-sink, target: out }]
                """);
        RunSpec run = plan.runs().get(0);

        assertAll(
                () -> assertEquals(2.0, run.tau()),
                () -> assertEquals(new GaussianParams(0, 2), run.prior().parameters()),
                () -> assertEquals("test-net", run.estimator().name()),
                () -> assertEquals(new ParticlesParams(100, false, 0.01), run.sampler().parameters()),
                () -> assertEquals(List.of("test-tally", "speed-accuracy"), run.metrics().stream().map(PluginSpec::name).toList()),
                () -> assertEquals("test-w2", ((SpeedAccuracyParams) run.metrics().get(1).parameters()).distance()),
                () -> assertEquals(new TimeRule.Uniform(10, 3), run.time()),
                () -> assertEquals(List.of("test-sink"), plan.reporters().stream().map(PluginSpec::name).toList()));
    }

    // ---- matrix axes ---------------------------------------------------------------------

    @Test
    void load_dottedAxis_setsAParameterOfTheDefaultSampler() throws Exception {
        ExperimentPlan plan = load(SINGLE + "matrix:\n  sampler.nodes: [32, 4001]\n");

        assertEquals(List.of("sampler.nodes"), plan.axes());
        assertEquals(List.of("32", "4001"), plan.runs().stream().map(r -> r.labels().get("sampler.nodes")).toList());
        assertEquals(List.of(32, 4001), plan.runs().stream()
                .map(r -> ((QuadratureParams) r.sampler().parameters()).nodes()).toList());
        assertTrue(plan.runs().stream().allMatch(r -> r.sampler().name().equals("quadrature-1d")));
    }

    @Test
    void load_dottedAxis_keepsTheOtherParametersOfTheDeclaredPlugin() throws Exception {
        ExperimentPlan plan = load(SINGLE + "sampler: { type: quadrature-1d, solver: euler, nodes: 16 }\n"
                + "matrix:\n  sampler.nodes: [128]\n");

        assertEquals(new QuadratureParams(128, Solver.EULER, 1_000_000), plan.runs().get(0).sampler().parameters());
    }

    @Test
    void load_dottedAxis_intoAPluginGivenByBareName() throws Exception {
        ExperimentPlan plan = load(SINGLE + "sampler: test-particles\nmatrix:\n  sampler.particles: [10, 20]\n");

        assertEquals(List.of(10, 20), plan.runs().stream()
                .map(r -> ((ParticlesParams) r.sampler().parameters()).particles()).toList());
        assertEquals("test-particles", plan.runs().get(1).sampler().name());
    }

    @Test
    void load_scalarAxes_tauAndSeed() throws Exception {
        ExperimentPlan plan = load(SINGLE + "matrix:\n  tau: [0.5, 2]\n  seed: [1, 2, 3]\n");

        assertEquals(6, plan.runs().size());
        assertEquals(List.of(0.5, 0.5, 0.5, 2.0, 2.0, 2.0), plan.runs().stream().map(RunSpec::tau).toList());
        assertEquals(List.of("1", "2", "3", "1", "2", "3"), plan.runs().stream().map(r -> r.labels().get("seed")).toList());
        assertEquals("0.5", plan.runs().get(0).labels().get("tau"));
        assertEquals(6, plan.runs().stream().map(RunSpec::seed).distinct().count(), "every run has its own seed");
    }

    @Test
    void load_matrixPluginNameAxis_acceptsMapsAndNamesMixed() throws Exception {
        ExperimentPlan plan = load(SINGLE + "matrix:\n  estimator: [analytic, { type: test-net, name: tiny, layers: [2] }]\n");

        assertEquals(List.of("analytic", "tiny"), plan.runs().stream().map(r -> r.labels().get("estimator")).toList());
        assertEquals(List.of("analytic", "test-net"), plan.runs().stream().map(r -> r.estimator().name()).toList());
    }

    // ---- matrix: exclude and include ----------------------------------------------------

    @Test
    void exclude_dropsEveryCombinationWithAllOfARowsValuesMatchingMapEntriesByName() throws Exception {
        ExperimentPlan plan = load(SWEEP + """
                  exclude:
                    - { schedule: test-cosine, perturbation: narrow }
                    - { perturbation: test-uniform }
                """);

        assertEquals(List.of("schedule", "perturbation"), plan.axes(), "'exclude' is not an axis");
        assertEquals(List.of("test-cosine/shifted", "test-cond-ot/shifted", "test-cond-ot/narrow"), plan.runs().stream()
                .map(r -> r.labels().get("schedule") + "/" + r.labels().get("perturbation")).toList());
        assertEquals(List.of(0, 1, 2), plan.runs().stream().map(RunSpec::index).toList(), "numbered without gaps");
        assertEquals("sweep#2 (schedule=test-cond-ot, perturbation=narrow)", plan.runs().get(2).id());
        Map<String, Long> all = seedsByLabels(load(SWEEP));
        seedsByLabels(plan).forEach((labels, seed) -> assertEquals(all.get(labels), seed, "a run keeps its seed: " + labels));
    }

    @Test
    void exclude_matchesNumbersByValue() throws Exception {
        ExperimentPlan plan = load(SINGLE + """
                matrix:
                  tau: [0.5, 2]
                  sampler.nodes: [32, 4001]
                  exclude:
                    - { tau: 0.50, sampler.nodes: 32 }
                    - { tau: 2.0, sampler.nodes: 4001 }
                """);

        assertEquals(List.of("0.5/4001", "2/32"), plan.runs().stream()
                .map(r -> r.labels().get("tau") + "/" + r.labels().get("sampler.nodes")).toList());
    }

    @Test
    void include_addsOneRunPerRowAfterTheCombinationsWithTheRowsLabelsAndPlugins() throws Exception {
        ExperimentPlan plan = load(SWEEP + """
                  include:
                    - { schedule: { type: test-ve, sigma-max: 2 }, perturbation: { name: wide, type: gaussian, stddev: 2 },
                        estimator: { type: test-net, layers: [4] } }
                    - schedule: { name: cosine-euler, type: test-cosine }
                      perturbation: narrow
                      sampler.nodes: 128
                      sampler: { type: quadrature-1d, solver: euler }
                """);
        RunSpec ve = plan.runs().get(6);
        RunSpec euler = plan.runs().get(7);

        assertEquals(8, plan.runs().size());
        assertEquals(List.of("schedule", "perturbation"), plan.axes(), "'include' is not an axis");
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7), plan.runs().stream().map(RunSpec::index).toList());
        assertAll(
                () -> assertEquals(Map.of("schedule", "test-ve", "perturbation", "wide"), ve.labels()),
                () -> assertEquals(List.of("schedule", "perturbation"), List.copyOf(ve.labels().keySet()), "in axis order"),
                () -> assertEquals("test-ve", ve.schedule().name()),
                () -> assertEquals(new VeParams(0.01, 2), ve.schedule().parameters()),
                () -> assertEquals(new GaussianParams(0, 2), ve.perturbation().parameters()),
                () -> assertEquals("test-net", ve.estimator().name()),
                () -> assertArrayEquals(new int[] {4}, ((NetParams) ve.estimator().parameters()).layers()),
                () -> assertEquals(new QuadratureParams(64, Solver.RK4, 1_000_000), ve.sampler().parameters(), "the document's"),
                () -> assertEquals("test-mixture", ve.data().name(), "the document's"),
                () -> assertEquals("sweep#7 (schedule=cosine-euler, perturbation=narrow)", euler.id()),
                () -> assertEquals("test-cosine", euler.schedule().name()),
                () -> assertEquals(new GaussianParams(0, 0.8), euler.perturbation().parameters(),
                        "a scalar that labels a value of the axis is that value"),
                () -> assertEquals("narrow", euler.perturbation().label()),
                () -> assertEquals(new QuadratureParams(128, Solver.EULER, 1_000_000), euler.sampler().parameters(),
                        "the dotted path refines the row's sampler, whatever the order"),
                () -> assertEquals("analytic", euler.estimator().name()));
        assertTrue(plan.runs().subList(0, 6).stream().allMatch(r -> r.estimator().name().equals("analytic")
                && ((QuadratureParams) r.sampler().parameters()).nodes() == 64), "the combinations are unchanged");
        Map<String, Long> seeds = seedsByLabels(plan);
        seedsByLabels(load(SWEEP)).forEach((labels, seed) -> assertEquals(seed, seeds.get(labels), labels));
        assertEquals(ExperimentLoader.deriveSeed(ExperimentLoader.DEFAULT_SEED, ve.labels()), ve.seed());
        assertEquals(8, Set.copyOf(seeds.values()).size());
    }

    @Test
    void excludeAndInclude_replaceOneRunKeepingItsLabelsAndSeed() throws Exception {
        ExperimentPlan plan = load(SWEEP + """
                  exclude: [{ schedule: test-cond-ot, perturbation: narrow }]
                  include: [{ schedule: test-cond-ot, perturbation: narrow, estimator: test-net, tau: 2 }]
                """);
        RunSpec replaced = plan.runs().get(5);

        assertEquals(6, plan.runs().size());
        assertEquals("sweep#5 (schedule=test-cond-ot, perturbation=narrow)", replaced.id());
        assertEquals("test-net", replaced.estimator().name());
        assertEquals(2.0, replaced.tau());
        assertEquals(seedsByLabels(load(SWEEP)), seedsByLabels(plan));
    }

    @Test
    void excludeAndInclude_mayBeEmpty() throws Exception {
        ExperimentPlan plan = load(SWEEP + "  exclude: []\n  include: []\n");

        assertEquals(seedsByLabels(load(SWEEP)), seedsByLabels(plan));
        assertEquals(6, plan.runs().size());
    }

    @Test
    void excludeKeyThatIsNotAnAxis_suggestsAndListsTheAxes() throws Exception {
        Problem p = problem(SWEEP + "  exclude:\n    - { schedul: test-cosine }\n", "matrix.exclude[0].schedul");

        assertAt(p, 12, 9);
        assertMentions(p, "'schedul' is not an axis", "Did you mean 'schedule'?", "schedule, perturbation");
    }

    @Test
    void excludeTopLevelKeyThatIsNotAnAxis_isRejected() throws Exception {
        Problem p = problem(SWEEP + "  exclude:\n    - { estimator: analytic }\n", "matrix.exclude[0].estimator");

        assertMentions(p, "'estimator' is not an axis", "schedule, perturbation");
    }

    @Test
    void excludeValueThatIsNoValueOfItsAxis_pointsAtTheValueAndListsTheValues() throws Exception {
        List<Problem> problems = problems(SWEEP + "  exclude:\n    - { schedule: test-cosin, perturbation: gaussian }\n");

        assertEquals(List.of("matrix.exclude[0].schedule", "matrix.exclude[0].perturbation"),
                problems.stream().map(Problem::key).toList());
        assertAt(problems.get(0), 12, 19);
        assertMentions(problems.get(0), "'test-cosin' is not a value of the axis 'schedule'", "Did you mean 'test-cosine'?",
                "test-cosine, test-cond-ot");
        assertAt(problems.get(1), 12, 45);
        assertMentions(problems.get(1), "'gaussian'", "shifted, narrow, test-uniform", "'name:'");
    }

    @Test
    void excludeThatIsNotAListOfMaps_isRejectedAtEachBadRow() throws Exception {
        Problem notAList = problem(SWEEP + "  exclude: { schedule: test-cosine }\n", "matrix.exclude");
        List<Problem> rows = problems(SWEEP + "  exclude: [test-cosine, {}]\n");

        assertAt(notAList, 11, 12);
        assertMentions(notAList, "expected a list of maps", "found a map");
        assertEquals(List.of("matrix.exclude[0]", "matrix.exclude[1]"), rows.stream().map(Problem::key).toList());
        assertMentions(rows.get(0), "expected a non-empty map", "found a string");
        assertMentions(rows.get(1), "found an empty map");
    }

    @Test
    void excludingEveryRun_isRejected() throws Exception {
        Problem p = problem(SWEEP + "  exclude:\n    - { schedule: test-cosine }\n    - { schedule: test-cond-ot }\n",
                "matrix.exclude");

        assertAt(p, 11, 3);
        assertMentions(p, "every run", "excluded");
    }

    @Test
    void includeRowWithoutEveryAxis_namesTheMissingAxes() throws Exception {
        Problem p = problem(SWEEP + "  include:\n    - { schedule: test-ve, estimator: test-net }\n", "matrix.include[0]");

        assertAt(p, 12, 7);
        assertMentions(p, "every matrix axis", "missing: perturbation", "Axes: schedule, perturbation");
    }

    @Test
    void includeKeysThatCannotBeSet_areRejectedAtTheKey() throws Exception {
        List<Problem> problems = problems(SWEEP + "  include:\n"
                + "    - { schedule: test-ve, perturbation: narrow, report: [csv], name: other, estimater: test-net }\n");

        assertEquals(List.of("matrix.include[0].report", "matrix.include[0].name", "matrix.include[0].estimater"),
                problems.stream().map(Problem::key).toList());
        assertAt(problems.get(0), 12, 50);
        assertMentions(problems.get(0), "cannot set 'report'", "tau, seed, data");
        assertMentions(problems.get(2), "Did you mean 'estimator'?");
    }

    @Test
    void includedRunWithTheLabelsOfAnotherRun_isRejectedAtTheRow() throws Exception {
        List<Problem> problems = problems(SWEEP + "  include:\n"
                + "    - { schedule: test-cond-ot, perturbation: narrow, estimator: test-net }\n"
                + "    - { schedule: test-ve, perturbation: narrow }\n"
                + "    - { schedule: test-ve, perturbation: { name: narrow, type: gaussian, mean: 3 } }\n");

        assertEquals(List.of("matrix.include[0]", "matrix.include[2]"), problems.stream().map(Problem::key).toList());
        assertAt(problems.get(0), 12, 7);
        assertMentions(problems.get(0), "runs 4 and 6 have the same labels {schedule=test-cond-ot, perturbation=narrow}",
                "'name:'", "exclude");
        assertAt(problems.get(1), 14, 7);
        assertMentions(problems.get(1), "runs 7 and 8 have the same labels {schedule=test-ve, perturbation=narrow}");
    }

    @Test
    void includeWithoutAxes_isRejected() throws Exception {
        Problem p = problem(SINGLE + "matrix:\n  include:\n    - { estimator: test-net }\n", "matrix.include");

        assertAt(p, 6, 3);
        assertMentions(p, "at least one axis");
    }

    @Test
    void badValueInAnIncludeRow_pointsIntoTheRow() throws Exception {
        Problem p = problem(SWEEP + "  include:\n    - { schedule: { type: test-ve, sigma-max: -1 }, perturbation: narrow }\n",
                "schedule.sigma-max");

        assertAt(p, 12, 47);
        assertMentions(p, "> 0");
    }

    @Test
    void includeAndExcludeAreNotAxes_aListOfValuesIsNotRows() throws Exception {
        Problem include = problem(SWEEP + "  include: [test-ve]\n", "matrix.include[0]");

        assertMentions(include, "expected a non-empty map", "found a string");
    }

    @Test
    void rowsAreNotCheckedAgainstABrokenAxisButWhatDoesNotDependOnItIs() throws Exception {
        List<Problem> problems = problems(SWEEP.replace("  schedule:", "  schedul:")
                + "  exclude: [{ schedule: test-cosine }]\n  include: [{ schedule: test-ve, report: csv }]\n");

        assertEquals(Set.of("matrix.schedul", "matrix.include[0].report"), problems.stream().map(Problem::key)
                .collect(Collectors.toSet()), () -> "problems: " + problems);
    }

    // ---- seeds ---------------------------------------------------------------------------

    @Test
    void runSeeds_areDeterministic() throws Exception {
        assertEquals(seedsByLabels(load(SWEEP)), seedsByLabels(load(SWEEP)));
    }

    @Test
    void runSeeds_areDistinctPerRun() throws Exception {
        assertEquals(6, Set.copyOf(seedsByLabels(load(SWEEP)).values()).size());
    }

    @Test
    void runSeeds_dependOnLabelsNotOnPositionInTheMatrix() throws Exception {
        String reordered = SWEEP.replace("schedule: [test-cosine, test-cond-ot]", "schedule: [test-cond-ot, test-cosine]")
                .replace("    - { name: shifted, type: gaussian, mean: 1.0 }\n", "")
                + "    - { name: shifted, type: gaussian, mean: 1.0 }\n";
        ExperimentPlan original = load(SWEEP);
        ExperimentPlan shuffled = load(reordered);

        assertNotEquals(original.runs().get(0).labels(), shuffled.runs().get(0).labels(), "the order did change");
        assertEquals(seedsByLabels(original), seedsByLabels(shuffled));
    }

    @Test
    void runSeeds_dependOnTheExperimentSeed() throws Exception {
        Map<String, Long> seed1 = seedsByLabels(load(SWEEP + "seed: 1\n"));
        Map<String, Long> seed2 = seedsByLabels(load(SWEEP + "seed: 2\n"));

        assertEquals(seed1.keySet(), seed2.keySet());
        seed1.forEach((labels, seed) -> assertNotEquals(seed, seed2.get(labels), labels));
    }

    @Test
    void seedOverride_replacesTheDefaultSeed() throws Exception {
        Path file = write(SWEEP);

        ExperimentPlan overridden = new ExperimentLoader(registry).load(file, OptionalLong.of(7));

        assertEquals(7, overridden.seed());
        assertEquals(seedsByLabels(load(SWEEP + "seed: 7\n")), seedsByLabels(overridden));
        assertNotEquals(seedsByLabels(load(SWEEP)), seedsByLabels(overridden));
    }

    @Test
    void seedOverride_replacesTheSeedWrittenInTheFile() throws Exception {
        Path file = write("with-seed.yaml", SWEEP + "seed: 5\n");

        ExperimentPlan overridden = new ExperimentLoader(registry).load(file, OptionalLong.of(7));

        assertEquals(7, overridden.seed());
        assertEquals(seedsByLabels(load(SWEEP + "seed: 7\n")), seedsByLabels(overridden));
    }

    @Test
    void defaultSeed_isUsedWhenNoneIsGiven() throws Exception {
        ExperimentPlan plan = load(SWEEP);

        assertEquals(ExperimentLoader.DEFAULT_SEED, plan.seed());
        assertEquals(seedsByLabels(load(SWEEP + "seed: " + ExperimentLoader.DEFAULT_SEED + "\n")), seedsByLabels(plan));
    }

    // ---- problems: top level -------------------------------------------------------------

    @Test
    void unknownTopLevelKey_suggestsAndListsAllowedKeys() throws Exception {
        Problem p = problem(SINGLE + "smapler: { type: quadrature-1d }\n", "smapler");

        assertAt(p, 5, 1);
        assertMentions(p, "unknown key 'smapler'", "Did you mean 'sampler'?", "name, description, tau, seed, data");
    }

    @Test
    void missingRequiredKeys_areAllReportedWithKnownPlugins() throws Exception {
        List<Problem> problems = problems("description: nothing else\n");

        Map<String, Problem> byKey = problems.stream().collect(Collectors.toMap(Problem::key, Function.identity()));
        assertEquals(Set.of("name", "data", "schedule", "perturbation"), byKey.keySet(), () -> "problems: " + problems);
        assertMentions(byKey.get("name"), "missing required key 'name'");
        assertMentions(byKey.get("data"), "missing required key 'data'", "gaussian, test-mixture, test-uniform");
        assertMentions(byKey.get("schedule"), "missing required key 'schedule'", "test-cond-ot, test-cosine, test-ve");
        assertMentions(byKey.get("perturbation"), "missing required key 'perturbation'");
    }

    @Test
    void documentThatIsNotAMap_isRejected() throws Exception {
        List<Problem> problems = problems("- name\n- data\n");

        assertEquals(1, problems.size());
        assertAt(problems.get(0), 1, 1);
        assertMentions(problems.get(0), "expected a map of experiment keys", "found a list");
    }

    @Test
    void invalidExperimentName_isRejected() throws Exception {
        Problem p = problem(SINGLE.replace("name: single", "name: my sweep/1"), "name");

        assertAt(p, 1, 7);
        assertMentions(p, "'my sweep/1'");
    }

    @Test
    void nonPositiveTau_isRejectedAtTheValue() throws Exception {
        Problem p = problem(SINGLE + "tau: 0\n", "tau");

        assertAt(p, 5, 6);
        assertMentions(p, "> 0", "'0'");
    }

    @Test
    void nonIntegerSeed_isRejected() throws Exception {
        Problem p = problem(SINGLE + "seed: 1.5\n", "seed");

        assertAt(p, 5, 7);
        assertMentions(p, "expected an integer", "'1.5'");
    }

    // ---- problems: plugins ---------------------------------------------------------------

    @Test
    void unknownPlugin_listsKnownNamesAndSuggestsTheClosest() throws Exception {
        Problem p = problem(SINGLE.replace("schedule: test-cosine", "schedule: test-cosin"), "schedule");

        assertAt(p, 3, 11);
        assertMentions(p, "unknown schedule 'test-cosin'", "Did you mean 'test-cosine'?", "test-cond-ot, test-cosine, test-ve");
    }

    @Test
    void unknownPluginInAMap_pointsAtTheType() throws Exception {
        Problem p = problem(SINGLE.replace("{ type: gaussian, mean: 1 }", "{ mean: 1, type: gausian }"), "perturbation");

        assertAt(p, 4, 32);
        assertMentions(p, "unknown data 'gausian'", "Did you mean 'gaussian'?");
    }

    @Test
    void pluginMapWithoutType_saysWhichFamilyIsMeant() throws Exception {
        Problem p = problem(SINGLE + "sampler: { nodes: 32 }\n", "sampler");

        assertAt(p, 5, 10);
        assertMentions(p, "missing 'type'", "sampler", "quadrature-1d, test-particles");
    }

    @Test
    void wrongTypeInsidePluginMap_pointsAtTheValue() throws Exception {
        Problem p = problem(SINGLE + "sampler:\n  type: quadrature-1d\n  nodes: many\n", "sampler.nodes");

        assertAt(p, 7, 10);
        assertMentions(p, "expected an integer ≥ 16", "found a string 'many'");
    }

    @Test
    void outOfRangeInsidePluginMap_pointsAtTheValue() throws Exception {
        Problem p = problem(SINGLE.replace("{ type: gaussian, mean: 1 }", "{ type: gaussian, stddev: -1 }"), "perturbation.stddev");

        assertAt(p, 4, 41);
        assertMentions(p, "> 0", "-1");
    }

    @Test
    void unknownPluginParameter_suggestsTheClosestKey() throws Exception {
        Problem p = problem(SINGLE + "sampler: { type: quadrature-1d, node: 32 }\n", "sampler.node");

        assertAt(p, 5, 33);
        assertMentions(p, "Did you mean 'nodes'?", "sampler 'quadrature-1d'");
    }

    @Test
    void pluginCompactConstructorError_isReported() throws Exception {
        Problem p = problem(SINGLE.replace("{ type: gaussian, mean: 1 }", "{ type: test-uniform, low: 1, high: 1 }"),
                "perturbation");

        assertAt(p, 4, 15);
        assertMentions(p, "data 'test-uniform'", "low must be < high");
    }

    @Test
    void familyCheckedParameter_isCheckedAgainstTheRegistry() throws Exception {
        Problem p = problem(SINGLE + "metrics: [{ type: speed-accuracy, distance: test-w9 }]\n", "metrics[0].distance");

        assertMentions(p, "unknown distance 'test-w9'", "test-w1, test-w2");
    }

    @Test
    void reporterListedTwice_isRejected() throws Exception {
        Problem p = problem(SINGLE + "report: [table, csv, table]\n", "report");

        assertMentions(p, "'table'", "twice");
    }

    @Test
    void unknownReporter_suggests() throws Exception {
        Problem p = problem(SINGLE + "report: [tables]\n", "report[0]");

        assertMentions(p, "unknown reporter 'tables'", "Did you mean 'table'?", "csv, json, table, test-sink");
    }

    @Test
    void reporterReferencesToTheMatrix_areCheckedAgainstItsAxesBeforeAnythingRuns() throws Exception {
        String matrix = """
                matrix:
                  schedule: [test-cosine, test-cond-ot]
                  tau: [1, 2.5]
                  include: [{ schedule: test-ve, tau: 4 }]
                """;
        load(SINGLE.replace("schedule: test-cosine\n", "") + matrix + "report: [table, { type: test-sweep, axis: tau }]\n");

        Problem p = problem(SINGLE.replace("schedule: test-cosine\n", "") + matrix
                + "report:\n  - table\n  - type: test-sweep\n    axis: taus\n", "report[1].axis");
        assertAt(p, 11, 11);
        // Every axis with the labels of its values, the include row's too, in order.
        assertMentions(p, "unknown axis 'taus'", "{schedule=[test-cosine, test-cond-ot, test-ve], tau=[1, 2.5, 4]}");
    }

    @Test
    void timeRule_compactConstructorError_isReported() throws Exception {
        Problem p = problem(SINGLE + "time: { type: uniform, intervals: 7 }\n", "time");

        assertMentions(p, "even");
    }

    @Test
    void unknownTimeRule_listsKnownRules() throws Exception {
        Problem p = problem(SINGLE + "time: simpson\n", "time");

        assertAt(p, 5, 7);
        assertMentions(p, "unknown time rule 'simpson'", "gauss-legendre, uniform");
    }

    // ---- problems: matrix ----------------------------------------------------------------

    @Test
    void badMatrixValue_pointsAtTheMatrixEntryAndIsReportedOnce() throws Exception {
        List<Problem> problems = problems(SWEEP.replace("{ name: narrow, type: gaussian, stddev: 0.8 }",
                "{ name: narrow, type: gaussian, stddev: 0 }"));

        assertEquals(1, problems.size(), () -> "one problem although two runs share the entry: " + problems);
        Problem p = problems.get(0);
        assertEquals("perturbation.stddev", p.key());
        assertAt(p, 9, 47);
        assertMentions(p, "> 0");
    }

    @Test
    void badTopLevelValueSharedByEveryRun_isReportedOnceNotThrown() throws Exception {
        List<Problem> problems = problems(SWEEP + "sampler:\n  type: quadrature-1d\n  nodes: 2\n");

        assertEquals(1, problems.size(), () -> "problems: " + problems);
        assertEquals("sampler.nodes", problems.get(0).key());
        assertAt(problems.get(0), 13, 10);
    }

    @Test
    void badDottedAxisValue_pointsAtTheMatrixEntry() throws Exception {
        Problem p = problem(SINGLE + "matrix:\n  sampler.nodes: [32, 8]\n", "sampler.nodes");

        assertAt(p, 6, 23);
        assertMentions(p, "≥ 16", "'8'");
    }

    @Test
    void unknownPluginAsMatrixValue_pointsAtTheMatrixEntry() throws Exception {
        Problem p = problem(SWEEP.replace("[test-cosine, test-cond-ot]", "[test-cosine, test-cond-ott]"), "schedule");

        assertAt(p, 6, 27);
        assertMentions(p, "Did you mean 'test-cond-ot'?");
    }

    @Test
    void duplicateLabelsInAMatrix_areRejected() throws Exception {
        List<Problem> problems = problems(SINGLE.replace("perturbation: { type: gaussian, mean: 1 }\n", "")
                + "matrix:\n  perturbation:\n    - { type: gaussian, mean: 1 }\n    - { type: gaussian, mean: 2 }\n");

        assertFalse(problems.isEmpty());
        assertTrue(problems.stream().allMatch(p -> p.key().equals("matrix")), () -> "problems: " + problems);
        assertMentions(problems.get(0), "same labels", "gaussian", "name");
    }

    @Test
    void axisThatCannotBeSwept_suggestsAndListsAxes() throws Exception {
        Problem p = problem(SINGLE + "matrix:\n  schedul: [test-cosine]\n", "matrix.schedul");

        assertAt(p, 6, 3);
        assertMentions(p, "cannot sweep 'schedul'", "Did you mean 'schedule'?", "sampler.nodes");
    }

    @Test
    void reportAxis_cannotBeSwept() throws Exception {
        Problem p = problem(SINGLE + "matrix:\n  report: [[table], [csv]]\n", "matrix.report");

        assertMentions(p, "cannot sweep 'report'");
    }

    @Test
    void emptyAxis_isRejected() throws Exception {
        Problem p = problem(SINGLE + "matrix:\n  tau: []\n", "matrix.tau");

        assertAt(p, 6, 8);
        assertMentions(p, "non-empty list");
    }

    @Test
    void matrixThatIsNotAMap_isRejected() throws Exception {
        Problem p = problem(SINGLE + "matrix: [tau]\n", "matrix");

        assertMentions(p, "expected a map", "found a list");
    }

    // ---- all problems at once ------------------------------------------------------------

    @Test
    void everyProblemInDifferentPluginsIsReportedTogether() throws Exception {
        List<Problem> problems = problems(SWEEP + "sampler: { type: quadrature-1d, nodes: 2 }\nestimator: analytc\n");

        Set<String> keys = problems.stream().map(Problem::key).collect(Collectors.toSet());
        assertEquals(Set.of("sampler.nodes", "estimator"), keys, () -> "problems: " + problems);
    }

    @Test
    void topLevelAndPluginProblems_areReportedTogether() throws Exception {
        List<Problem> problems = problems(SINGLE.replace("name: single", "nmae: single")
                + "sampler: { type: quadrature-1d, nodes: 2 }\nreport: [tabel]\n");

        Set<String> keys = problems.stream().map(Problem::key).collect(Collectors.toSet());
        assertEquals(Set.of("nmae", "name", "sampler.nodes", "report[0]"), keys, () -> "problems: " + problems);
    }
}
