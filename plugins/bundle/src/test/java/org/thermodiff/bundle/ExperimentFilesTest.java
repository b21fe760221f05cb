package org.thermodiff.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.thermodiff.experiment.ExperimentLoader;
import org.thermodiff.experiment.ExperimentPlan;
import org.thermodiff.experiment.RunSpec;
import org.thermodiff.plugin.PluginRegistry;
import org.thermodiff.yaml.InputException;

/**
 * The committed experiment files expand into the runs recorded in {@code experiment-runs.tsv}: the
 * same runs, in the same order, with the same labels and seeds, so that a change to the matrix
 * expansion (or to how run seeds are derived) cannot silently change published results.
 */
class ExperimentFilesTest {

    private static final String RECORD = "/experiment-runs.tsv";

    private static PluginRegistry distribution;

    @BeforeAll
    static void registry() {
        distribution = SchemaValidation.distribution();
    }

    /** File → its recorded runs, each {@code id<TAB>seed}. */
    static Map<String, List<String>> recorded() {
        Map<String, List<String>> runs = new LinkedHashMap<>();
        try (InputStream in = ExperimentFilesTest.class.getResourceAsStream(RECORD)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            text.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).forEach(line -> {
                String[] fields = line.split("\t");
                assertEquals(3, fields.length, line);
                runs.computeIfAbsent(fields[0], f -> new ArrayList<>()).add(fields[1] + "\t" + fields[2]);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return runs;
    }

    static Stream<String> files() {
        return recorded().keySet().stream();
    }

    @Test
    void theRecordCoversThePaperAndExampleExperiments() {
        assertTrue(recorded().keySet().containsAll(List.of("experiments/paper/fig4.yaml", "experiments/paper/fig3-swiss-roll.yaml",
                "experiments/examples/sweep.yaml", "experiments/examples/mixture-dimensions.yaml")), recorded().keySet()::toString);
        assertEquals(12, recorded().get("experiments/paper/fig4.yaml").size());
    }

    @ParameterizedTest
    @MethodSource("files")
    void anExperimentFileExpandsIntoTheRecordedRunsWithTheRecordedSeeds(String file) throws InputException {
        Path path = Path.of(file);
        assertTrue(Files.isRegularFile(path), () -> file + " exists (run from the repository root)");

        ExperimentPlan plan = new ExperimentLoader(distribution).load(path, OptionalLong.empty());

        List<String> runs = plan.runs().stream().map(ExperimentFilesTest::describe).toList();
        assertFalse(runs.isEmpty());
        assertEquals(recorded().get(file), runs, file);
        for (int i = 0; i < plan.runs().size(); i++) {
            assertEquals(i, plan.runs().get(i).index());
        }
    }

    private static String describe(RunSpec run) {
        return run.id() + "\t" + run.seed();
    }
}
