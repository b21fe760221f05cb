package org.thermodiff.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.thermodiff.Thermodiff;
import org.thermodiff.experiment.ExperimentPlan;
import org.thermodiff.plugin.PluginJars;
import org.thermodiff.plugin.PluginRegistry;
import org.thermodiff.spi.PluginFamily;

/**
 * Where the numbers of an experiment come from: thermodiff's version, the git commit of the
 * experiment file's repository (when there is one), the JVM and OS, threads and seed, the
 * version of every plugin module in use and, when plugin jars were loaded, the path of each with
 * the modules it holds. Per-run configuration and stage timings are recorded with each run.
 */
final class Provenance {

    private Provenance() {
    }

    static Map<String, Object> of(ExperimentPlan plan, int threads, PluginRegistry registry, PluginJars jars) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("thermodiff", Thermodiff.version());
        p.put("source", String.valueOf(plan.source()));
        gitCommit(plan.source().toAbsolutePath().getParent()).ifPresent(git -> p.put("git", git));
        p.put("seed", plan.seed());
        p.put("threads", threads);
        p.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        p.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        p.put("started", Instant.now().toString());
        p.put("plugins", pluginVersions(registry, jars.classLoader()));
        if (!jars.jars().isEmpty()) {
            p.put("plugin_jars", pluginJars(jars));
        }
        return p;
    }

    /**
     * Every contributing plugin module with its version (from its jar manifest; "unpackaged" for
     * class directories), its class looked up through {@code plugins}.
     */
    static Map<String, String> pluginVersions(PluginRegistry registry, ClassLoader plugins) {
        Map<String, String> out = new TreeMap<>();
        for (PluginFamily<?> family : PluginFamily.ALL) {
            for (String name : registry.names(family)) {
                String origin = registry.get(family, name).origin();
                out.computeIfAbsent(origin, module -> version(module, plugins));
            }
        }
        return out;
    }

    /** Each loaded plugin jar (absolute path) with the plugin modules it holds, in load order. */
    static Map<String, List<String>> pluginJars(PluginJars jars) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        jars.jars().forEach(jar -> out.put(jar.path().toString(), jar.modules()));
        return out;
    }

    private static String version(String className, ClassLoader plugins) {
        try {
            String v = Class.forName(className, false, plugins).getPackage().getImplementationVersion();
            return v == null ? "unpackaged" : v;
        } catch (ClassNotFoundException e) {
            return "unknown";
        }
    }

    /** {@code {commit, dirty}} of the git work tree containing {@code dir}, if git is there and answers. */
    static Optional<Map<String, Object>> gitCommit(Path dir) {
        Optional<String> commit = git(dir, "rev-parse", "HEAD");
        if (commit.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("commit", commit.get());
        git(dir, "status", "--porcelain", "--untracked-files=no").ifPresent(s -> out.put("dirty", !s.isBlank()));
        return Optional.of(out);
    }

    private static Optional<String> git(Path dir, String... args) {
        List<String> command = new java.util.ArrayList<>(List.of("git", "-C", dir.toString()));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(false).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!p.waitFor(5, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                return Optional.empty();
            }
            return Optional.of(out);
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
