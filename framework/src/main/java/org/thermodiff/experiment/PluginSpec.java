package org.thermodiff.experiment;

import java.util.Objects;
import org.thermodiff.spi.PluginFamily;

/**
 * A plugin chosen by an experiment: family, registered name, the label runs are reported under,
 * and its bound parameter record.
 *
 * @param family     the family
 * @param name       the registered name ({@code type:} in YAML, or the bare string)
 * @param label      the {@code name:} given in YAML, else {@code name}
 * @param parameters the validated parameter record
 * @param <T>        the family's product type
 */
public record PluginSpec<T>(PluginFamily<T> family, String name, String label, Record parameters) {

    public PluginSpec {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(parameters, "parameters");
    }

    @Override
    public String toString() {
        return family.key() + " " + name + (label.equals(name) ? "" : " '" + label + "'") + " " + parameters;
    }
}
