package org.thermodiff.plugins.learned;

/** A learned map {@code (t, x) ↦ R^d}, evaluated in batches over slices of a cloud; thread-safe. */
interface Regressor {

    /** The dimension {@code d} of its inputs {@code x} and of its outputs. */
    int dimension();

    /**
     * Writes the outputs at time {@code t} for particles {@code from ≤ i < to} of {@code x}
     * (row-major, {@code d} per particle) to {@code out[i·d, (i+1)·d)}.
     */
    void evaluate(double t, double[] x, double[] out, int from, int to);
}
