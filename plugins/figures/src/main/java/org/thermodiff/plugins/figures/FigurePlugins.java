package org.thermodiff.plugins.figures;

import org.thermodiff.spi.PluginFactory;
import org.thermodiff.spi.PluginFamily;
import org.thermodiff.spi.PluginModule;

/** Reporters with figures (XChart): {@code plots} and {@code report}. */
public final class FigurePlugins extends PluginModule {

    @Override
    protected void configure() {
        register(PluginFamily.REPORTER, "plots", PluginFactory.of(
                "figures/*.png and *.svg: metrics against a numeric matrix axis, density evolution (Fig. 4(a), Fig. 5) "
                        + "and speed-accuracy trade-off (Fig. 4(b)-(e)) per perturbation, and the training loss of learned "
                        + "fields", FigureOptions.class, PlotsReporter::new));
        register(PluginFamily.REPORTER, "report", PluginFactory.of(
                "report.html (self-contained: results, bound checks, figures, YAML, provenance) and report.md "
                        + "with figures/*.png and *.svg (the figures of plots)", FigureOptions.class, HtmlReporter::new));
    }
}
