package org.thermodiff.plugin;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.thermodiff.spi.PluginModule;

/**
 * The plugin modules a jar lists in {@code META-INF/services/org.thermodiff.spi.PluginModule}, read
 * in {@link java.util.ServiceLoader}'s format: one binary class name a line, {@code #} starts a
 * comment.
 */
final class ServicesFile {

    /** The entry naming a jar's plugin modules. */
    static final String ENTRY = "META-INF/services/" + PluginModule.class.getName();

    private ServicesFile() {
    }

    /**
     * The class names {@code jar} lists, in order, without duplicates; empty when it has no
     * services file (a library used by other plugin jars).
     *
     * @throws PluginLoadException naming the jar if it is not a readable jar file
     */
    static List<String> read(Path jar) {
        if (!Files.isRegularFile(jar)) {
            throw new PluginLoadException("plugin jar " + jar + " is not a file");
        }
        try (JarFile file = new JarFile(jar.toFile())) {
            JarEntry entry = file.getJarEntry(ENTRY);
            if (entry == null) {
                return List.of();
            }
            List<String> names = new ArrayList<>();
            try (BufferedReader in = new BufferedReader(new InputStreamReader(file.getInputStream(entry), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    int comment = line.indexOf('#');
                    String name = (comment >= 0 ? line.substring(0, comment) : line).strip();
                    if (!name.isEmpty() && !names.contains(name)) {
                        names.add(name);
                    }
                }
            }
            return List.copyOf(names);
        } catch (IOException | SecurityException e) {
            throw new PluginLoadException("plugin jar " + jar + " is not a readable jar file (" + e.getMessage()
                    + "); replace it or remove it from the plugin directory", e);
        }
    }
}
