package org.thermodiff.experiment;

import java.util.Optional;

/**
 * One parameter of a plugin, as listed by {@code thermodiff plugins} and named in error messages.
 *
 * @param key          YAML key (kebab-case)
 * @param type         what is expected, e.g. {@code integer ≥ 16}, {@code one of rk4, dormand-prince}
 * @param defaultValue default as written in YAML, empty if required
 * @param doc          what it means
 */
public record ParameterInfo(String key, String type, Optional<String> defaultValue, String doc) {
}
