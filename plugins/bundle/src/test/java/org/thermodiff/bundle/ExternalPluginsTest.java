package org.thermodiff.bundle;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thermodiff.cli.ExitCode;

/**
 * Third-party plugin jars end to end: the example external plugin (plugins/examples/warped-schedule,
 * schedule {@code warped-cond-ot}), which is not on the bundle's class path, loaded from a plugin
 * directory; and every way a plugin directory or jar can be wrong.
 */
class ExternalPluginsTest {

    static final String MODULE = "org.thermodiff.examples.warped.WarpedSchedulePlugins";

    /** A plugin directory holding the example plugin's jar, shared (read only) by the tests. */
    @TempDir
    static Path plugins;

    static Path exampleJar;

    @TempDir
    Path dir;

    @BeforeAll
    static void installTheExamplePlugin() {
        exampleJar = PluginJarFiles.installExample(plugins);
    }

    /** The cond-OT schedule and the example at k = 1 (the same schedule) and k = 2, on the paper's mean shift. */
    private Path warpedExperiment(String name) {
        return Experiments.write(dir, name, """
                perturbation: { name: gaussian-mean, type: gaussian, mean: 1.0, stddev: 1.0 }
                matrix:
                  schedule:
                    - cond-ot
                    - { name: warped-1, type: warped-cond-ot, k: 1 }
                    - { name: warped-2, type: warped-cond-ot, k: 2 }
                report: [json]
                """);
    }

    // ---- the example plugin --------------------------------------------------------------

    @Test
    void pluginsCommand_listsTheExternalScheduleWithItsParameterAndJar() {
        Cli.Result r = Cli.execute("plugins", "--plugins", plugins.toString());

        assertEquals(ExitCode.OK, r.exitCode(), r::describe);
        List<String> lines = r.out().lines().toList();
        int at = lines.indexOf(lines.stream().filter(l -> l.startsWith("  warped-cond-ot: ")).findFirst()
                .orElseThrow(() -> new AssertionError("warped-cond-ot is not listed\n" + r.describe())));
        assertAll(
                () -> assertTrue(lines.get(at).endsWith(" [plugin jar " + exampleJar + "]"), lines.get(at)),
                () -> assertTrue(lines.get(at + 1).startsWith("      k: ") && lines.get(at + 1).contains("(default 2)"),
                        "its parameter k with its default: " + lines.get(at + 1)),
                () -> assertTrue(lines.contains("  cond-ot: conditional-OT schedule m=1−t/τ, σ=t/τ (Eq. 28)"),
                        "the built-in plugins are still there, without a jar\n" + r.out()),
                () -> assertTrue(r.err().contains("[thermodiff] plugin jar " + exampleJar + ": plugin modules " + MODULE),
                        "one INFO line per loaded jar\n" + r.describe()));
    }

    @Test
    void withoutThePluginDirectory_theScheduleIsUnknownAndAnExperimentUsingItIsBadInput() {
        assertThrows(ClassNotFoundException.class, () -> Class.forName(MODULE),
                "the example must not be on the bundle's class path: it is found only through a plugin directory");
        assertFalse(Cli.execute("plugins").out().contains("warped-cond-ot"));
        Path file = warpedExperiment("unknown-warped");
        Path out = dir.resolve("out");

        Cli.Result r = Cli.run(file, out);

        assertEquals(ExitCode.BAD_INPUT, r.exitCode(), r::describe);
        String line = r.err().lines().filter(l -> l.contains("unknown schedule 'warped-cond-ot'")).findFirst()
                .orElseThrow(() -> new AssertionError(r.describe()));
        for (String known : List.of("cond-ot", "cosine", "linear-vp", "ot", "ve")) {
            assertTrue(line.contains(known), "lists the known schedule " + known + ": " + line);
        }
        assertFalse(Cli.hasStackTraceOrExceptionName(r.err()), r::describe);
        assertFalse(Files.exists(out), "nothing is run on bad input");
    }

