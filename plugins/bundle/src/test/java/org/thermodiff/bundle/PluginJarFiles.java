package org.thermodiff.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.ToolProvider;

/** Plugin jars for the end-to-end tests: the example external plugin, and jars built from classes or source. */
final class PluginJarFiles {

    /** What Maven passes (see the bundle's pom): the example plugin's jar, or its classes before packaging. */
    static final String EXAMPLE_PROPERTY = "thermodiff.example.plugin";
    /** Where the example's classes are when the tests run outside Maven (relative to the repository root). */
    static final Path EXAMPLE_CLASSES = Path.of("plugins/examples/warped-schedule/target/classes");

    private PluginJarFiles() {
    }

    /**
     * Puts the example plugin (plugins/examples/warped-schedule) into {@code directory} as
     * {@code warped-schedule.jar}: the jar Maven built or, before the package phase, a jar of its
     * compiled classes.
     *
     * @throws AssertionError if the example has not been built
     */
    static Path installExample(Path directory) {
        String property = System.getProperty(EXAMPLE_PROPERTY, "");
        Path built = property.isBlank() || property.startsWith("${") ? EXAMPLE_CLASSES : Path.of(property);
        Path jar = directory.resolve("warped-schedule.jar");
        try {
            if (Files.isRegularFile(built)) {
                return Files.copy(built, jar);
            }
            if (Files.isRegularFile(built.resolve("META-INF/services/org.thermodiff.spi.PluginModule"))) {
                return jarOf(built, jar);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new AssertionError("the example plugin is not built (looked for " + built.toAbsolutePath()
                + "): build the whole reactor from the repository root, e.g. mvn -B verify, which builds plugins/examples "
                + "before plugins/bundle");
    }

    /** Writes every file under {@code classes} into the jar {@code jar}. */
    static Path jarOf(Path classes, Path jar) throws IOException {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
             Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(file));
                out.closeEntry();
            }
        }
        return jar;
    }

    /**
     * Compiles one plugin module against this JVM's class path (thermodiff and its built-in
     * plugins) and writes it, with a services file listing it, to the jar {@code jar}.
     *
     * @param className binary name of the module, e.g. {@code clash.ClashPlugins}
     * @param source    its source
     */
    static Path moduleJar(Path work, String className, String source, Path jar) throws IOException {
        Path src = Files.createDirectories(work.resolve("src"));
        Path classes = Files.createDirectories(work.resolve("classes"));
        Path file = Files.writeString(src.resolve(className.substring(className.lastIndexOf('.') + 1) + ".java"), source,
                StandardCharsets.UTF_8);
        ByteArrayOutputStream messages = new ByteArrayOutputStream();
        int status = ToolProvider.getSystemJavaCompiler().run(null, messages, messages, "-d", classes.toString(),
                "-cp", System.getProperty("java.class.path"), "--release", "17", file.toString());
        assertEquals(0, status, () -> "compiling " + className + ":\n" + messages.toString(StandardCharsets.UTF_8));
        Path services = Files.createDirectories(classes.resolve("META-INF/services")).resolve("org.thermodiff.spi.PluginModule");
        Files.writeString(services, className + "\n", StandardCharsets.UTF_8);
        return jarOf(classes, jar);
    }
}
