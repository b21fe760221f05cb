package org.thermodiff.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.thermodiff.Thermodiff;
import org.thermodiff.cli.ExitCode;
import org.thermodiff.experiment.ExperimentLoader;
import org.thermodiff.experiment.ExperimentSchema;
import org.thermodiff.plugin.PluginRegistry;
import org.thermodiff.spi.PluginFamily;
import org.thermodiff.yaml.InputException;
import org.thermodiff.yaml.Problem;

/**
 * {@code thermodiff schema} and the committed {@code experiments/thermodiff.schema.json}: up to date,
 * a valid draft-07 schema, satisfied by every experiment file, and rejecting what thermodiff rejects.
 */
class SchemaTest {

    static final Path COMMITTED = Path.of("experiments", "thermodiff.schema.json");
    static final String REGENERATE = "./thermodiff schema --out experiments/thermodiff.schema.json";

    private static PluginRegistry distribution;
    private static JsonSchema schema;

    @TempDir
    Path dir;

    @BeforeAll
    static void compileCommittedSchema() {
        distribution = SchemaValidation.distribution();
        schema = SchemaValidation.compile(Experiments.read(COMMITTED));
    }

    @Test
    void committedSchemaIsWhatThermodiffSchemaGeneratesForTheStandardDistribution() {
        for (PluginFamily<?> family : PluginFamily.ALL) {
            assertTrue(distribution.names(family).stream().noneMatch(n -> n.startsWith("e2e-")),
                    () -> "the test plugins are hidden: " + distribution.names(family));
        }
        assertTrue(distribution.names(PluginFamily.SAMPLER).containsAll(Set.of("quadrature-1d", "particles")));

        String generated = ExperimentSchema.render(distribution);
        String committed = Experiments.read(COMMITTED);
        if (!generated.equals(committed)) {
            List<String> g = generated.lines().toList();
            List<String> c = committed.lines().toList();
            int line = 0;
            while (line < Math.min(g.size(), c.size()) && g.get(line).equals(c.get(line))) {
                line++;
            }
            fail(COMMITTED + " is out of date with the plugins. Regenerate it with\n  " + REGENERATE
                    + "\nand commit it. First difference, at line " + (line + 1) + ":\n  committed: "
                    + (line < c.size() ? c.get(line).strip() : "<end of file>") + "\n  generated: "
                    + (line < g.size() ? g.get(line).strip() : "<end of file>"));
        }
    }

    @Test
    void schemaCommandPrintsTheGeneratedSchemaOrWritesItToAFile() {
        PluginRegistry testClassPath = Thermodiff.injector(SchemaTest.class.getClassLoader(), 1).getInstance(PluginRegistry.class);
        String expected = ExperimentSchema.render(testClassPath);
        assertTrue(expected.contains("\"e2e-exploding\""), "the command sees every plugin on its class path");

        Cli.Result printed = Cli.execute("schema");
        assertEquals(ExitCode.OK, printed.exitCode(), printed::describe);
        assertEquals(expected, printed.out());

        Path file = dir.resolve("sub/thermodiff.schema.json");
        Cli.Result written = Cli.execute("schema", "--out", file.toString());
        assertEquals(ExitCode.OK, written.exitCode(), written::describe);
        assertEquals("", written.out(), "nothing on standard output with --out");
        assertEquals(expected, Experiments.read(file));
        assertTrue(written.err().contains(file.toString()), written::describe);
    }

    @Test
    void committedSchemaIsAValidDraft07Schema() {
        JsonSchema meta = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
                .getSchema(SchemaLocation.of("http://json-schema.org/draft-07/schema#"));
        Set<ValidationMessage> errors = meta.validate(SchemaValidation.parseJson(Experiments.read(COMMITTED)));
        assertEquals(Set.of(), errors);
    }

