package org.thermodiff.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.logging.Logger;
import org.thermodiff.experiment.Configurations;
import org.thermodiff.experiment.RunSpec;
import org.thermodiff.spi.report.RunReport;

/**
 * The per-run result files of an experiment, {@code <experiment dir>/runs/<key>.json}: each run's
 * {@link RunReport} ({@link RunReportJson}), written atomically the moment the run completes, so an
 * interrupted sweep loses at most the runs in flight and a re-run picks up the rest.
 *
 * <p>The key is the SHA-256 of the run's resolved configuration ({@link Configurations#of}: τ, seed,
 * every plugin with every parameter, defaults included, metrics and output times), so a run is
 * reused exactly when it would be computed the same way, whatever its position in the matrix. What
 * the key cannot see — the contents of a data file named by path, a changed thermodiff version — is
 * what {@code --force} is for.
 */
public final class RunStore {

    /** Subdirectory of the experiment directory that holds the run files. */
    public static final String DIRECTORY = "runs";

    private static final Logger LOG = Logger.getLogger(RunStore.class.getName());

    private final Path directory;

    private RunStore(Path directory) {
        this.directory = directory;
    }

    /** The store of the experiment written to {@code experimentDirectory}. */
    public static RunStore in(Path experimentDirectory) {
        return new RunStore(experimentDirectory.resolve(DIRECTORY));
    }

    /** The configuration key of a run: 64 hex digits. */
    public static String key(RunSpec spec) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical(spec).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    /** The file of a run's results. */
    public Path file(RunSpec spec) {
        return directory.resolve(key(spec) + ".json");
    }

    /**
     * The stored result of a completed run with this configuration, carrying {@code spec}'s index and
     * labels; empty if there is none, or if the file cannot be read or belongs to another
     * configuration (logged: it will be recomputed and overwritten).
     */
    public Optional<RunReport> load(RunSpec spec) {
        Path file = file(spec);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            LOG.warning("cannot read " + file + " (" + e.getMessage() + "); run " + spec.id() + " will be recomputed");
            return Optional.empty();
        }
        RunReport stored;
        try {
            stored = RunReportJson.decode(text);
        } catch (IllegalArgumentException e) {
            LOG.warning(file + ": " + e.getMessage() + "; run " + spec.id() + " will be recomputed");
            return Optional.empty();
        }
        if (!stored.succeeded() || !canonical(stored.configuration()).equals(canonical(spec))) {
            LOG.warning(file + " does not hold a completed run of this configuration; run " + spec.id()
                    + " will be recomputed");
            return Optional.empty();
        }
        return Optional.of(stored.at(spec.index(), spec.labels()));
    }

    /**
     * Records a settled run: a completed one is written atomically (temporary file, then rename); a
     * failed one removes any earlier result of the configuration, so that the files always agree
     * with the latest attempt.
     */
    public void save(RunSpec spec, RunReport report) throws IOException {
        Path file = file(spec);
        if (report.succeeded()) {
            AtomicFiles.write(file, RunReportJson.encode(report).encode() + "\n");
        } else {
            Files.deleteIfExists(file);
        }
    }

    private static String canonical(RunSpec spec) {
        return canonical(Configurations.of(spec));
    }

    /** The configuration as compact JSON, in the order {@link Configurations#of} gives (deterministic). */
    private static String canonical(java.util.Map<String, Object> configuration) {
        return RunReportJson.encodePlain(configuration).encode();
    }

    @Override
    public String toString() {
        return "RunStore[" + directory + "]";
    }
}
