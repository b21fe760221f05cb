package org.thermodiff.plugin;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.thermodiff.spi.PluginModule;

/** Finds plugin modules with {@link ServiceLoader}. */
public final class PluginLoader {

    private PluginLoader() {
    }

    /**
     * Every {@link PluginModule} visible to {@code loader}, in class-name order (so that the
     * registry does not depend on class-path order).
     *
     * @throws PluginLoadException if a listed module cannot be loaded or instantiated
     */
    public static List<PluginModule> discover(ClassLoader loader) {
        List<PluginModule> modules = new ArrayList<>();
        try {
            for (PluginModule module : ServiceLoader.load(PluginModule.class, loader)) {
                modules.add(module);
            }
        } catch (ServiceConfigurationError e) {
            throw new PluginLoadException("cannot load a plugin module listed in META-INF/services/"
                    + PluginModule.class.getName() + ": " + e.getMessage(), e);
        }
        modules.sort(Comparator.comparing(m -> m.getClass().getName()));
        return modules;
    }
}
