package org.thermodiff.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.thermodiff.experiment.ExperimentSchema;
import org.thermodiff.plugin.PluginRegistry;
import org.thermodiff.report.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code thermodiff schema [--out FILE]}: the JSON Schema of experiment files, for editors. */
@Command(name = "schema", description = {
        "Print the JSON Schema (draft-07) of experiment files, built from the installed plugins and their parameters.",
        "Editors with a YAML language server validate and complete an experiment that starts with the line",
        "  # yaml-language-server: $schema=<path to the schema>"})
final class SchemaCommand implements Callable<Integer> {

    @Option(names = {"-o", "--out"}, paramLabel = "FILE",
            description = "write the schema to FILE (replacing it atomically) instead of standard output")
    Path out;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws IOException {
        String schema;
        try (Engine.Session engine = Engine.start(common)) {
            schema = ExperimentSchema.render(engine.injector().getInstance(PluginRegistry.class));
        }
        if (out == null) {
            System.out.print(schema);
            System.out.flush();
        } else {
            AtomicFiles.write(out, schema);
            if (!common.quiet) {
                System.err.println("schema written to " + out);
            }
        }
        return ExitCode.OK;
    }
}
