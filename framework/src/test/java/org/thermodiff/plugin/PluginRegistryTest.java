package org.thermodiff.plugin;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import com.google.inject.Injector;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thermodiff.Thermodiff;
import org.thermodiff.distribution.Gaussian;
import org.thermodiff.pipeline.PipelineModule;
import org.thermodiff.spi.Distribution;
import org.thermodiff.spi.NoParameters;
import org.thermodiff.spi.PluginFactory;
import org.thermodiff.spi.MultivariateDistribution;
import org.thermodiff.spi.PluginFamily;
import org.thermodiff.spi.PluginModule;
import org.thermodiff.spi.Registration;
import org.thermodiff.spi.Schedule;
import org.thermodiff.testing.TestPlugins;

class PluginRegistryTest {

    private static final String SERVICES = "META-INF/services/" + PluginModule.class.getName();
    private static final Schedule SCHEDULE = (data, prior, tau) -> {
        throw new UnsupportedOperationException();
    };

    private static PluginRegistry registry;

    @TempDir
    Path dir;

    @BeforeAll
    static void discoverTestPlugins() {
        registry = Thermodiff.injector(PluginRegistryTest.class.getClassLoader(), 1).getInstance(PluginRegistry.class);
    }

    /** Registers schedule {@code twin}. */
    public static final class TwinA extends PluginModule {
        @Override
        protected void configure() {
            register(PluginFamily.SCHEDULE, "twin", PluginFactory.of("a", NoParameters.class, p -> SCHEDULE));
        }
    }

    /** Also registers schedule {@code twin}, and data {@code twin} (another family: no conflict by itself). */
    public static final class TwinB extends PluginModule {
        @Override
        protected void configure() {
            register(PluginFamily.SCHEDULE, "twin", PluginFactory.of("b", NoParameters.class, p -> SCHEDULE));
            register(PluginFamily.DATA, "twin", PluginFactory.of("b", NoParameters.class, p -> Gaussian.STANDARD));
        }
    }

    /** Registers data {@code gaussian}, which {@link TestPlugins} registers too. */
    public static final class AnotherGaussian extends PluginModule {
        @Override
        protected void configure() {
            register(PluginFamily.DATA, "gaussian", PluginFactory.of("c", NoParameters.class, p -> Gaussian.STANDARD));
        }
    }

    /** Registers a name that is not kebab-case. */
    public static final class BadName extends PluginModule {
        @Override
        protected void configure() {
            register(PluginFamily.SCHEDULE, "Linear_VP", PluginFactory.of("bad", NoParameters.class, p -> SCHEDULE));
        }
    }

    /** Registers schedules only. */
    public static final class SchedulesOnly extends PluginModule {
        @Override
        protected void configure() {
            register(PluginFamily.SCHEDULE, "solo", PluginFactory.of("solo", NoParameters.class, p -> SCHEDULE));
        }
    }

    /** A class loader that sees the test classes plus a services file listing {@code modules}. */
    private URLClassLoader loaderListing(String... modules) throws IOException {
        Path services = dir.resolve(SERVICES);
        Files.createDirectories(services.getParent());
        Files.writeString(services, "# test modules\n" + String.join("\n", modules) + "\n");
        return new URLClassLoader(new URL[] {dir.toUri().toURL()}, PluginRegistryTest.class.getClassLoader());
    }

    // ---- discovery -----------------------------------------------------------------------

    @Test
    void discover_findsTheTestModuleThroughServiceLoader() {
        List<PluginModule> modules = PluginLoader.discover(PluginRegistryTest.class.getClassLoader());

        assertEquals(1, modules.stream().filter(m -> m instanceof TestPlugins).count(), () -> "modules: " + modules);
    }

    @Test
    void discover_ordersModulesByClassNameNotByListing() throws IOException {
        try (URLClassLoader loader = loaderListing(TwinB.class.getName(), SchedulesOnly.class.getName(), TwinA.class.getName())) {
            List<String> names = PluginLoader.discover(loader).stream().map(m -> m.getClass().getName()).toList();

            assertEquals(List.of(SchedulesOnly.class.getName(), TwinA.class.getName(), TwinB.class.getName(),
                    TestPlugins.class.getName()), names);
        }
    }

