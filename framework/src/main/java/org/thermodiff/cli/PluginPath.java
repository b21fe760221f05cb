package org.thermodiff.cli;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Where thermodiff looks for third-party plugin jars: the directories of the environment variable
 * {@value #VARIABLE} (a path list, like {@code PATH}) when it is set, otherwise
 * {@code ~/.thermodiff/plugins} when that exists; then every {@code --plugins DIR}. Setting
 * {@value #VARIABLE} to the empty string turns the default directory off.
 */
final class PluginPath {

    /** The environment variable listing plugin directories. */
    static final String VARIABLE = "THERMODIFF_PLUGINS";

    /** The default plugin directory, relative to the user's home. */
    static final Path DEFAULT = Path.of(".thermodiff", "plugins");

    private PluginPath() {
    }

    /**
     * The plugin directories, absolute and without repetitions, in search order. Directories named
     * explicitly (by the variable or an option) are returned whether or not they exist, so that
     * loading them reports a missing one; the default directory only when it exists.
     *
     * @param options     the {@code --plugins} directories, in command-line order
     * @param environment the value of {@value #VARIABLE}, or {@code null} when it is not set
     * @param home        the user's home directory
     */
    static List<Path> resolve(List<Path> options, String environment, Path home) {
        Set<Path> directories = new LinkedHashSet<>();
        if (environment != null) {
            for (String entry : environment.split(File.pathSeparator)) {
                if (!entry.isBlank()) {
                    directories.add(absolute(Path.of(entry.strip())));
                }
            }
        } else if (Files.exists(home.resolve(DEFAULT))) {
            directories.add(absolute(home.resolve(DEFAULT)));
        }
        options.forEach(option -> directories.add(absolute(option)));
        return new ArrayList<>(directories);
    }

    private static Path absolute(Path directory) {
        return directory.toAbsolutePath().normalize();
    }
}
