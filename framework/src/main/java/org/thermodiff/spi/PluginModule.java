package org.thermodiff.spi;

import com.google.inject.AbstractModule;
import com.google.inject.Binder;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.MapBinder;
import com.google.inject.util.Types;
import java.util.regex.Pattern;

/**
 * Base class of a plugin module: a Guice module, listed in
 * {@code META-INF/services/org.thermodiff.spi.PluginModule}, that contributes named factories to
 * the {@code MapBinder} of each family.
 *
 * <pre>{@code
 * public final class MySchedules extends PluginModule {
 *     @Override protected void configure() {
 *         register(PluginFamily.SCHEDULE, "linear-vp",
 *                 PluginFactory.of("VP schedule with linear β", LinearVp.Params.class, LinearVp::new));
 *     }
 * }
 * }</pre>
 *
 * <p>Names are lower-case kebab-case and unique within a family; a second registration of a name
 * stops start-up with a message naming both modules.
 */
public abstract class PluginModule extends AbstractModule {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    /**
     * Contributes a plugin.
     *
     * @throws IllegalArgumentException if {@code name} is not lower-case kebab-case
     */
    protected final <T> void register(PluginFamily<T> family, String name, PluginFactory<T> factory) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("plugin name '" + name + "' must be lower-case kebab-case");
        }
        registrations(binder(), family).addBinding(name)
                .toInstance(new Registration<>(family, name, factory, getClass().getName()));
    }

    /**
     * The map binder of a family's registrations. Duplicates are permitted at the Guice level so
     * that the registry can report a conflict with both origins instead of Guice's generic error.
     */
    public static <T> MapBinder<String, Registration<T>> registrations(Binder binder, PluginFamily<T> family) {
        return MapBinder.newMapBinder(binder, TypeLiteral.get(String.class), registrationType(family)).permitDuplicates();
    }

    /** {@code Registration<T>} as a Guice type literal. */
    @SuppressWarnings("unchecked")
    public static <T> TypeLiteral<Registration<T>> registrationType(PluginFamily<T> family) {
        return (TypeLiteral<Registration<T>>) TypeLiteral.get(Types.newParameterizedType(Registration.class, family.type()));
    }
}
