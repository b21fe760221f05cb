package org.thermodiff.bundle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code thermodiff} in a JVM of its own, on this test's class path: for what an in-process call
 * cannot show — a fresh JVM's defaults, a process killed with SIGKILL, several cluster members.
 * Standard output and error go to files in {@code logs}, so a dead process leaves its log behind.
 *
 * @param process the child
 * @param out     its standard output
 * @param err     its standard error
 */
record ChildJvm(Process process, Path out, Path err) {

    /**
     * Starts {@code thermodiff args...}.
     *
     * @param logs       where the output files go
     * @param name       prefix of their names
     * @param systemProperties {@code -D} settings for the child (e.g. {@code user.home})
     * @param environment      variables to set; a {@code null} value removes the variable
     */
    static ChildJvm start(Path logs, String name, Map<String, String> systemProperties, Map<String, String> environment,
                          String... args) {
        try {
            Path out = Files.createTempFile(logs, name + "-", ".out");
            Path err = Files.createTempFile(logs, name + "-", ".err");
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            // The module access flags of this JVM (the pom's hazelcast.jvm.args), as `java -jar` takes them from the manifest.
            ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                    .filter(a -> a.startsWith("--add-opens") || a.startsWith("--add-exports")).forEach(command::add);
            systemProperties.forEach((k, v) -> command.add("-D" + k + "=" + v));
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.thermodiff.cli.Main"));
            command.addAll(List.of(args));
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
            environment.forEach((k, v) -> {
                if (v == null) {
                    builder.environment().remove(k);
                } else {
                    builder.environment().put(k, v);
                }
            });
            return new ChildJvm(builder.start(), out, err);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for the child to exit (killing it after {@code minutes}) and returns what it printed. */
    Cli.Result await(int minutes) throws InterruptedException {
        if (!process.waitFor(minutes, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("the child JVM did not finish in " + minutes + " minutes:\n" + result(-1).describe());
        }
        return result(process.exitValue());
    }

    /** SIGKILL: no shutdown hook, no finally block runs. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** Its standard error so far. */
    String errText() {
        return read(err);
    }

    private Cli.Result result(int exit) {
        return new Cli.Result(exit, read(out), read(err));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
