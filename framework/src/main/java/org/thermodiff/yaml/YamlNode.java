package org.thermodiff.yaml;

/**
 * A node of a YAML document together with where it was written, so that every error about an
 * experiment can point at a file, line and column.
 */
public sealed interface YamlNode permits YamlMap, YamlList, YamlScalar {

    /** Where the node starts. */
    Mark mark();

    /** What kind of node this is, for messages: {@code a map}, {@code a list}, {@code a number} … */
    String kind();
}
