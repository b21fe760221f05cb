package org.thermodiff.spi.process;

import java.util.Objects;

/**
 * How a learned velocity field was obtained: the loss curve and where the trained model lives.
 *
 * @param estimator  the estimator's name, e.g. {@code ot-cfm}
 * @param key        hash of everything that affects training (the model cache key)
 * @param reused     true when the model was loaded from the cache instead of trained
 * @param model      where the trained model is stored
 * @param parameters number of trainable parameters
 * @param seconds    wall time of training (of the original training when reused)
 * @param steps      optimiser steps at which the loss was logged, ascending
 * @param loss       mean training loss over the steps since the previous log point
 */
public record TrainingLog(String estimator, String key, boolean reused, String model, long parameters, double seconds,
                          int[] steps, double[] loss) {

    public TrainingLog {
        Objects.requireNonNull(estimator, "estimator");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(model, "model");
        steps = steps.clone();
        loss = loss.clone();
        if (steps.length != loss.length) {
            throw new IllegalArgumentException("steps and loss differ in length: " + steps.length + " and " + loss.length);
        }
    }

    @Override
    public int[] steps() {
        return steps.clone();
    }

    @Override
    public double[] loss() {
        return loss.clone();
    }

    /** The last logged loss, NaN if none was logged. */
    public double finalLoss() {
        return loss.length == 0 ? Double.NaN : loss[loss.length - 1];
    }
}
