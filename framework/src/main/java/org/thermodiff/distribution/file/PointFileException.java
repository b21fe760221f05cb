package org.thermodiff.distribution.file;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A point file (CSV or NumPy {@code .npy}) is malformed: the message names the file, where in it
 * (a 1-based line and column for CSV; a 0-based row and column, as NumPy indexes, or a byte
 * offset for {@code .npy}) and what was expected and found.
 *
 * <p>An {@link IOException}, like {@link java.nio.charset.CharacterCodingException} or
 * {@link java.util.zip.ZipException}: callers reading a file handle one exception type.
 */
public final class PointFileException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final String location;
    private final String detail;

    /**
     * @param file     the file
     * @param location where in it, e.g. {@code line 3, column 2}; empty for the whole file
     * @param detail   what is wrong: what was expected and what was found
     */
    public PointFileException(Path file, String location, String detail) {
        this(file, location, detail, null);
    }

    /** As {@link #PointFileException(Path, String, String)}, with the underlying cause. */
    public PointFileException(Path file, String location, String detail, Throwable cause) {
        super(file + ": " + (location.isEmpty() ? "" : location + ": ") + detail, cause);
        this.file = file;
        this.location = location;
        this.detail = detail;
    }

    /** The file. */
    public Path file() {
        return file;
    }

    /** Where in the file, or empty when the problem is the whole file. */
    public String location() {
        return location;
    }

    /** What is wrong. */
    public String detail() {
        return detail;
    }
}
