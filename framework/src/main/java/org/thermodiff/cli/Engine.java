package org.thermodiff.cli;

import com.google.inject.Injector;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.thermodiff.Thermodiff;
import org.thermodiff.experiment.ExperimentLoader;
import org.thermodiff.experiment.ExperimentPlan;
import org.thermodiff.plugin.PluginJars;
import org.thermodiff.plugin.PluginRegistry;
import org.thermodiff.yaml.InputException;
import org.thermodiff.yaml.Mark;
import org.thermodiff.yaml.Problem;

/** What the commands share: starting the engine and reading experiment files. */
final class Engine {

    private Engine() {
    }

    /**
     * A started engine: the injector over the built-in plugins and those of the plugin jars.
     * Closing it releases the jars.
     *
     * @param injector the engine
     * @param plugins  the plugin jars loaded (none when no plugin directory has any)
     */
    record Session(Injector injector, PluginJars plugins) implements AutoCloseable {

        @Override
        public void close() {
            plugins.close();
        }
    }

    /**
     * Configures logging and starts the engine over the plugins on the class path and the jars of
     * the plugin directories ({@link PluginPath}).
     *
     * @throws org.thermodiff.plugin.PluginLoadException if a plugin directory or jar is unusable or
     *                                                   plugins clash (exit 2)
     */
    static Session start(CommonOptions options) {
        Logging.configure(options.verbose, options.quiet, System.err);
        List<Path> directories = PluginPath.resolve(options.plugins, System.getenv(PluginPath.VARIABLE),
                Path.of(System.getProperty("user.home")));
        PluginJars plugins = PluginJars.open(directories, Engine.class.getClassLoader());
        try {
            return new Session(Thermodiff.injector(plugins, options.threads), plugins);
        } catch (RuntimeException e) {
            plugins.close();
            throw e;
        }
    }

    /**
     * Reads every file, reporting the problems of all of them at once; refuses two experiments with
     * the same name (they would write to the same directory).
     */
    static List<ExperimentPlan> load(Injector injector, List<Path> files, OptionalLong seed) throws InputException {
        ExperimentLoader loader = new ExperimentLoader(injector.getInstance(PluginRegistry.class));
        List<ExperimentPlan> plans = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Map<String, Path> names = new HashMap<>();
        for (Path file : files) {
            try {
                ExperimentPlan plan = loader.load(file, seed);
                Path other = names.putIfAbsent(plan.name(), file);
                if (other != null) {
                    problems.add(new Problem(new Mark(file, 1, 1), "name", "experiment '" + plan.name()
                            + "' is also defined in " + other + "; both would write to the same directory"));
                }
                plans.add(plan);
            } catch (InputException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new InputException(problems);
        }
        return plans;
    }

    /** Prints the problems of bad input in file order, one per line, with a count. */
    static void printProblems(InputException e, PrintStream err) {
        List<Problem> sorted = new ArrayList<>(e.problems());
        sorted.sort(java.util.Comparator.comparing((Problem p) -> String.valueOf(p.mark().file()))
                .thenComparingInt(p -> p.mark().line()).thenComparingInt(p -> p.mark().column()));
        for (Problem p : sorted) {
            err.println("error: " + p);
        }
        int n = e.problems().size();
        err.println(n + (n == 1 ? " problem" : " problems") + " found; nothing was run.");
    }
}
