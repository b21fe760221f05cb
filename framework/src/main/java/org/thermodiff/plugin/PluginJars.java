package org.thermodiff.plugin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.thermodiff.spi.PluginModule;

/**
 * Third-party plugin jars: every {@code *.jar} directly inside some plugin directories, loaded
 * through one {@link URLClassLoader} whose parent is the class loader of thermodiff and its
 * built-in plugins, so that {@link PluginLoader} discovers the jars' modules next to the built-in
 * ones. A jar without a services file is a library that the other jars may use.
 *
 * <p>Opening checks what {@link java.util.ServiceLoader} would otherwise report without naming the
 * jar at fault: every jar must be a readable jar file, and every class listed in its
 * {@code META-INF/services/org.thermodiff.spi.PluginModule} must load, extend {@link PluginModule}
 * and be a public class with a public no-argument constructor. Closing releases the jars.
 */
public final class PluginJars implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(PluginJars.class.getName());

    /**
     * One loaded jar.
     *
     * @param path    its absolute path
     * @param modules the plugin modules whose classes it holds, as listed in its services file;
     *                empty for a library
     */
    public record Jar(Path path, List<String> modules) {

        public Jar {
            modules = List.copyOf(modules);
        }
    }

    private final ClassLoader classLoader;
    private final URLClassLoader own;
    private final List<Jar> jars;

    private PluginJars(ClassLoader classLoader, URLClassLoader own, List<Jar> jars) {
        this.classLoader = classLoader;
        this.own = own;
        this.jars = List.copyOf(jars);
    }

    /** No plugin jars: the plugins are those visible to {@code classLoader}. */
    public static PluginJars none(ClassLoader classLoader) {
        return new PluginJars(classLoader, null, List.of());
    }

    /**
     * Loads every {@code *.jar} in {@code directories} (in directory order, then by file name)
     * through one class loader whose parent is {@code parent}, and logs one line per jar.
     *
     * @throws PluginLoadException naming the directory or jar at fault if a directory does not
     *                             exist or is not a directory, a jar is not a readable jar file, or a
     *                             module a jar lists cannot be loaded or is not a plugin module
     */
    public static PluginJars open(List<Path> directories, ClassLoader parent) {
        Map<Path, List<String>> listed = new LinkedHashMap<>();
        for (Path directory : directories) {
            for (Path jar : jarsIn(directory.toAbsolutePath().normalize())) {
                if (!listed.containsKey(jar)) {
                    listed.put(jar, ServicesFile.read(jar));
                }
            }
        }
        if (listed.isEmpty()) {
            return none(parent);
        }
        URLClassLoader loader = new URLClassLoader("thermodiff-plugin-jars", urls(listed.keySet()), parent);
        try {
            List<Jar> jars = attribute(listed, loader);
            for (Jar jar : jars) {
                LOG.info(() -> "plugin jar " + jar.path() + ": " + (jar.modules().isEmpty()
                        ? "no plugin module of its own" : "plugin modules " + String.join(", ", jar.modules())));
            }
            return new PluginJars(loader, loader, jars);
        } catch (RuntimeException e) {
            closeQuietly(loader);
            throw e;
        }
    }

    /** The class loader to discover plugin modules with: the jars' and, through its parent, the built-in ones. */
    public ClassLoader classLoader() {
        return classLoader;
    }

    /** The loaded jars, in load order. */
    public List<Jar> jars() {
        return jars;
    }

    /** The jar holding the plugin module {@code moduleClassName}, if it comes from one. */
    public Optional<Path> jarOf(String moduleClassName) {
        return jars.stream().filter(j -> j.modules().contains(moduleClassName)).map(Jar::path).findFirst();
    }

    /**
     * A plugin module for messages: its class name and, when plugin jars are loaded, where it comes
     * from ({@code (plugin jar /path/x.jar)} or {@code (built in)}).
     */
    public String describe(String moduleClassName) {
        if (jars.isEmpty()) {
            return moduleClassName;
        }
        return moduleClassName + jarOf(moduleClassName).map(jar -> " (plugin jar " + jar + ")").orElse(" (built in)");
    }

    /**
     * The error for a module that was discovered but could not be configured because a class it
     * needs does not load (typically a library missing from the plugin directory).
     */
    public PluginLoadException cannotConfigure(String moduleClassName, LinkageError e) {
        return new PluginLoadException("plugin module " + describe(moduleClassName) + " cannot be set up: " + explain(e), e);
    }

    /** Releases the jars; classes not loaded yet cannot be loaded afterwards. */
    @Override
    public void close() {
        if (own != null) {
            closeQuietly(own);
        }
    }

    private static List<Path> jarsIn(Path directory) {
        if (!Files.exists(directory)) {
            throw new PluginLoadException("plugin directory " + directory + " does not exist");
        }
        if (!Files.isDirectory(directory)) {
            throw new PluginLoadException("plugin directory " + directory + " is not a directory");
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jar")).sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            throw new PluginLoadException("cannot list plugin directory " + directory + ": " + e.getMessage(), e);
        }
    }

    private static URL[] urls(Iterable<Path> jars) {
        List<URL> urls = new ArrayList<>();
        for (Path jar : jars) {
            try {
                urls.add(jar.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new PluginLoadException("plugin jar " + jar + " has a path that is not a valid URL", e);
            }
        }
        return urls.toArray(URL[]::new);
    }

    /** Checks every listed module and assigns it to the jar its class file comes from. */
    private static List<Jar> attribute(Map<Path, List<String>> listed, URLClassLoader loader) {
        Map<Path, List<String>> defined = new LinkedHashMap<>();
        listed.keySet().forEach(jar -> defined.put(jar, new ArrayList<>()));
        listed.forEach((jar, names) -> {
            for (String name : names) {
                Class<?> module = moduleClass(jar, name, loader);
                if (module.getClassLoader() == loader) {
                    List<String> modules = defined.getOrDefault(location(module).orElse(jar), defined.get(jar));
                    if (!modules.contains(name)) {
                        modules.add(name);
                    }
                }
            }
        });
        return defined.entrySet().stream().map(e -> new Jar(e.getKey(), e.getValue())).toList();
    }

    private static Class<?> moduleClass(Path jar, String name, ClassLoader loader) {
        Class<?> module;
        try {
            module = Class.forName(name, false, loader);
        } catch (ClassNotFoundException e) {
            throw listed(jar, name, "which is neither in the jar nor in another plugin jar or thermodiff", e);
        } catch (LinkageError e) {
            throw listed(jar, name, "which cannot be loaded: " + explain(e), e);
        }
        if (!PluginModule.class.isAssignableFrom(module)) {
            throw listed(jar, name, "which does not extend " + PluginModule.class.getName(), null);
        }
        if (!Modifier.isPublic(module.getModifiers()) || Modifier.isAbstract(module.getModifiers())) {
            throw listed(jar, name, "which is not a public, non-abstract class", null);
        }
        try {
            module.getConstructor();
        } catch (NoSuchMethodException e) {
            throw listed(jar, name, "which has no public no-argument constructor", e);
        }
        return module;
    }

    private static PluginLoadException listed(Path jar, String name, String problem, Throwable cause) {
        return new PluginLoadException("plugin jar " + jar + ": " + ServicesFile.ENTRY + " lists " + name + ", " + problem,
                cause);
    }

    private static String explain(LinkageError e) {
        if (e instanceof NoClassDefFoundError) {
            return "it needs " + String.valueOf(e.getMessage()).replace('/', '.')
                    + ", which is in no plugin jar (put the jar holding it in the plugin directory)";
        }
        if (e instanceof UnsupportedClassVersionError) {
            return "it was compiled for a newer Java than this one (" + System.getProperty("java.version") + ")";
        }
        return e.getMessage();
    }

    /** The jar or directory a class was loaded from. */
    private static Optional<Path> location(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(source.getLocation().toURI()).toAbsolutePath().normalize());
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static void closeQuietly(URLClassLoader loader) {
        try {
            loader.close();
        } catch (IOException e) {
            LOG.warning(() -> "could not release the plugin jars: " + e.getMessage());
        }
    }
}
