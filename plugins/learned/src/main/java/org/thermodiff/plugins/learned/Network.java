package org.thermodiff.plugins.learned;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * A trained {@link Mlp} loaded for inference, evaluated in batches over slices of a cloud.
 * Thread-safe: each call works in its own native memory scope, and the loaded parameters are only
 * read (they carry no gradients, so no autograd graph is built).
 *
 * <p>The loaded model stays open for the life of the field that uses it (a few hundred kB of
 * native memory per trained model).
 */
final class Network implements Regressor {

    /** Rows per native call: bounds the native memory of one call. */
    private static final int CHUNK = 16_384;

    private final Model model;
    private final TimeFeatures features;
    private final int outputs;

    private Network(Model model, TimeFeatures features, int outputs) {
        this.model = model;
        this.features = features;
        this.outputs = outputs;
    }

    /** The model saved in {@code directory} by {@link Trainer}. */
    static Network load(Path directory, TimeFeatures features, int outputs, LearnedParams p) {
        Engines.pytorch();
        Model model = Model.newInstance(Trainer.MODEL_NAME, "PyTorch");
        model.setBlock(Mlp.block(outputs, p));
        try {
            model.load(directory, Trainer.MODEL_NAME);
        } catch (IOException | MalformedModelException e) {
            model.close();
            throw new UncheckedIOException("cannot load the trained model in " + directory + ": " + e.getMessage(),
                    e instanceof IOException io ? io : new IOException(e));
        }
        return new Network(model, features, outputs);
    }

    @Override
    public int dimension() {
        return features.dimension();
    }

    @Override
    public void evaluate(double t, double[] x, double[] out, int from, int to) {
        int d = features.dimension();
        int width = features.width();
        for (int a = from; a < to; a += CHUNK) {
            int b = Math.min(to, a + CHUNK);
            int n = b - a;
            float[] in = new float[n * width];
            for (int i = 0; i < n; i++) {
                features.write(t, x, (a + i) * d, in, i);
            }
            float[] result;
            try (NDManager scope = model.getNDManager().newSubManager()) {
                NDArray input = scope.create(in, new Shape(n, width));
                result = model.getBlock().forward(new ParameterStore(scope, false), new NDList(input), false)
                        .singletonOrThrow().toFloatArray();
            }
            for (int k = 0; k < n * outputs; k++) {
                out[a * outputs + k] = result[k];
            }
        }
    }
}
