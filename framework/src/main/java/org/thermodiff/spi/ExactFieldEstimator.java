package org.thermodiff.spi;

/**
 * Marks a {@link VelocityEstimator} that returns the forward process's exact velocity (the
 * {@code analytic} estimator): experiments pairing it with a schedule that has no closed-form
 * velocity in the data's dimension ({@link Schedule#hasExactVelocity(int)}) are refused when they are
 * checked, naming both, instead of failing while they run.
 */
public interface ExactFieldEstimator extends VelocityEstimator {
}
