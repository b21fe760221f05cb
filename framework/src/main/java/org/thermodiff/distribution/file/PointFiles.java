package org.thermodiff.distribution.file;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads empirical data, {@code n} points in {@code R^d}, from a file: NumPy {@code .npy} (float32
 * or float64, shape {@code (n,)} or {@code (n, d)}) or comma-separated text (one point per row,
 * optional header row). A file that starts with the NumPy magic string is read as {@code .npy},
 * one named {@code *.npy} must be one, and any other is read as CSV.
 *
 * <p>Every problem with the content (empty, ragged rows, not a number, NaN or infinite, wrong
 * dtype or shape, truncated) is a {@link PointFileException} naming the file, the place in it and
 * what was expected and found; failures to read the file at all are plain {@link IOException}s.
 */
public final class PointFiles {

    private PointFiles() {
    }

    /** The points in {@code file}. */
    public static PointTable read(Path file) throws IOException {
        byte[] start = new byte[NpyPoints.MAGIC.length];
        int got;
        try (InputStream in = Files.newInputStream(file)) {
            got = in.readNBytes(start, 0, start.length);
        }
        boolean npy = got == start.length && NpyPoints.hasMagic(start);
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (npy || name.endsWith(".npy")) {
            return NpyPoints.read(file);
        }
        return CsvPoints.read(file);
    }
}
