package org.thermodiff.cli;

import org.thermodiff.Thermodiff;
import org.thermodiff.cluster.ClusterException;
import org.thermodiff.plugin.PluginLoadException;
import org.thermodiff.yaml.InputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code thermodiff} command line. */
@Command(name = "thermodiff", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        subcommands = {RunCommand.class, WorkerCommand.class, ValidateCommand.class, PluginsCommand.class, SchemaCommand.class, BenchCommand.class,
                CommandLine.HelpCommand.class},
        description = "Experiments on the thermodynamics of diffusion and flow-based generative models "
                + "(Ikeda, Uda, Okanohara & Ito, arXiv:2407.04495).",
        footer = {"", "Exit status: 0 success, 1 a run failed, 2 bad input, 3 a bound was violated (with --fail-on-violation)."})
public final class Main implements Runnable {

    /** Prints the version. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"thermodiff " + Thermodiff.version()};
        }
    }

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }

    /** Runs the command line and returns its exit status (without exiting). */
    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true);
        // Bad input from any command is explained in the user's terms, with exit status 2 and no
        // stack trace; anything else is a bug and says so.
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof InputException input) {
                Engine.printProblems(input, System.err);
                return ExitCode.BAD_INPUT;
            }
            if (e instanceof PluginLoadException || e instanceof ClusterException) {
                System.err.println("error: " + e.getMessage());
                return ExitCode.BAD_INPUT;
            }
            commandLine.getErr().println("internal error: " + e);
            e.printStackTrace(commandLine.getErr());
            return ExitCode.RUN_FAILED;
        });
        return cli.execute(args);
    }

    /** Entry point. */
    public static void main(String[] args) {
        System.exit(execute(args));
    }
}
