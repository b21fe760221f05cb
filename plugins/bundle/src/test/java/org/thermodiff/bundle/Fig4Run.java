package org.thermodiff.bundle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * One run of the paper experiment {@code experiments/paper/fig4.yaml} through the command line,
 * shared by the test classes that inspect it (it takes several seconds), with every log record of
 * Vert.x and Netty captured while it ran.
 */
final class Fig4Run {

    /** The paper experiment, relative to the repository root (surefire's working directory). */
    static final Path FILE = Path.of("experiments/paper/fig4.yaml");

    private static Fig4Run instance;

    /** The output root given to {@code --out}. */
    final Path out;
    /** What the command returned and printed. */
    final Cli.Result result;
    /** Every record logged under {@code io.vertx} and {@code io.netty} during the run. */
    final List<String> libraryLogs;

    private Fig4Run(Path out, Cli.Result result, List<String> libraryLogs) {
        this.out = out;
        this.result = result;
        this.libraryLogs = libraryLogs;
    }

    /** The experiment's output directory, {@code <out>/fig4}. */
    Path directory() {
        return out.resolve("fig4");
    }

    /** Runs fig4 on first use, with two worker threads, into a temporary directory removed at exit. */
    static synchronized Fig4Run get() {
        if (instance == null) {
            Path out;
            try {
                out = Files.createTempDirectory("thermodiff-e2e-fig4-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteRecursively(out)));
            Cli.Result result;
            List<String> logs;
            try (LibraryLogs capture = LibraryLogs.capture()) {
                result = Cli.run(FILE, out, "--threads", "2");
                logs = capture.lines();
            }
            instance = new Fig4Run(out, result, logs);
        }
        return instance;
    }

    private static void deleteRecursively(Path root) {
        try (Stream<Path> s = Files.walk(root)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort at exit
        }
    }
}
