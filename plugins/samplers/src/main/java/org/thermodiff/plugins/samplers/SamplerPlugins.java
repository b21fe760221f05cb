package org.thermodiff.plugins.samplers;

import org.thermodiff.spi.PluginFactory;
import org.thermodiff.spi.PluginFamily;
import org.thermodiff.spi.PluginModule;

/** Samplers of the reverse and estimated processes (probability-flow ODE, Eqs. 11 and 15). */
public final class SamplerPlugins extends PluginModule {

    @Override
    protected void configure() {
        register(PluginFamily.SAMPLER, "quadrature-1d", PluginFactory.of(
                "deterministic normal-score quadrature clouds in 1-D, exact to many digits (RK4 or adaptive)",
                QuadratureSampler.Params.class, QuadratureSampler::new));
        register(PluginFamily.SAMPLER, "particles", PluginFactory.of(
                "Monte-Carlo particle clouds with batch error bars, the paper's method (RK4 or adaptive)",
                ParticleSampler.Params.class, ParticleSampler::new));
        register(PluginFamily.SAMPLER, "particles-nd", PluginFactory.of(
                "Monte-Carlo particle clouds in any dimension, multi-threaded: probability-flow ODE (RK4, Heun, adaptive) "
                        + "or reverse SDE (Eq. 9, Euler–Maruyama), with batch error bars",
                ParticleSamplerNd.Params.class, ParticleSamplerNd::new));
    }
}
