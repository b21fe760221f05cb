package org.thermodiff.plugins.schedules;

import org.thermodiff.spi.NoParameters;
import org.thermodiff.spi.PluginFactory;
import org.thermodiff.spi.PluginFamily;
import org.thermodiff.spi.PluginModule;

/** The paper's noise schedules, DDPM's linear VP, and exact 1-D optimal transport. */
public final class SchedulePlugins extends PluginModule {

    @Override
    protected void configure() {
        register(PluginFamily.SCHEDULE, "cosine", PluginFactory.of(
                "cosine VP schedule m=cos(πt/2τ), σ=sin(πt/2τ) (Eq. 32)", NoParameters.class, p -> new CosineSchedule()));
        register(PluginFamily.SCHEDULE, "cond-ot", PluginFactory.of(
                "conditional-OT schedule m=1−t/τ, σ=t/τ (Eq. 28)", NoParameters.class, p -> new CondOtSchedule()));
        register(PluginFamily.SCHEDULE, "linear-vp", PluginFactory.of(
                "DDPM's variance-preserving schedule with linear β, T = β/2 (Eqs. 29–31)", LinearVpSchedule.Params.class,
                LinearVpSchedule::new));
        register(PluginFamily.SCHEDULE, "ve", PluginFactory.of(
                "variance-exploding schedule m=1, T=∂t(σ²/2) (Eqs. 26–27)", VeSchedule.Params.class, VeSchedule::new));
        register(PluginFamily.SCHEDULE, "rotating", PluginFactory.of(
                "a Gaussian-conditional schedule plus the non-conservative force (g/τ) J x (rotation), in R^d, d ≥ 2",
                RotatingParams.class, RotatingParams::create));
        register(PluginFamily.SCHEDULE, "ot", PluginFactory.of(
                "exact 1-D optimal transport (displacement interpolation) from the data to the prior (Eq. 91)",
                NoParameters.class, p -> new OptimalTransportSchedule()));
    }
}