    /**
     * The example runs through the whole pipeline and the bounds hold (η ≤ c1 ≤ c2, Eq. 82). At
     * k = 1 it is cond-OT, computed by other code: the same numbers to rounding. At k = 2 the path
     * in (σ, m) is cond-OT's, traversed at another pace: the kinetic cost c2 changes (0.68 against
     * 0.44), while η, which in 1-D does not depend on the schedule, does not, up to the sampler's
     * discretisation error (2e-8 relative at 256 nodes and 50 steps; hence 1e-6).
     */
    @Test
    void run_withThePluginDirectory_runsTheExternalScheduleAndRecordsItsJar() {
        Path file = warpedExperiment("warped");
        Path out = dir.resolve("out");

        Cli.Result r = Cli.run(file, out, "--plugins", plugins.toString(), "--quiet");

        assertEquals(ExitCode.OK, r.exitCode(), r::describe);
        JsonObject results = Experiments.results(out.resolve("warped"));
        Map<String, JsonObject> metrics = Experiments.metricsByLabels(results);
        for (var e : metrics.entrySet()) {
            JsonObject m = e.getValue();
            double eta = m.getDouble("eta");
            double c1 = m.getDouble("c1");
            double c2 = m.getDouble("c2");
            assertTrue(m.getBoolean("bounds_hold"), e.getKey() + ": " + m.encodePrettily());
            assertTrue(eta <= c1 && c1 <= c2, e.getKey() + ": η = " + eta + ", c1 = " + c1 + ", c2 = " + c2);
        }
        JsonObject condOt = metrics.get("cond-ot");
        JsonObject warped1 = metrics.get("warped-1");
        JsonObject warped2 = metrics.get("warped-2");
        for (String key : List.of("eta", "c1", "c2", "D0", "W1_generated")) {
            assertEquals(condOt.getDouble(key), warped1.getDouble(key), 1e-12 * Math.abs(condOt.getDouble(key)), "k = 1: " + key);
        }
        assertEquals(condOt.getDouble("eta"), warped2.getDouble("eta"), 1e-6 * condOt.getDouble("eta"), "k = 2: η");
        assertNotEquals(condOt.getDouble("c2"), warped2.getDouble("c2"), 1e-2 * condOt.getDouble("c2"), "k = 2: c2");
        JsonObject provenance = results.getJsonObject("provenance");
        assertEquals(new JsonObject().put(exampleJar.toString(), new JsonArray().add(MODULE)),
                provenance.getJsonObject("plugin_jars"), provenance::encodePrettily);
        assertNotEquals("unknown", provenance.getJsonObject("plugins").getString(MODULE), provenance::encodePrettily);
    }

    @Test
    void validate_checksTheExternalScheduleParametersLikeABuiltInOnes() {
        Path file = Experiments.write(dir, "warped-k", """
                perturbation: { type: gaussian, mean: 1.0, stddev: 1.0 }
                schedule: { type: warped-cond-ot, k: 0.5 }
                """);

        Cli.Result r = Cli.execute("validate", file.toString(), "--plugins", plugins.toString());

        assertEquals(ExitCode.BAD_INPUT, r.exitCode(), r::describe);
        assertTrue(r.err().contains(file + ":9:") && r.err().contains("schedule.k"), r::describe);
        assertFalse(Cli.hasStackTraceOrExceptionName(r.err()), r::describe);
    }

    /**
     * The default ~/.thermodiff/plugins, and THERMODIFF_PLUGINS in its place, in a fresh JVM as the
     * launcher runs it (the other cases of the search path: PluginPathTest).
     */
    @Test
    void freshJvm_findsPluginsInTheDefaultDirectoryOrThoseOfTheVariable() throws Exception {
        Path home = Files.createDirectories(dir.resolve("home"));
        Path defaults = Files.createDirectories(home.resolve(".thermodiff/plugins"));
        Path installed = Files.copy(exampleJar, defaults.resolve("warped-schedule.jar"));

        Cli.Result byDefault = thermodiffInFreshJvm(home, null, "plugins");
        Cli.Result byVariable = thermodiffInFreshJvm(home, plugins.toString(), "plugins");

        assertAll(
                () -> assertEquals(ExitCode.OK, byDefault.exitCode(), byDefault::describe),
                () -> assertTrue(byDefault.out().contains(" [plugin jar " + installed + "]"), byDefault::describe),
                () -> assertEquals(ExitCode.OK, byVariable.exitCode(), byVariable::describe),
                () -> assertTrue(byVariable.out().contains(" [plugin jar " + exampleJar + "]"), byVariable::describe),
                () -> assertFalse(byVariable.out().contains(installed.toString()), "the variable replaces the default\n"
                        + byVariable.describe()));
    }

