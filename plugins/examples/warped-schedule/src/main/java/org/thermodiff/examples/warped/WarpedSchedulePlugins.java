package org.thermodiff.examples.warped;

import org.thermodiff.spi.PluginFactory;
import org.thermodiff.spi.PluginFamily;
import org.thermodiff.spi.PluginModule;

/**
 * The example's plugin module, listed in
 * {@code META-INF/services/org.thermodiff.spi.PluginModule}: thermodiff finds it in a jar in a
 * plugin directory ({@code thermodiff run --plugins DIR ...}).
 */
public final class WarpedSchedulePlugins extends PluginModule {

    @Override
    protected void configure() {
        register(PluginFamily.SCHEDULE, "warped-cond-ot", PluginFactory.of(
                "conditional-OT schedule on a warped clock, m=1−(t/τ)^k, σ=(t/τ)^k (Eq. 28 with t/τ → (t/τ)^k)",
                WarpedCondOtSchedule.Params.class, WarpedCondOtSchedule::new));
    }
}
