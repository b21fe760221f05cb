package org.thermodiff.plugins.learned;

/**
 * The network's inputs for a point {@code x ∈ R^d} at forward time {@code t}: {@code x}, then
 * {@code s = t/τ} and, for the Fourier embedding, {@code sin 2πks}, {@code cos 2πks} for
 * {@code k = 1..K} (smooth in {@code s}, so the learned field is smooth in time).
 */
record TimeFeatures(int dimension, double tau, LearnedParams.TimeEmbedding embedding, int frequencies) {

    static TimeFeatures of(int dimension, double tau, LearnedParams p) {
        return new TimeFeatures(dimension, tau, p.timeEmbedding(), p.frequencies());
    }

    /** Inputs per point. */
    int width() {
        return dimension + (embedding == LearnedParams.TimeEmbedding.LINEAR ? 1 : 1 + 2 * frequencies);
    }

    /** Writes the inputs of point {@code x[xo, xo+d)} at time {@code t} to {@code out[row·width, …)}. */
    void write(double t, double[] x, int xo, float[] out, int row) {
        int o = row * width();
        for (int j = 0; j < dimension; j++) {
            out[o + j] = (float) x[xo + j];
        }
        writeTime(t, out, o + dimension);
    }

    /** Writes the time features of {@code t} at {@code out[o, …)}. */
    void writeTime(double t, float[] out, int o) {
        double s = t / tau;
        out[o] = (float) s;
        if (embedding == LearnedParams.TimeEmbedding.FOURIER) {
            for (int k = 1; k <= frequencies; k++) {
                double a = 2 * Math.PI * k * s;
                out[o + 2 * k - 1] = (float) Math.sin(a);
                out[o + 2 * k] = (float) Math.cos(a);
            }
        }
    }
}
