package org.thermodiff.spi;

import java.util.Objects;

/**
 * One plugin as contributed to the Guice {@code MapBinder} of its family.
 *
 * @param family  the family
 * @param name    the name experiments use
 * @param factory makes it
 * @param origin  the contributing module's class name (named in conflict messages)
 * @param <T>     the family's product type
 */
public record Registration<T>(PluginFamily<T> family, String name, PluginFactory<T> factory, String origin) {

    public Registration {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(factory, "factory");
        Objects.requireNonNull(origin, "origin");
    }
}