    @Test
    void discover_moduleListedTwice_isLoadedOnce() throws IOException {
        try (URLClassLoader loader = loaderListing(TestPlugins.class.getName())) {
            assertEquals(1, PluginLoader.discover(loader).size());
            Injector injector = Thermodiff.injector(loader, 1);
            assertEquals(registry.names(PluginFamily.DATA), injector.getInstance(PluginRegistry.class).names(PluginFamily.DATA));
        }
    }

    @Test
    void discover_listedClassThatDoesNotExist_failsNamingTheServicesFile() throws IOException {
        try (URLClassLoader loader = loaderListing("org.example.NoSuchModule")) {
            PluginLoadException e = assertThrows(PluginLoadException.class, () -> PluginLoader.discover(loader));

            assertTrue(e.getMessage().contains(SERVICES.substring("META-INF/services/".length())), e::getMessage);
            assertTrue(e.getMessage().contains("org.example.NoSuchModule"), e::getMessage);
        }
    }

    @Test
    void discover_withoutAnyServicesFile_findsNothing() throws IOException {
        try (URLClassLoader empty = new URLClassLoader(new URL[0], PluginModule.class.getClassLoader().getParent())) {
            assertEquals(List.of(), PluginLoader.discover(empty));
        }
    }

    // ---- lookups -------------------------------------------------------------------------

    @Test
    void names_areSortedWhateverTheRegistrationOrder() {
        assertEquals(List.of("test-cond-ot", "test-cosine", "test-ve"), List.copyOf(registry.names(PluginFamily.SCHEDULE)));
        assertEquals(List.of("gaussian", "test-mixture", "test-uniform"), List.copyOf(registry.names(PluginFamily.DATA)));
        assertEquals(List.of("csv", "json", "table", "test-sink", "test-sweep"), List.copyOf(registry.names(PluginFamily.REPORTER)));
    }

    @Test
    void names_areReadOnly() {
        Set<String> names = registry.names(PluginFamily.SCHEDULE);

        assertThrows(UnsupportedOperationException.class, () -> names.add("x"));
    }

    @Test
    void everyFamilyHasTheTestPlugins() {
        for (PluginFamily<?> family : PluginFamily.ALL) {
            assertFalse(registry.names(family).isEmpty(), family::key);
        }
    }

    @Test
    void find_returnsTheRegistrationWithItsOrigin() {
        Registration<MultivariateDistribution> r = registry.find(PluginFamily.DATA, "gaussian").orElseThrow();

        assertAll(
                () -> assertEquals("gaussian", r.name()),
                () -> assertSame(PluginFamily.DATA, r.family()),
                () -> assertEquals(TestPlugins.class.getName(), r.origin()),
                () -> assertEquals(TestPlugins.GaussianParams.class, r.factory().parameters()),
                () -> assertEquals("normal distribution", r.factory().description()));
    }

    @Test
    void find_unknownName_isEmpty() {
        assertEquals(Optional.empty(), registry.find(PluginFamily.SCHEDULE, "gaussian"));
    }

