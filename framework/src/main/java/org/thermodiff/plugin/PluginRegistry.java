package org.thermodiff.plugin;

import com.google.inject.Inject;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Singleton;
import com.google.inject.util.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.thermodiff.experiment.ParameterBinder;
import org.thermodiff.spi.PluginFamily;
import org.thermodiff.spi.PluginModule;
import org.thermodiff.spi.Registration;

/**
 * Every plugin contributed through Guice, by family and name.
 *
 * <p>Built once from the injector; refuses to start when a name is registered twice in a family,
 * naming both contributing modules.
 */
@Singleton
public final class PluginRegistry {

    private final Map<PluginFamily<?>, Map<String, Registration<?>>> families;

    /** Collects the registrations bound in {@code injector}. */
    @Inject
    public PluginRegistry(Injector injector) {
        Map<PluginFamily<?>, Map<String, Registration<?>>> all = new LinkedHashMap<>();
        List<PluginConflictException.Conflict> conflicts = new ArrayList<>();
        for (PluginFamily<?> family : PluginFamily.ALL) {
            all.put(family, collect(injector, family, conflicts));
        }
        if (!conflicts.isEmpty()) {
            throw new PluginConflictException(conflicts);
        }
        this.families = Collections.unmodifiableMap(all);
    }

    @SuppressWarnings("unchecked")
    private static <T> Map<String, Registration<?>> collect(Injector injector, PluginFamily<T> family,
                                                           List<PluginConflictException.Conflict> conflicts) {
        Key<Map<String, Set<Registration<T>>>> key = (Key<Map<String, Set<Registration<T>>>>) Key.get(
                Types.mapOf(String.class, Types.setOf(PluginModule.registrationType(family).getType())));
        Map<String, Registration<?>> byName = new TreeMap<>();
        if (injector.getExistingBinding(key) == null) {
            return Collections.unmodifiableMap(byName);
        }
        injector.getInstance(key).forEach((name, registrations) -> {
            if (registrations.size() > 1) {
                conflicts.add(new PluginConflictException.Conflict(family.key(), name,
                        registrations.stream().map(Registration::origin).sorted().toList()));
            }
            byName.put(name, registrations.iterator().next());
        });
        return Collections.unmodifiableMap(byName);
    }

    /** Names registered in {@code family}, sorted. */
    public Set<String> names(PluginFamily<?> family) {
        return Collections.unmodifiableSet(new TreeSet<>(families.get(family).keySet()));
    }

    /** The registration of {@code name} in {@code family}. */
    @SuppressWarnings("unchecked")
    public <T> Optional<Registration<T>> find(PluginFamily<T> family, String name) {
        return Optional.ofNullable((Registration<T>) families.get(family).get(name));
    }

    /**
     * The registration of {@code name} in {@code family}.
     *
     * @throws IllegalArgumentException naming the known plugins if there is none
     */
    public <T> Registration<T> get(PluginFamily<T> family, String name) {
        return find(family, name).orElseThrow(() -> new IllegalArgumentException(
                "unknown " + family.key() + " '" + name + "'; known: " + String.join(", ", names(family))));
    }

    /** Makes the plugin {@code name} of {@code family} from its parameter record. */
    public <T> T create(PluginFamily<T> family, String name, Record parameters) {
        return get(family, name).factory().create(parameters);
    }

    /** Makes the plugin {@code name} of {@code family} with every parameter at its default. */
    public <T> T createDefault(PluginFamily<T> family, String name) {
        return createDefault(family, name, Map.of());
    }

    /**
     * Makes the plugin {@code name} of {@code family} with its defaults except {@code overrides}
     * (parameter record component name → Java value), for benchmarks and tests.
     */
    public <T> T createDefault(PluginFamily<T> family, String name, Map<String, Object> overrides) {
        Registration<T> registration = get(family, name);
        return registration.factory().create(ParameterBinder.defaults(registration.factory().parameters(), overrides));
    }
}
