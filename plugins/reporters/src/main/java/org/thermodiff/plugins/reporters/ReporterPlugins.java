package org.thermodiff.plugins.reporters;

import org.thermodiff.spi.NoParameters;
import org.thermodiff.spi.PluginFactory;
import org.thermodiff.spi.PluginFamily;
import org.thermodiff.spi.PluginModule;

/** Console and file reporters. */
public final class ReporterPlugins extends PluginModule {

    @Override
    protected void configure() {
        register(PluginFamily.REPORTER, "table", PluginFactory.of(
                "console table of η, c1, c2, D0, W1 per run (also table.txt)", NoParameters.class,
                p -> new TableReporter(System.out)));
        register(PluginFamily.REPORTER, "json", PluginFactory.of(
                "results.json plus series/<run>.csv per run (DESIGN.md §4)", NoParameters.class, p -> new JsonReporter()));
        register(PluginFamily.REPORTER, "csv", PluginFactory.of(
                "results.csv, one row per run", NoParameters.class, p -> new CsvReporter()));
    }
}
