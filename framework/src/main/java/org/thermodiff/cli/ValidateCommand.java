package org.thermodiff.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import org.thermodiff.experiment.ExperimentPlan;
import org.thermodiff.yaml.InputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code thermodiff validate FILE...}: checks experiment files without running them. */
@Command(name = "validate", description = "Check experiment files: syntax, keys, plugins, parameters and matrix.")
final class ValidateCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "experiment YAML files")
    List<Path> files;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws InputException {
        try (Engine.Session engine = Engine.start(common)) {
            for (ExperimentPlan plan : Engine.load(engine.injector(), files, OptionalLong.empty())) {
                String axes = plan.axes().isEmpty() ? "no matrix" : String.join(" × ", plan.axes());
                System.out.println(plan.source() + ": ok, experiment '" + plan.name() + "', " + plan.runs().size()
                        + (plan.runs().size() == 1 ? " run (" : " runs (") + axes + ")");
            }
        }
        return ExitCode.OK;
    }
}