    @Test
    void get_unknownName_listsTheKnownNames() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> registry.get(PluginFamily.SCHEDULE, "cosine"));

        assertTrue(e.getMessage().contains("unknown schedule 'cosine'"), e::getMessage);
        assertTrue(e.getMessage().contains("test-cond-ot, test-cosine, test-ve"), e::getMessage);
    }

    @Test
    void create_makesTheProductFromItsParameters() {
        MultivariateDistribution d = registry.create(PluginFamily.DATA, "gaussian", new TestPlugins.GaussianParams(1.5, 2.0));

        assertEquals(new Gaussian(1.5, 2.0), d);
    }

    @Test
    void create_withParametersOfAnotherPlugin_fails() {
        assertThrows(ClassCastException.class,
                () -> registry.create(PluginFamily.DATA, "gaussian", new TestPlugins.UniformParams(0, 1)));
    }

    // ---- conflicts and bad modules -------------------------------------------------------

    @Test
    void sameNameInOneFamilyFromTwoModules_stopsStartNamingBothModules() throws IOException {
        try (URLClassLoader loader = loaderListing(TwinA.class.getName(), TwinB.class.getName())) {
            PluginLoadException e = assertThrows(PluginLoadException.class, () -> Thermodiff.injector(loader, 1));

            assertAll(
                    () -> assertTrue(e.getMessage().contains("schedule 'twin'"), e::getMessage),
                    () -> assertTrue(e.getMessage().contains(TwinA.class.getName()), e::getMessage),
                    () -> assertTrue(e.getMessage().contains(TwinB.class.getName()), e::getMessage),
                    () -> assertFalse(e.getMessage().contains("data 'twin'"), e::getMessage),
                    () -> assertInstanceOf(PluginConflictException.class, e.getCause()));
        }
    }

    @Test
    void nameClashingWithAnInstalledPlugin_namesTheInstalledModuleToo() throws IOException {
        try (URLClassLoader loader = loaderListing(AnotherGaussian.class.getName())) {
            PluginLoadException e = assertThrows(PluginLoadException.class, () -> Thermodiff.injector(loader, 1));

            assertTrue(e.getMessage().contains("data 'gaussian'"), e::getMessage);
            assertTrue(e.getMessage().contains(TestPlugins.class.getName()), e::getMessage);
            assertTrue(e.getMessage().contains(AnotherGaussian.class.getName()), e::getMessage);
        }
    }

    @Test
    void sameNameInDifferentFamilies_isAllowed() {
        Injector injector = Guice.createInjector(new TwinB(), new PipelineModule(1));
        PluginRegistry r = injector.getInstance(PluginRegistry.class);

        assertEquals(Set.of("twin"), r.names(PluginFamily.SCHEDULE));
        assertEquals(Set.of("twin"), r.names(PluginFamily.DATA));
    }

    @Test
    void registryBuiltDirectly_reportsConflictsAsPluginConflictException() {
        Injector injector = Guice.createInjector(new TwinA(), new TwinB());

        com.google.inject.ProvisionException e = assertThrows(com.google.inject.ProvisionException.class,
                () -> injector.getInstance(PluginRegistry.class));

        PluginConflictException c = assertInstanceOf(PluginConflictException.class, e.getCause());
        assertTrue(c.getMessage().contains(TwinA.class.getName() + " and " + TwinB.class.getName()), c::getMessage);
    }

    @Test
    void nameNotInKebabCase_stopsStartWithAClearMessage() throws IOException {
        try (URLClassLoader loader = loaderListing(BadName.class.getName())) {
            PluginLoadException e = assertThrows(PluginLoadException.class, () -> Thermodiff.injector(loader, 1));

            assertTrue(e.getMessage().contains("'Linear_VP'"), e::getMessage);
            assertTrue(e.getMessage().contains("kebab-case"), e::getMessage);
        }
    }

    // ---- empty families ------------------------------------------------------------------

    @Test
    void familyWithoutPlugins_isAnEmptySet() {
        PluginRegistry r = Guice.createInjector(new SchedulesOnly(), new PipelineModule(1)).getInstance(PluginRegistry.class);

        assertEquals(Set.of("solo"), r.names(PluginFamily.SCHEDULE));
        assertEquals(Set.of(), r.names(PluginFamily.REPORTER));
        assertEquals(Optional.empty(), r.find(PluginFamily.REPORTER, "table"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> r.get(PluginFamily.REPORTER, "table"));
        assertTrue(e.getMessage().contains("unknown reporter 'table'"), e::getMessage);
    }

    @Test
    void familyWithoutAnyBinding_isAnEmptySet() {
        PluginRegistry r = Guice.createInjector(new SchedulesOnly()).getInstance(PluginRegistry.class);

        assertEquals(Set.of(), r.names(PluginFamily.METRIC));
    }

    @Test
    void injectorWithoutAnyPlugin_startsWithEveryFamilyEmpty() throws IOException {
        try (URLClassLoader empty = new URLClassLoader(new URL[0], PluginModule.class.getClassLoader().getParent())) {
            PluginRegistry r = Thermodiff.injector(empty, 1).getInstance(PluginRegistry.class);

            for (PluginFamily<?> family : PluginFamily.ALL) {
                assertEquals(Set.of(), r.names(family), family::key);
            }
        }
    }
}
