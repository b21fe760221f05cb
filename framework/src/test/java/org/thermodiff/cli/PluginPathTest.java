package org.thermodiff.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which directories thermodiff searches for plugin jars: the variable or the default, then the options. */
class PluginPathTest {

    @TempDir
    Path home;

    private Path defaultDirectory() throws IOException {
        return Files.createDirectories(home.resolve(".thermodiff/plugins"));
    }

    @Test
    void nothingSetAndNoDefaultDirectory_searchesNothing() {
        assertEquals(List.of(), PluginPath.resolve(List.of(), null, home));
    }

    @Test
    void defaultDirectory_isSearchedWhenItExists() throws IOException {
        Path dir = defaultDirectory();

        assertEquals(List.of(dir), PluginPath.resolve(List.of(), null, home));
    }

    @Test
    void options_comeAfterTheDefaultDirectory_absoluteAndOnceEach() throws IOException {
        Path dir = defaultDirectory();
        Path relative = Path.of("some/plugins");

        assertEquals(List.of(dir, relative.toAbsolutePath()),
                PluginPath.resolve(List.of(relative, dir, Path.of("some/./plugins")), null, home));
    }

    @Test
    void variable_replacesTheDefaultDirectory_andKeepsDirectoriesThatDoNotExist() throws IOException {
        defaultDirectory();
        Path a = home.resolve("a");
        Path b = home.resolve("b");
        String variable = a + File.pathSeparator + File.pathSeparator + " " + b + " ";

        assertEquals(List.of(a, b, home.resolve("c")), PluginPath.resolve(List.of(home.resolve("c")), variable, home));
    }

    @Test
    void emptyVariable_turnsTheDefaultDirectoryOff() throws IOException {
        defaultDirectory();

        assertEquals(List.of(), PluginPath.resolve(List.of(), "", home));
    }
}
