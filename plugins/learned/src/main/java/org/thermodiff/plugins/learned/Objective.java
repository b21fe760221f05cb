package org.thermodiff.plugins.learned;

/**
 * A training objective: draws one minibatch of network inputs and regression targets, so that
 * minimising {@code E|net(inputs) − target|²} yields the wanted field. Each instance owns its random
 * stream; draws are in a fixed order, so a seed fixes every batch.
 */
interface Objective {

    /**
     * Fills {@code inputs} ({@code batch × features.width()}, row-major) and {@code targets}
     * ({@code batch × d}).
     */
    void fill(float[] inputs, float[] targets);
}
