package org.thermodiff.plugins.learned;

import org.thermodiff.spi.PluginFactory;
import org.thermodiff.spi.PluginFamily;
import org.thermodiff.spi.PluginModule;

/**
 * Learned velocity estimators on DJL with the PyTorch engine: {@code score-matching},
 * {@code flow-matching} and {@code ot-cfm}. They share one model cache, so that runs of a sweep
 * that need the same network train it once.
 */
public final class LearnedPlugins extends PluginModule {

    private final ModelCache cache = new ModelCache();

    @Override
    protected void configure() {
        register(PluginFamily.ESTIMATOR, "score-matching", PluginFactory.of(
                "denoising score matching (Eq. 18), velocity by Eq. 7 and score for the SDE (Eq. 9); an MLP on DJL/PyTorch",
                LearnedParams.class, p -> new LearnedEstimator(LearnedEstimator.Kind.SCORE_MATCHING, p, cache)));
        register(PluginFamily.ESTIMATOR, "flow-matching", PluginFactory.of(
                "conditional flow matching (Eq. 19) of a Gaussian-conditional schedule; an MLP on DJL/PyTorch",
                LearnedParams.class, p -> new LearnedEstimator(LearnedEstimator.Kind.FLOW_MATCHING, p, cache)));
        register(PluginFamily.ESTIMATOR, "ot-cfm", PluginFactory.of(
                "optimal-transport conditional flow matching with exact minibatch couplings (Tong et al. 2023), for "
                        + "schedule ot in any dimension; an MLP on DJL/PyTorch",
                LearnedParams.class, p -> new LearnedEstimator(LearnedEstimator.Kind.OT_CFM, p, cache)));
    }
}
