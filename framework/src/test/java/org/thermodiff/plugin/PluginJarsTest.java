package org.thermodiff.plugin;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thermodiff.Thermodiff;
import org.thermodiff.spi.PluginFamily;
import org.thermodiff.testing.TestPlugins;

/** Plugin jars in plugin directories: discovery through one class loader, and every way a jar can be wrong. */
class PluginJarsTest {

    private static final ClassLoader PARENT = PluginJarsTest.class.getClassLoader();

    /** Classes compiled once for all tests: plugin modules and a library, none on the test class path. */
    @TempDir
    static Path classes;

    @TempDir
    Path dir;

    @BeforeAll
    static void compileTheExternalClasses() throws IOException {
        Path src = Files.createDirectories(classes.resolve("src"));
        write(src.resolve("Names.java"), """
                package lib;
                public final class Names {
                    private Names() { }
                    public static String solo() { return "ext-solo"; }
                }
                """);
        write(src.resolve("ExtraPlugins.java"), """
                package ext;
                import org.thermodiff.spi.*;
                public final class ExtraPlugins extends PluginModule {
                    @Override protected void configure() {
                        register(PluginFamily.SCHEDULE, lib.Names.solo(), PluginFactory.of("external schedule",
                                NoParameters.class, p -> (data, prior, tau) -> { throw new UnsupportedOperationException(); }));
                    }
                }
                """);
        write(src.resolve("ClashPlugins.java"), """
                package ext;
                import org.thermodiff.spi.*;
                public final class ClashPlugins extends PluginModule {
                    @Override protected void configure() {
                        register(PluginFamily.DATA, "gaussian", PluginFactory.of("another gaussian", NoParameters.class,
                                p -> org.thermodiff.distribution.Gaussian.STANDARD));
                    }
                }
                """);
        write(src.resolve("NoDefaultConstructor.java"), """
                package ext;
                public final class NoDefaultConstructor extends org.thermodiff.spi.PluginModule {
                    public NoDefaultConstructor(int unused) { }
                    @Override protected void configure() { }
                }
                """);
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-cp", System.getProperty("java.class.path"),
                "--release", "17", "-nowarn"));
        try (Stream<Path> files = Files.list(src)) {
            files.map(Path::toString).forEach(args::add);
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, javac.run(null, null, null, args.toArray(String[]::new)), "the external classes compile");
    }

    private static void write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /**
     * Writes {@code dir/name}: the given compiled classes (binary names) and, when {@code services}
     * is not null, a services file with that content.
     */
    private static Path jar(Path dir, String name, String services, String... classNames) throws IOException {
        Path jar = dir.resolve(name);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (String className : classNames) {
                String entry = className.replace('.', '/') + ".class";
                out.putNextEntry(new JarEntry(entry));
                out.write(Files.readAllBytes(classes.resolve(entry)));
                out.closeEntry();
            }
            if (services != null) {
                out.putNextEntry(new JarEntry(ServicesFile.ENTRY));
                out.write(services.getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return jar;
    }

    // ---- directories ---------------------------------------------------------------------

    @Test
    void noDirectories_meansThePluginsOfTheParentOnly() {
        try (PluginJars jars = PluginJars.open(List.of(), PARENT)) {
            assertSame(PARENT, jars.classLoader());
            assertEquals(List.of(), jars.jars());
            assertEquals("org.x.M", jars.describe("org.x.M"), "no jars: modules are not labelled");
        }
    }

    @Test
    void directoryWithoutJars_loadsNothingAndIgnoresOtherFiles() throws IOException {
        write(dir.resolve("README.txt"), "not a jar");
        Files.createDirectories(dir.resolve("sub.d"));

        try (PluginJars jars = PluginJars.open(List.of(dir), PARENT)) {
            assertSame(PARENT, jars.classLoader());
            assertEquals(List.of(), jars.jars());
        }
    }

    @Test
    void missingDirectory_failsNamingIt() {
        Path missing = dir.resolve("no-such-dir");

        PluginLoadException e = assertThrows(PluginLoadException.class, () -> PluginJars.open(List.of(missing), PARENT));

        assertEquals("plugin directory " + missing + " does not exist", e.getMessage());
    }

    @Test
    void fileGivenAsDirectory_failsNamingIt() throws IOException {
        Path file = jar(dir, "plugin.jar", null);

        PluginLoadException e = assertThrows(PluginLoadException.class, () -> PluginJars.open(List.of(file), PARENT));

        assertEquals("plugin directory " + file + " is not a directory", e.getMessage());
    }

    // ---- good jars -----------------------------------------------------------------------

    @Test
    void moduleInAJar_isDiscoveredNextToThoseOfTheParent_andUsesALibraryInAnotherJar() throws IOException {
        Path module = jar(dir, "a-module.jar", "# the module\next.ExtraPlugins\n", "ext.ExtraPlugins");
        Path library = jar(dir, "b-library.jar", null, "lib.Names");

        try (PluginJars jars = PluginJars.open(List.of(dir), PARENT)) {
            assertAll(
                    () -> assertEquals(List.of(new PluginJars.Jar(module, List.of("ext.ExtraPlugins")),
                            new PluginJars.Jar(library, List.of())), jars.jars()),
                    () -> assertSame(PARENT, jars.classLoader().getParent()),
                    () -> assertEquals(Optional.of(module), jars.jarOf("ext.ExtraPlugins")),
                    () -> assertEquals(Optional.empty(), jars.jarOf(TestPlugins.class.getName())),
                    () -> assertEquals("ext.ExtraPlugins (plugin jar " + module + ")", jars.describe("ext.ExtraPlugins")),
                    () -> assertEquals(TestPlugins.class.getName() + " (built in)", jars.describe(TestPlugins.class.getName())));
            List<String> discovered = PluginLoader.discover(jars.classLoader()).stream().map(m -> m.getClass().getName()).toList();
            assertEquals(List.of("ext.ExtraPlugins", TestPlugins.class.getName()), discovered);
            PluginRegistry registry = Thermodiff.injector(jars, 1).getInstance(PluginRegistry.class);
            assertEquals(List.of("ext-solo", "test-cond-ot", "test-cosine", "test-ve"),
                    List.copyOf(registry.names(PluginFamily.SCHEDULE)));
        }
    }

    @Test
    void sameDirectoryTwice_loadsEachJarOnce() throws IOException {
        jar(dir, "module.jar", "ext.ExtraPlugins\n", "ext.ExtraPlugins", "lib.Names");

        try (PluginJars jars = PluginJars.open(List.of(dir, dir.resolve(".").resolve("..").resolve(dir.getFileName())), PARENT)) {
            assertEquals(1, jars.jars().size(), jars.jars()::toString);
        }
    }

    @Test
    void close_releasesTheJars() throws IOException {
        jar(dir, "module.jar", "ext.ExtraPlugins\n", "ext.ExtraPlugins", "lib.Names");
        PluginJars jars = PluginJars.open(List.of(dir), PARENT);
        ClassLoader loader = jars.classLoader();

        jars.close();

        assertThrows(ClassNotFoundException.class, () -> Class.forName("lib.Names", false, loader),
                "a class not loaded before closing cannot be loaded after");
    }

    // ---- bad jars ------------------------------------------------------------------------

    @Test
    void corruptJar_failsNamingIt() throws IOException {
        Path corrupt = dir.resolve("corrupt.jar");
        write(corrupt, "this is not a zip archive");

        PluginLoadException e = assertThrows(PluginLoadException.class, () -> PluginJars.open(List.of(dir), PARENT));

        assertTrue(e.getMessage().startsWith("plugin jar " + corrupt + " is not a readable jar file ("), e::getMessage);
    }

    @Test
    void listedClassNotInAnyJar_failsNamingTheJarAndTheClass() throws IOException {
        Path jar = jar(dir, "module.jar", "ext.Missing\n");

        PluginLoadException e = assertThrows(PluginLoadException.class, () -> PluginJars.open(List.of(dir), PARENT));

        assertEquals("plugin jar " + jar + ": META-INF/services/org.thermodiff.spi.PluginModule lists ext.Missing, "
                + "which is neither in the jar nor in another plugin jar or thermodiff", e.getMessage());
    }

    @Test
    void moduleWhoseLibraryIsMissing_failsNamingTheModuleItsJarAndTheMissingClass() throws IOException {
        // The module class loads, but registering calls lib.Names: that fails only when the module is configured.
        Path jar = jar(dir, "module.jar", "ext.ExtraPlugins\n", "ext.ExtraPlugins");

        try (PluginJars jars = PluginJars.open(List.of(dir), PARENT)) {
            PluginLoadException e = assertThrows(PluginLoadException.class, () -> Thermodiff.injector(jars, 1));

            assertEquals("plugin module ext.ExtraPlugins (plugin jar " + jar + ") cannot be set up: it needs lib.Names, "
                    + "which is in no plugin jar (put the jar holding it in the plugin directory)", e.getMessage());
        }
    }

    @Test
    void listedClassThatIsNotAPluginModule_failsNamingIt() throws IOException {
        Path jar = jar(dir, "module.jar", "lib.Names\n", "lib.Names");

        PluginLoadException e = assertThrows(PluginLoadException.class, () -> PluginJars.open(List.of(dir), PARENT));

        assertEquals("plugin jar " + jar + ": META-INF/services/org.thermodiff.spi.PluginModule lists lib.Names, "
                + "which does not extend org.thermodiff.spi.PluginModule", e.getMessage());
    }

    @Test
    void listedModuleWithoutANoArgumentConstructor_failsNamingIt() throws IOException {
        Path jar = jar(dir, "module.jar", "ext.NoDefaultConstructor\n", "ext.NoDefaultConstructor");

        PluginLoadException e = assertThrows(PluginLoadException.class, () -> PluginJars.open(List.of(dir), PARENT));

        assertTrue(e.getMessage().startsWith("plugin jar " + jar + ": "), e::getMessage);
        assertTrue(e.getMessage().endsWith("lists ext.NoDefaultConstructor, which has no public no-argument constructor"),
                e::getMessage);
    }

    @Test
    void nameClashingWithABuiltInPlugin_namesTheJarAndTheBuiltInModule() throws IOException {
        Path jar = jar(dir, "clash.jar", "ext.ClashPlugins\n", "ext.ClashPlugins");

        try (PluginJars jars = PluginJars.open(List.of(dir), PARENT)) {
            PluginLoadException e = assertThrows(PluginLoadException.class, () -> Thermodiff.injector(jars, 1));

            assertEquals("plugin names must be unique within a family:\n  data 'gaussian' is registered by "
                    + "ext.ClashPlugins (plugin jar " + jar + ") and " + TestPlugins.class.getName() + " (built in)",
                    e.getMessage());
        }
    }

    /** A services file without the final newline, with blank lines, comments and a repeated name still lists each module once. */
    @Test
    void servicesFile_isReadLikeServiceLoaderDoes() throws IOException {
        Path jar = jar(dir, "module.jar", "\n  ext.ExtraPlugins  # the module\n\n# ext.Commented\next.ExtraPlugins",
                "ext.ExtraPlugins", "lib.Names");

        assertEquals(List.of("ext.ExtraPlugins"), ServicesFile.read(jar));
    }

    @Test
    void closingTwiceOrWithoutJars_isHarmless() throws IOException {
        PluginJars none = PluginJars.none(PARENT);
        none.close();
        none.close();
        jar(dir, "module.jar", "ext.ExtraPlugins\n", "ext.ExtraPlugins", "lib.Names");
        PluginJars jars = PluginJars.open(List.of(dir), PARENT);
        jars.close();
        jars.close();
        assertSame(PARENT, none.classLoader());
    }
}
