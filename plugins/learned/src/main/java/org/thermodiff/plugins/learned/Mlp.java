package org.thermodiff.plugins.learned;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.Pair;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The network: an MLP {@code R^{d+f} → R^d} of {@code layers} hidden layers of {@code width}
 * units, from the position and the {@link TimeFeatures}.
 */
final class Mlp {

    private Mlp() {
    }

    /** A new, uninitialised block. */
    static Block block(int outputs, LearnedParams p) {
        SequentialBlock block = new SequentialBlock();
        for (int l = 0; l < p.layers(); l++) {
            block.add(Linear.builder().setUnits(p.width()).build());
            block.add(activation(p.activation()));
        }
        block.add(Linear.builder().setUnits(outputs).build());
        return block;
    }

    private static Block activation(LearnedParams.Activation a) {
        return switch (a) {
            case TANH -> Activation.tanhBlock();
            case SILU -> Activation.swishBlock(1f);
            case RELU -> Activation.reluBlock();
            case GELU -> Activation.geluBlock();
        };
    }

    /**
     * Initialises the block's parameters from {@code rng} rather than the engine's global generator,
     * so that training is reproducible even while other runs train in the same JVM: weights
     * uniform on {@code ±√(6/(fan_in + fan_out))} (Glorot) for tanh, {@code ±√(6/fan_in)} (He)
     * for the rectifier-like activations; biases 0. The values are handed to DJL as the parameters'
     * initializer, so the arrays are created with them (no in-place writes to parameters, which
     * libtorch refuses once a gradient collector has run in the JVM).
     *
     * @return the number of parameters
     */
    static long initialise(Block block, NDManager manager, int inputs, LearnedParams p, UniformRandomProvider rng) {
        boolean tanh = p.activation() == LearnedParams.Activation.TANH;
        Initializer weights = (m, shape, type) -> {
            long fanOut = shape.get(0);
            long fanIn = shape.get(1);
            double a = tanh ? Math.sqrt(6.0 / (fanIn + fanOut)) : Math.sqrt(6.0 / fanIn);
            float[] values = new float[Math.toIntExact(shape.size())];
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) (a * (2 * rng.nextDouble() - 1));
            }
            return m.create(values, shape);
        };
        block.setInitializer(weights, Parameter.Type.WEIGHT);
        block.setInitializer(Initializer.ZEROS, Parameter.Type.BIAS);
        block.initialize(manager, DataType.FLOAT32, new Shape(1, inputs));
        long count = 0;
        for (Pair<String, Parameter> entry : block.getParameters()) {
            count += entry.getValue().getArray().getShape().size();
        }
        return count;
    }
}
