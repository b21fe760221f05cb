package org.thermodiff.plugins.learned;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.CosineTracker;
import ai.djl.training.tracker.Tracker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.logging.Logger;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Trains the {@link Mlp} on an {@link Objective} with Adam and saves it: the minibatch loss
 * {@code mean_i |net(input_i) − target_i|²}, averaged over each {@code logEvery} steps into the
 * loss curve; progress is logged at every tenth of the steps.
 */
final class Trainer {

    private static final Logger LOG = Logger.getLogger(Trainer.class.getName());

    /**
     * Held while training: DJL's PyTorch engine allows one gradient collector per JVM at a time
     * ("A PtGradientCollector is already collecting"), whatever the model, so trainings of parallel
     * runs take turns. Training is single-threaded anyway (see {@link Engines}); sampling and the
     * other stages of those runs still proceed in parallel. JVM-wide because the constraint is.
     */
    private static final Object ONE_AT_A_TIME = new Object();

    /** File name stem of the saved parameters ({@code model-0000.params}). */
    static final String MODEL_NAME = "model";

    /** What training produced. */
    record Result(long parameters, double seconds, int[] steps, double[] loss) {
    }

    private Trainer() {
    }

    /**
     * Trains a network with {@code outputs} outputs and saves its parameters into {@code directory}.
     *
     * @param label names the training in progress lines, e.g. {@code ot-cfm}
     */
    static Result train(String label, Objective objective, TimeFeatures features, int outputs, LearnedParams p,
                        UniformRandomProvider rng, Path directory) {
        Engines.pytorch();
        synchronized (ONE_AT_A_TIME) {
            return trainAlone(label, objective, features, outputs, p, rng, directory);
        }
    }

    private static Result trainAlone(String label, Objective objective, TimeFeatures features, int outputs,
                                     LearnedParams p, UniformRandomProvider rng, Path directory) {
        long t0 = System.nanoTime();
        int batch = p.batchSize();
        int width = features.width();
        try (Model model = Model.newInstance(MODEL_NAME, "PyTorch")) {
            model.setBlock(Mlp.block(outputs, p));
            long parameters = Mlp.initialise(model.getBlock(), model.getNDManager(), width, p, rng);
            Tracker rate = p.lrSchedule() == LearnedParams.LearningRateSchedule.COSINE
                    ? CosineTracker.builder().setBaseValue((float) p.learningRate())
                            .optFinalValue((float) (p.learningRate() / 100)).setMaxUpdates(p.steps()).build()
                    : Tracker.fixed((float) p.learningRate());
            var adam = Optimizer.adam().optLearningRateTracker(rate);
            if (p.clipGradient() > 0) {
                adam.optClipGrad((float) p.clipGradient());
            }
            DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.l2Loss()).optOptimizer(adam.build());
            float[] inputs = new float[batch * width];
            float[] targets = new float[batch * outputs];
            int points = (p.steps() + p.logEvery() - 1) / p.logEvery();
            int[] steps = new int[points];
            double[] loss = new double[points];
            int logged = 0;
            double sum = 0;
            int inSum = 0;
            try (ai.djl.training.Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(batch, width));
                for (int step = 1; step <= p.steps(); step++) {
                    objective.fill(inputs, targets);
                    try (NDManager scope = model.getNDManager().newSubManager();
                         GradientCollector collector = trainer.newGradientCollector()) {
                        NDArray x = scope.create(inputs, new Shape(batch, width));
                        NDArray y = scope.create(targets, new Shape(batch, outputs));
                        NDArray prediction = trainer.forward(new NDList(x)).singletonOrThrow();
                        NDArray l = prediction.sub(y).square().sum(new int[] {1}).mean();
                        float value = l.getFloat();
                        if (!Float.isFinite(value)) {
                            // Diverged: the parameters are garbage from here on; never save them as a model.
                            throw new IllegalArgumentException(String.format(Locale.ROOT, "training %s diverged: the "
                                    + "loss is %s at step %d of %d; lower 'learning-rate' (now %s) or set "
                                    + "'clip-gradient' (e.g. 1)", label, value, step, p.steps(), p.learningRate()));
                        }
                        collector.backward(l);
                        sum += value;
                        inSum++;
                    }
                    trainer.step();
                    if (step % p.logEvery() == 0 || step == p.steps()) {
                        steps[logged] = step;
                        loss[logged++] = sum / inSum;
                        sum = 0;
                        inSum = 0;
                    }
                    if (step % Math.max(1, p.steps() / 10) == 0) {
                        LOG.info(String.format(Locale.ROOT, "training %s: step %d/%d, loss %.4g (%.1f s)", label, step,
                                p.steps(), loss[Math.max(0, logged - 1)], (System.nanoTime() - t0) / 1e9));
                    }
                }
            }
            model.save(directory, MODEL_NAME);
            return new Result(parameters, (System.nanoTime() - t0) / 1e9, Arrays.copyOf(steps, logged),
                    Arrays.copyOf(loss, logged));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the trained model to " + directory + ": " + e.getMessage(), e);
        }
    }
}
