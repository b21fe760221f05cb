package org.thermodiff.yaml;

/**
 * One thing wrong with an input file, where it is and what to do about it.
 *
 * @param mark    where (file, line, column)
 * @param key     dotted key path, e.g. {@code sampler.nodes}; empty for the document itself
 * @param message what was found and what is allowed
 */
public record Problem(Mark mark, String key, String message) {

    @Override
    public String toString() {
        return mark + ": " + (key.isEmpty() ? "" : key + ": ") + message;
    }
}
