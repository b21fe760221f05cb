package org.thermodiff.plugins.learned;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Trained models on disk, one directory per {@link TrainingKey}: the parameters
 * ({@code model-0000.params}), {@code loss.csv} ({@code step,loss}) and {@code training.properties}
 * (what was trained, parameter count, training time). A model is trained into a temporary directory
 * and published by an atomic rename, so a crash never leaves a half-written model under its key and
 * concurrent processes training the same key both end with a complete one. Within the JVM, runs
 * asking for the same key wait for the first instead of training again, and share one loaded
 * {@link Network}, which stays open while this cache (the plugin module) lives: a trained MLP holds
 * a few hundred kB of native memory, and no run can tell when the others are done with it.
 */
final class ModelCache {

    static final String META = "training.properties";
    static final String LOSS = "loss.csv";

    /** A model in the cache. */
    record Entry(Path directory, Trainer.Result result, boolean reused) {
    }

    private final ConcurrentHashMap<String, Object> locks = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Network> loaded = new ConcurrentHashMap<>();

    /** The network stored under {@code key}, loaded once per JVM. */
    Network network(Entry entry, String key, java.util.function.Function<Path, Network> load) {
        return loaded.computeIfAbsent(key, k -> load.apply(entry.directory()));
    }

    /** The default root: {@code $THERMODIFF_MODEL_CACHE}, else {@code ~/.thermodiff/models}. */
    static Path root(String configured) {
        if (!configured.isBlank()) {
            return Path.of(configured);
        }
        String env = System.getenv("THERMODIFF_MODEL_CACHE");
        return env != null && !env.isBlank() ? Path.of(env) : Path.of(System.getProperty("user.home"), ".thermodiff", "models");
    }

    /**
     * The model stored under {@code key} in {@code root}, trained by {@code train} (into the
     * directory it is given) if absent.
     */
    Entry obtain(Path root, TrainingKey key, Function<Path, Trainer.Result> train) {
        Path directory = root.resolve(key.hash());
        synchronized (locks.computeIfAbsent(key.hash(), k -> new Object())) {
            try {
                if (Files.isRegularFile(directory.resolve(META))) {
                    return new Entry(directory, read(directory), true);
                }
                Files.createDirectories(root);
                Path scratch = Files.createTempDirectory(root, ".training-" + key.hash().substring(0, 12) + "-");
                try {
                    Trainer.Result result = train.apply(scratch);
                    write(scratch, key, result);
                    try {
                        Files.move(scratch, directory, StandardCopyOption.ATOMIC_MOVE);
                    } catch (FileAlreadyExistsException | DirectoryNotEmptyException raced) {
                        return new Entry(directory, read(directory), true); // another process published it first
                    }
                    return new Entry(directory, result, false);
                } finally {
                    deleteRecursively(scratch);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("model cache " + root + ": " + e.getMessage(), e);
            }
        }
    }

    private static void write(Path directory, TrainingKey key, Trainer.Result r) throws IOException {
        Properties meta = new Properties();
        meta.setProperty("key", key.hash());
        meta.setProperty("description", key.description());
        meta.setProperty("parameters", Long.toString(r.parameters()));
        meta.setProperty("seconds", Double.toString(r.seconds()));
        try (Writer w = Files.newBufferedWriter(directory.resolve(META), StandardCharsets.UTF_8)) {
            meta.store(w, "thermodiff trained model");
        }
        StringBuilder csv = new StringBuilder("step,loss\n");
        for (int i = 0; i < r.steps().length; i++) {
            csv.append(r.steps()[i]).append(',').append(String.format(Locale.ROOT, "%.9g", r.loss()[i])).append('\n');
        }
        Files.writeString(directory.resolve(LOSS), csv, StandardCharsets.UTF_8);
    }

    private static Trainer.Result read(Path directory) throws IOException {
        Properties meta = new Properties();
        try (Reader r = Files.newBufferedReader(directory.resolve(META), StandardCharsets.UTF_8)) {
            meta.load(r);
        }
        List<String> lines = Files.readAllLines(directory.resolve(LOSS), StandardCharsets.UTF_8);
        int n = lines.size() - 1;
        int[] s = new int[n];
        double[] l = new double[n];
        for (int i = 0; i < n; i++) {
            String[] cells = lines.get(i + 1).split(",");
            s[i] = Integer.parseInt(cells[0]);
            l[i] = Double.parseDouble(cells[1]);
        }
        return new Trainer.Result(Long.parseLong(meta.getProperty("parameters")), Double.parseDouble(meta.getProperty("seconds")),
                s, l);
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
