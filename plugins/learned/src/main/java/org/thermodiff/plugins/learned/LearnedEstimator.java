package org.thermodiff.plugins.learned;

import java.nio.file.Path;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.thermodiff.spi.VelocityEstimator;
import org.thermodiff.spi.process.EstimationProblem;
import org.thermodiff.spi.process.GaussianPath;
import org.thermodiff.spi.process.TrainingLog;
import org.thermodiff.spi.process.VelocityField;

/**
 * A velocity estimator that trains a network (or reuses one trained with the same
 * {@link TrainingKey}) and returns the field it defines.
 */
final class LearnedEstimator implements VelocityEstimator {

    /** The three objectives. */
    enum Kind {
        /** Denoising score matching, Eq. 18; velocity by Eq. 7. */
        SCORE_MATCHING("score-matching"),
        /** Conditional flow matching, Eq. 19. */
        FLOW_MATCHING("flow-matching"),
        /** Minibatch optimal-transport conditional flow matching (Tong et al. 2023). */
        OT_CFM("ot-cfm");

        final String pluginName;

        Kind(String pluginName) {
            this.pluginName = pluginName;
        }
    }

    private final Kind kind;
    private final LearnedParams params;
    private final ModelCache cache;

    LearnedEstimator(Kind kind, LearnedParams params, ModelCache cache) {
        this.kind = kind;
        this.params = params;
        this.cache = cache;
    }

    @Override
    public VelocityField estimate(EstimationProblem problem) {
        GaussianPath path = problem.forward().gaussianPath().orElse(null);
        if (kind == Kind.OT_CFM && path != null) {
            throw new IllegalArgumentException("ot-cfm learns the optimal-transport path: use it with schedule 'ot', "
                    + "not with " + problem.forward().describe() + " (flow-matching learns Gaussian-conditional schedules)");
        }
        if (kind != Kind.OT_CFM && path == null) {
            throw new IllegalArgumentException(kind.pluginName + " learns a Gaussian-conditional schedule (cosine, "
                    + "cond-ot, ve, linear-vp, rotating); " + problem.forward().describe() + " is not one (for 'ot', use ot-cfm)");
        }
        int d = problem.data().dimension();
        if (problem.prior().dimension() != d) {
            throw new IllegalArgumentException("the prior lives in R^" + problem.prior().dimension() + " and the data in R^" + d);
        }
        long seed = params.seed() != 0 ? params.seed() : problem.seed();
        TimeFeatures features = TimeFeatures.of(d, problem.forward().tau(), params);
        TrainingKey key = TrainingKey.of(kind.pluginName, params, seed, problem.forward(), problem.data(), problem.prior());
        Path root = ModelCache.root(params.cache());
        ModelCache.Entry entry = cache.obtain(root, key, directory -> {
            UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
            return Trainer.train(kind.pluginName, objective(problem, path, features, rng), features, d, params, rng,
                    directory);
        });
        Trainer.Result r = entry.result();
        TrainingLog log = new TrainingLog(kind.pluginName, key.hash(), entry.reused(), entry.directory().toString(),
                r.parameters(), r.seconds(), r.steps(), r.loss());
        Network network = cache.network(entry, key.hash(), directory -> Network.load(directory, features, d, params));
        return kind == Kind.SCORE_MATCHING
                ? new ScoreField(network, path, problem.data().meanVector(),
                        problem.data().covarianceTrace() / d, params.noiseFloor(), log)
                : new VelocityNetworkField(network, log);
    }

    private Objective objective(EstimationProblem problem, GaussianPath path, TimeFeatures features,
                                UniformRandomProvider rng) {
        return switch (kind) {
            case SCORE_MATCHING -> new GaussianPathObjective(path, problem.data(), rng, features,
                    GaussianPathObjective.Target.NOISE);
            case FLOW_MATCHING -> new GaussianPathObjective(path, problem.data(), rng, features,
                    GaussianPathObjective.Target.VELOCITY);
            case OT_CFM -> new OtCfmObjective(problem.data(), problem.prior(), problem.distance(params.coupling()),
                    problem.forward().tau(), params.sigma(), rng, features);
        };
    }
}