    /** {@code thermodiff args...} in a child JVM with home {@code home} and THERMODIFF_PLUGINS {@code variable} (unset if null). */
    private static Cli.Result thermodiffInFreshJvm(Path home, String variable, String... args) throws Exception {
        Map<String, String> environment = new java.util.HashMap<>();
        environment.put("THERMODIFF_PLUGINS", variable);
        return ChildJvm.start(home.getParent(), "plugins", Map.of("user.home", home.toString()), environment, args).await(2);
    }

    // ---- what can be wrong ---------------------------------------------------------------

    @Test
    void missingPluginDirectory_isBadInputNamingIt() {
        Path missing = dir.resolve("no-such-plugins");

        Cli.Result r = Cli.execute("plugins", "--plugins", missing.toString());

        assertEquals(ExitCode.BAD_INPUT, r.exitCode(), r::describe);
        assertEquals("error: plugin directory " + missing + " does not exist", r.err().strip(), r::describe);
        assertEquals("", r.out());
    }

    @Test
    void fileGivenAsPluginDirectory_isBadInputNamingIt() {
        Cli.Result r = Cli.execute("plugins", "--plugins", exampleJar.toString());

        assertEquals(ExitCode.BAD_INPUT, r.exitCode(), r::describe);
        assertEquals("error: plugin directory " + exampleJar + " is not a directory", r.err().strip(), r::describe);
    }

    @Test
    void corruptJar_isBadInputNamingIt() throws IOException {
        Path corrupt = Files.writeString(dir.resolve("broken.jar"), "not a zip archive");

        Cli.Result r = Cli.execute("plugins", "--plugins", plugins.toString(), "--plugins", dir.toString());

        assertEquals(ExitCode.BAD_INPUT, r.exitCode(), r::describe);
        assertTrue(r.err().startsWith("error: plugin jar " + corrupt + " is not a readable jar file ("), r::describe);
        assertFalse(Cli.hasStackTraceOrExceptionName(r.err()), r::describe);
    }

    @Test
    void jarListingAClassThatIsNotThere_isBadInputNamingTheJarAndTheClass() throws IOException {
        Path classes = Files.createDirectories(dir.resolve("classes/META-INF/services"));
        Files.writeString(classes.resolve("org.thermodiff.spi.PluginModule"), "org.example.Missing\n");
        Path pluginDir = Files.createDirectories(dir.resolve("plugins"));
        Path jar = PluginJarFiles.jarOf(dir.resolve("classes"), pluginDir.resolve("missing-class.jar"));

        Cli.Result r = Cli.execute("plugins", "--plugins", pluginDir.toString());

        assertEquals(ExitCode.BAD_INPUT, r.exitCode(), r::describe);
        assertEquals("error: plugin jar " + jar + ": META-INF/services/org.thermodiff.spi.PluginModule lists "
                + "org.example.Missing, which is neither in the jar nor in another plugin jar or thermodiff", r.err().strip());
    }

    @Test
    void jarRegisteringABuiltInName_isBadInputNamingTheJarAndTheBuiltInModule() throws IOException {
        Path pluginDir = Files.createDirectories(dir.resolve("plugins"));
        Path jar = PluginJarFiles.moduleJar(dir.resolve("build"), "clash.ClashPlugins", """
                package clash;
                import org.thermodiff.spi.*;
                public final class ClashPlugins extends PluginModule {
                    @Override protected void configure() {
                        register(PluginFamily.SCHEDULE, "cond-ot", PluginFactory.of("another cond-ot", NoParameters.class,
                                p -> new org.thermodiff.plugins.schedules.CondOtSchedule()));
                    }
                }
                """, pluginDir.resolve("clash.jar"));

        Cli.Result r = Cli.execute("plugins", "--plugins", pluginDir.toString(), "--quiet");

        assertEquals(ExitCode.BAD_INPUT, r.exitCode(), r::describe);
        assertEquals("error: plugin names must be unique within a family:\n  schedule 'cond-ot' is registered by "
                + "clash.ClashPlugins (plugin jar " + jar + ") and org.thermodiff.plugins.schedules.SchedulePlugins (built in)",
                r.err().strip(), r::describe);
    }
}
