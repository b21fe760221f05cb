package org.thermodiff.plugins.learned;

import org.thermodiff.spi.Param;

/**
 * Parameters of the learned estimators: the network, the optimiser, the training budget and the
 * model cache. One record serves {@code score-matching}, {@code flow-matching} and {@code ot-cfm};
 * the last three components apply to one estimator each, as their docs say.
 *
 * @param layers        hidden layers of the MLP
 * @param width         units per hidden layer
 * @param activation    activation between layers
 * @param timeEmbedding how {@code s = t/τ} enters the network
 * @param frequencies   Fourier frequencies {@code k = 1..K} of the time embedding
 * @param optimizer     the optimiser
 * @param learningRate  its (initial) learning rate
 * @param lrSchedule    how the learning rate evolves over the steps
 * @param clipGradient  largest magnitude of a gradient element before the optimiser step, 0 for none
 * @param batchSize     samples per step
 * @param steps         optimiser steps
 * @param seed          training seed; 0 takes the run's seed
 * @param logEvery      steps between loss log points
 * @param cache         model cache directory; empty: {@code $THERMODIFF_MODEL_CACHE} or {@code ~/.thermodiff/models}
 * @param coupling      ot-cfm: the transport distance whose optimal plan couples each minibatch
 * @param sigma         ot-cfm: width of the Gaussian conditional paths (Tong et al.'s σ)
 * @param noiseFloor    score-matching: the {@code m_t} below which the Tweedie estimate of
 *                      {@code E[y|x]} gives way to the linear one (see {@link ScoreField})
 */
public record LearnedParams(
        @Param(doc = "hidden layers of the MLP", defaultValue = "3", min = 1, max = 16) int layers,
        @Param(doc = "units per hidden layer", defaultValue = "64", min = 1, max = 4096) int width,
        @Param(doc = "activation between layers", defaultValue = "tanh") Activation activation,
        @Param(doc = "how s = t/τ enters the network: linear (s itself) or fourier (s, sin 2πks, cos 2πks)",
                defaultValue = "fourier") TimeEmbedding timeEmbedding,
        @Param(doc = "Fourier frequencies k = 1..K of the time embedding", defaultValue = "4", min = 1, max = 64)
        int frequencies,
        @Param(doc = "optimiser", defaultValue = "adam") Optimiser optimizer,
        @Param(doc = "initial learning rate", defaultValue = "0.001", min = 0, exclusiveMin = true, max = 1)
        double learningRate,
        @Param(doc = "learning-rate schedule over the steps: constant, or cosine decay to 1% of the initial rate",
                defaultValue = "cosine") LearningRateSchedule lrSchedule,
        @Param(doc = "largest magnitude of a gradient element (larger ones are clipped) before each optimiser step; "
                + "0: no clipping. Guards against the rare loss spike that sends Adam to NaN", defaultValue = "0", min = 0)
        double clipGradient,
        @Param(doc = "samples per optimiser step", defaultValue = "256", min = 2, max = 1048576) int batchSize,
        @Param(doc = "optimiser steps", defaultValue = "2000", min = 1, max = 10000000) int steps,
        @Param(doc = "training seed; 0 takes the run's seed (set one to share a model across runs)", defaultValue = "0")
        long seed,
        @Param(doc = "steps between loss log points", defaultValue = "50", min = 1) int logEvery,
        @Param(doc = "model cache directory; empty: $THERMODIFF_MODEL_CACHE, else ~/.thermodiff/models", defaultValue = "\"\"")
        String cache,
        @Param(doc = "ot-cfm: transport distance whose optimal plan couples each minibatch", defaultValue = "w2",
                family = "distance") String coupling,
        @Param(doc = "ot-cfm: width σ of the Gaussian conditional paths around the straight lines (Tong et al.)",
                defaultValue = "0", min = 0) double sigma,
        @Param(doc = "score-matching: m_t below which the Tweedie estimate of E[y|x] gives way to the linear "
                + "(Gaussian-moment) one, bounding the 1/m_t amplification of the network's error near pure noise",
                defaultValue = "0.2", min = 0, exclusiveMin = true, max = 1) double noiseFloor) {

    /** Activations between hidden layers. */
    public enum Activation { TANH, SILU, RELU, GELU }

    /** Time embeddings. */
    public enum TimeEmbedding { LINEAR, FOURIER }

    /** Optimisers. */
    public enum Optimiser { ADAM }

    /** Learning-rate schedules. */
    public enum LearningRateSchedule { CONSTANT, COSINE }

    /** Network inputs besides the position: the time features. */
    int timeFeatures() {
        return timeEmbedding == TimeEmbedding.LINEAR ? 1 : 1 + 2 * frequencies;
    }
}
