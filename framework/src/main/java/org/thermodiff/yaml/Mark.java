package org.thermodiff.yaml;

import java.nio.file.Path;

/**
 * A position in a YAML file, 1-based, as editors show it.
 *
 * @param file   the file
 * @param line   line, from 1
 * @param column column, from 1
 */
public record Mark(Path file, int line, int column) {

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
