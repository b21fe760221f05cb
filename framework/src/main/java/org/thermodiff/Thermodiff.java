package org.thermodiff;

import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.ProvisionException;
import com.google.inject.Stage;
import com.google.inject.spi.Message;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;
import org.thermodiff.pipeline.PipelineModule;
import org.thermodiff.plugin.PluginConflictException;
import org.thermodiff.plugin.PluginLoadException;
import org.thermodiff.plugin.PluginLoader;
import org.thermodiff.plugin.PluginRegistry;

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
        List<Module> modules = new ArrayList<>(PluginLoader.discover(plugins));
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
                throw new PluginLoadException(c.getMessage(), c);
            }
            throw new PluginLoadException("cannot start: " + messages(e.getErrorMessages()), e);
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