    static Stream<Path> experimentFiles() {
        try (Stream<Path> files = Files.walk(Path.of("experiments"))) {
            List<Path> yaml = files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted().toList();
            assertTrue(yaml.size() >= 3, "experiments/ found from the repository root: " + yaml);
            return yaml.stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest
    @MethodSource("experimentFiles")
    void everyExperimentFileReferencesTheSchemaOnItsFirstLineAndSatisfiesIt(Path file) {
        String relative = file.toAbsolutePath().getParent().relativize(COMMITTED.toAbsolutePath()).toString().replace('\\', '/');
        String first = Experiments.read(file).lines().findFirst().orElse("");
        assertEquals("# yaml-language-server: $schema=" + relative, first, "first line of " + file);
        assertEquals(List.of(), SchemaValidation.validate(schema, file), () -> file + " violates " + COMMITTED);
    }

    /**
     * Misspelt keys in a copy of fig4.yaml: {@code original} (unique in the file) becomes {@code replacement}, in
     * which {@code key} is the misspelling; with {@code alone}, the misspelling is the only error.
     */
    static Stream<Arguments> misspellings() {
        return Stream.of(
                Arguments.of("perturbation parameter", "mean: 0.0, stddev: 0.8 }", "mean: 0.0, stdev: 0.8 }", "stdev", true),
                Arguments.of("sampler parameter", "quadrature-1d, nodes: 1024,", "quadrature-1d, nodez: 1024,", "nodez", true),
                Arguments.of("time parameter", "panels: 4,", "panel: 4,", "panel", true),
                Arguments.of("optional top-level key", "\nestimator: analytic", "\nestimater: analytic", "estimater", true),
                // schedule is then missing, which is a second error
                Arguments.of("top-level key", "\nmatrix:\n  schedule: [cosine, cond-ot, ot]\n", "\nshedule: cosine\nmatrix:\n",
                        "shedule", false),
                Arguments.of("matrix axis", "\n  schedule: [cosine, cond-ot, ot]", "\n  shedule: [cosine, cond-ot, ot]", "shedule", false));
    }

    @ParameterizedTest(name = "{0}: {3}")
    @MethodSource("misspellings")
    void aMisspeltKeyInACopyOfFig4IsRejectedAtThatKey(String what, String original, String replacement, String key, boolean alone)
            throws InputException {
        String fig4 = Experiments.read(Fig4Run.FILE);
        assertEquals(fig4.indexOf(original), fig4.lastIndexOf(original), "unique: " + original);
        assertTrue(fig4.contains(original), "fig4.yaml contains " + original);
        Path copy = Experiments.writeRaw(dir, "fig4.yaml", fig4.replace(original, replacement));
        int line = lineOf(Experiments.read(copy), key + ":");
        int column = Experiments.read(copy).lines().toList().get(line - 1).indexOf(key + ":") + 1;

        List<SchemaValidation.Error> errors = SchemaValidation.validate(schema, copy);

        List<SchemaValidation.Error> atKey = errors.stream()
                .filter(e -> e.mark().line() == line && e.mark().column() == column && e.message().contains(key)).toList();
        assertFalse(atKey.isEmpty(), () -> "an error at " + line + ":" + column + " names '" + key + "': " + errors);
        if (alone) {
            assertEquals(atKey, errors, "the misspelling is the only error");
        } else {
            assertTrue(errors.stream().allMatch(e -> atKey.contains(e) || e.message().contains("schedule")), errors::toString);
        }
        // thermodiff itself rejects it at the same line
        InputException e = assertThrows(InputException.class,
                () -> new ExperimentLoader(distribution).load(copy, OptionalLong.empty()));
        assertTrue(e.problems().stream().anyMatch(p -> p.mark().line() == line && p.message().contains(key)),
                () -> e.problems().stream().map(Problem::toString).collect(Collectors.joining("\n")));
    }

    private static int lineOf(String text, String needle) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(needle)) {
                return i + 1;
            }
        }
        throw new AssertionError(needle + " not found");
    }

    /** The head of the experiments below: data set, everything else up to each case. */
    private static final String HEAD = """
            name: agree
            data: { type: gaussian-mixture, weights: [0.5, 0.5], means: [0.6, -0.6], stddevs: [0.3, 0.3] }
            """;
    private static final String REST = "perturbation: { type: gaussian, mean: 1.0 }\nschedule: cosine\n";

    /** Experiments that thermodiff accepts (true) or rejects (false); the schema must say the same. */
    static Stream<Arguments> experiments() {
        return Stream.of(
                Arguments.of(REST, true),
                Arguments.of(REST + "tau: 2\nseed: 7\ndescription: several words\n", true),
                Arguments.of("perturbation: gaussian\nmatrix:\n  schedule: [cosine, {type: ve, sigma-max: 2}]\n", true),
                Arguments.of(REST + "prior: {type: uniform, low: -2, high: 2}\n", true),
                Arguments.of(REST + "sampler: {type: particles, integrator: dormand-prince, tolerance: 1e-6}\n", true),
                Arguments.of(REST + "time: uniform\nmetrics: speed-accuracy\nreport: {type: json}\n", true),
                Arguments.of(REST + "time: {panels: 2, marks: 4}\n", true),
                Arguments.of(REST + "metrics: [{type: speed-accuracy, transport: w2}, densities]\n", true),
                Arguments.of(REST + "matrix:\n  sampler.nodes: [256, 512]\n  time.panels: [1, 2]\n  tau: [0.5, 1]\n", true),
                Arguments.of("schedule: cosine\nperturbation: {type: uniform, low: -1}\nmatrix:\n  perturbation.high: [1, 2]\n", true),
                Arguments.of("schedule: ot\nmatrix:\n  perturbation: [gaussian, {name: u, type: uniform, low: -1, high: 1}]\n", true),
                Arguments.of(REST + "matrix:\n  sampler.type: [quadrature-1d, particles]\n  metrics: [[speed-accuracy], []]\n", true),
                Arguments.of("perturbation: gaussian\nmatrix:\n  schedule: [cosine, cond-ot, ot]\n  exclude: [{schedule: ot}]\n"
                        + "  include: [{schedule: {type: ve, sigma-max: 2}, estimator: analytic, sampler.nodes: 512}]\n", true),
                Arguments.of(REST + "matrix:\n  sampler.nodes: [256, 512]\n  exclude: []\n  include:\n"
                        + "    - {sampler.nodes: 1024, sampler: {type: quadrature-1d, steps: 100}, tau: 2, metrics: [densities]}\n", true),
                Arguments.of("schedule: cosine\nmatrix:\n  perturbation: [gaussian, {name: u, type: uniform, low: -1, high: 1}]\n"
                        + "  exclude: [{perturbation: u}]\n  include: [{perturbation: {name: w, type: uniform, low: -2, high: 2}}]\n", true),
                Arguments.of(REST + "matrix:\n  tau: [1]\n  include: [{tau: 2, perturbation: {type: uniform, low: -1}, perturbation.high: 1}]\n",
                        true),

                Arguments.of("perturbation: gaussian\n", false),
                Arguments.of("schedule: cosine\n", false),
                Arguments.of("schedule: cosine\nmatrix:\n  perturbation.mean: [1, 2]\n", false),
                Arguments.of("schedule: cosine\nperturbation: uniform\n", false),
                Arguments.of("schedule: cosine\nperturbation: {type: uniform, low: -1}\n", false),
                Arguments.of("schedule: cosine\nmatrix:\n  perturbation: [gaussian, {type: uniform, low: -1}]\n", false),
                Arguments.of(REST + "tau: 0\n", false),
                Arguments.of(REST + "seed: 1.5\n", false),
                Arguments.of(REST + "sampler: {type: quadrature-1d, nodes: 8}\n", false),
                Arguments.of(REST + "sampler: {type: quadrature-1d, nodes: 1024.5}\n", false),
                Arguments.of(REST + "sampler: {type: quadrature-1d, integrator: rk5}\n", false),
                Arguments.of(REST + "sampler: {type: quadrature-1d, track-density: 1}\n", false),
                Arguments.of(REST + "sampler: {nodes: 512}\n", false),
                Arguments.of(REST + "sampler: quadrature\n", false),
                Arguments.of(REST + "sampler: 3\n", false),
                Arguments.of(REST + "estimator: {type: analytic, exact: true}\n", false),
                Arguments.of(REST + "time: simpson\n", false),
                Arguments.of(REST + "time: {type: uniform, panels: 2}\n", false),
                Arguments.of(REST + "metrics: [speed-accuracy, nope]\n", false),
                Arguments.of(REST + "metrics: [{type: speed-accuracy, transport: w3}]\n", false),
                Arguments.of(REST + "report: [json, {type: csv, columns: 3}]\n", false),
                Arguments.of(REST + "matrix:\n  report: [json]\n", false),
                Arguments.of(REST + "matrix:\n  name: [a, b]\n", false),
                Arguments.of(REST + "matrix:\n  tau: []\n", false),
                Arguments.of(REST + "matrix:\n  tau: 1\n", false),
                Arguments.of(REST + "matrix:\n  tau: [0.5, 0]\n", false),
                Arguments.of(REST + "matrix:\n  sampler.nodes: [512, 8]\n", false),
                Arguments.of(REST + "matrix:\n  sampler.nodez: [512]\n", false),
                Arguments.of(REST + "matrix: [schedule]\n", false),
                Arguments.of(REST + "matrix:\n  tau: [1, 2]\n  include: [{tau: 3, report: [json]}]\n", false),
                Arguments.of(REST + "matrix:\n  tau: [1, 2]\n  include: [{tau: 3, nmae: x}]\n", false),
                Arguments.of(REST + "matrix:\n  tau: [1, 2]\n  include: [{tau: 0}]\n", false),
                Arguments.of(REST + "matrix:\n  tau: [1, 2]\n  include: [{tau: 3, perturbation: {type: uniform, low: -1}}]\n", false),
                Arguments.of(REST + "matrix:\n  tau: [1, 2]\n  include: [{tau: 3, sampler: {type: quadrature-1d, nodez: 512}}]\n", false),
                Arguments.of(REST + "matrix:\n  tau: [1, 2]\n  include: [{}]\n", false),
                Arguments.of(REST + "matrix:\n  tau: [1, 2]\n  include: {tau: 3}\n", false),
                Arguments.of(REST + "matrix:\n  tau: [1, 2]\n  exclude: [{tau: 1, report: json}]\n", false),
                Arguments.of(REST + "matrix:\n  tau: [1, 2]\n  exclude: [{}]\n", false),
                Arguments.of(REST + "matrix:\n  tau: [1, 2]\n  exclude: [tau]\n", false),
                Arguments.of(REST + "unknown: 1\n", false));
    }

    @ParameterizedTest
    @MethodSource("experiments")
    void theSchemaAcceptsWhatThermodiffAcceptsAndRejectsWhatItRejects(String rest, boolean valid) {
        String text = HEAD + rest;
        Path file = Experiments.writeRaw(dir, "agree.yaml", text);
        boolean loads;
        String problems = "";
        try {
            new ExperimentLoader(distribution).load(file, OptionalLong.empty());
            loads = true;
        } catch (InputException e) {
            loads = false;
            problems = e.problems().toString();
        }
        List<SchemaValidation.Error> errors = SchemaValidation.validate(schema, file);
        String context = "\n" + text + "\nthermodiff: " + (loads ? "ok" : problems) + "\nschema: " + errors;
        assertEquals(valid, errors.isEmpty(), "the schema " + (valid ? "accepts" : "rejects") + " it" + context);
        assertEquals(valid, loads, "thermodiff " + (valid ? "accepts" : "rejects") + " it" + context);
    }
}
