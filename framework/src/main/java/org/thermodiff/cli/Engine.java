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
import org.thermodiff.plugin.PluginRegistry;
import org.thermodiff.yaml.InputException;
import org.thermodiff.yaml.Mark;
import org.thermodiff.yaml.Problem;

/** What the commands share: starting the engine and reading experiment files. */
final class Engine {

    private Engine() {
    }

    /**
     * The injector over the plugins on the class path.
     *
     * @throws picocli.CommandLine.ParameterException if {@code --threads} is below 1 (exit 2)
     */
    static Injector start(CommonOptions options) {
        Logging.configure(options.verbose, options.quiet, System.err);
        return Thermodiff.injector(Engine.class.getClassLoader(), options.threads);
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
