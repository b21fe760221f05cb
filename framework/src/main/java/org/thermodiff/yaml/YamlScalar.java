package org.thermodiff.yaml;

/**
 * A scalar with its YAML 1.1 core-schema value: {@code null}, {@link Boolean}, {@link Long},
 * {@link Double} or {@link String}.
 *
 * @param value the resolved value
 * @param text  the text as written
 * @param mark  where it was written
 */
public record YamlScalar(Object value, String text, Mark mark) implements YamlNode {

    /** A string scalar, for values made by the program (e.g. a plugin name given as a matrix label). */
    public static YamlScalar ofString(String text, Mark mark) {
        return new YamlScalar(text, text, mark);
    }

    @Override
    public String kind() {
        if (value == null) {
            return "null";
        }
        if (value instanceof Boolean) {
            return "a boolean";
        }
        if (value instanceof Long) {
            return "an integer";
        }
        if (value instanceof Double) {
            return "a number";
        }
        return "a string";
    }
}
