package org.thermodiff;

import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.ProvisionException;
import com.google.inject.Stage;
import com.google.inject.spi.Elements;
import com.google.inject.spi.Message;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;
import org.thermodiff.pipeline.PipelineModule;
import org.thermodiff.plugin.PluginConflictException;
import org.thermodiff.plugin.PluginJars;
import org.thermodiff.plugin.PluginLoadException;
import org.thermodiff.plugin.PluginLoader;
import org.thermodiff.plugin.PluginRegistry;
import org.thermodiff.spi.PluginModule;

/** Bootstraps the engine: discovers plugin modules and builds the Guice injector. */
public final class Thermodiff {

    private Thermodiff() {
    }

    /**
     * An injector with the pipeline and every plugin visible to {@code plugins}; the registry is
     * built (and checked for conflicts) before returning.
     *
     * @throws PluginLoadException if a plugin cannot be loaded or two plugins claim one name
     */
    public static Injector injector(ClassLoader plugins, int threads) {
        return injector(PluginJars.none(plugins), threads);
    }

    /**
     * An injector with the pipeline, the built-in plugins and those of the plugin jars; the
     * registry is built (and checked for conflicts) before returning. A name conflict says which
     * module comes from which plugin jar.
     *
     * @throws PluginLoadException if a plugin cannot be loaded or two plugins claim one name
     */
    public static Injector injector(PluginJars plugins, int threads) {
        List<Module> modules = new ArrayList<>();
        for (PluginModule module : PluginLoader.discover(plugins.classLoader())) {
            modules.add(configured(module, plugins));
        }
        modules.add(new PipelineModule(threads));
        try {
            Injector injector = Guice.createInjector(Stage.DEVELOPMENT, modules);
            injector.getInstance(PluginRegistry.class);
            return injector;
        } catch (CreationException e) {
            throw new PluginLoadException("cannot start: " + messages(e.getErrorMessages()), e);
        } catch (ProvisionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof PluginConflictException c) {
                throw new PluginLoadException(c.describe(plugins::describe), c);
            }
            throw new PluginLoadException("cannot start: " + messages(e.getErrorMessages()), e);
        }
    }

    /**
     * The bindings of {@code module}, recorded once: a class its {@code configure} needs but cannot
     * load (an {@link Error} Guice lets through) is reported naming the module and its jar.
     */
    private static Module configured(PluginModule module, PluginJars plugins) {
        try {
            return Elements.getModule(Elements.getElements(Stage.DEVELOPMENT, module));
        } catch (LinkageError e) {
            throw plugins.cannotConfigure(module.getClass().getName(), e);
        }
    }

    private static String messages(java.util.Collection<Message> messages) {
        return messages.stream().map(m -> m.getCause() != null && m.getCause().getMessage() != null
                ? m.getCause().getMessage() : m.getMessage()).collect(Collectors.joining("; "));
    }

    /** The version of this build, e.g. {@code 0.1.0}. */
    public static String version() {
        Properties p = new Properties();
        try (InputStream in = Thermodiff.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            return "unknown";
        }
        return p.getProperty("version", "unknown");
    }
}
