package org.thermodiff.spi;

import java.util.Objects;
import java.util.function.Function;

/**
 * Makes a plugin from its parameter record. The record's components, annotated with
 * {@link Param}, are what an experiment may set under the plugin's name: their names in
 * kebab-case are the YAML keys, their types and annotations say what is valid.
 *
 * @param <T> what the plugin is (a {@link Schedule}, a {@link Distribution} …)
 */
public interface PluginFactory<T> {

    /** One line saying what the plugin is, citing the paper's equation where there is one. */
    String description();

    /** The parameter record type ({@link NoParameters} when there are none). */
    Class<? extends Record> parameters();

    /**
     * Makes the plugin.
     *
     * @param parameters an instance of {@link #parameters()}
     * @throws IllegalArgumentException if the parameters are inconsistent, naming the keys
     */
    T create(Record parameters);

    /**
     * A factory from a parameter type and a constructor function.
     *
     * @param description one line for {@code thermodiff plugins}
     * @param parameters  the parameter record type
     * @param create      makes the plugin from a parameter record
     */
    static <P extends Record, T> PluginFactory<T> of(String description, Class<P> parameters,
                                                      Function<? super P, ? extends T> create) {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(create, "create");
        return new PluginFactory<>() {
            @Override
            public String description() {
                return description;
            }

            @Override
            public Class<? extends Record> parameters() {
                return parameters;
            }

            @Override
            public T create(Record p) {
                return create.apply(parameters.cast(p));
            }

            @Override
            public String toString() {
                return "PluginFactory[" + parameters.getSimpleName() + "]";
            }
        };
    }
}
