package org.thermodiff.cli;

import java.util.concurrent.Callable;
import org.thermodiff.experiment.ParameterBinder;
import org.thermodiff.experiment.ParameterInfo;
import org.thermodiff.plugin.PluginJars;
import org.thermodiff.plugin.PluginRegistry;
import org.thermodiff.spi.PluginFamily;
import org.thermodiff.spi.Registration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code thermodiff plugins}: every installed plugin with its parameters and defaults. */
@Command(name = "plugins", description = "List every plugin, by family, with its parameters and defaults.")
final class PluginsCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        try (Engine.Session engine = Engine.start(common)) {
            System.out.print(listing(engine.injector().getInstance(PluginRegistry.class), engine.plugins()));
        }
        return ExitCode.OK;
    }

    /** Every family with its plugins; a plugin from a plugin jar names the jar. */
    private static String listing(PluginRegistry registry, PluginJars jars) {
        StringBuilder sb = new StringBuilder();
        for (PluginFamily<?> family : PluginFamily.ALL) {
            sb.append(family.key()).append(" — ").append(family.title()).append('\n');
            for (String name : registry.names(family)) {
                Registration<?> r = registry.get(family, name);
                sb.append("  ").append(name).append(": ").append(r.factory().description())
                        .append(jars.jarOf(r.origin()).map(jar -> " [plugin jar " + jar + "]").orElse("")).append('\n');
                for (ParameterInfo p : ParameterBinder.describe(r.factory().parameters())) {
                    sb.append("      ").append(p.key()).append(": ").append(p.type())
                            .append(p.defaultValue().map(d -> " (default " + d + ")").orElse(" (required)"));
                    if (!p.doc().isEmpty()) {
                        sb.append(" — ").append(p.doc());
                    }
                    sb.append('\n');
                }
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
