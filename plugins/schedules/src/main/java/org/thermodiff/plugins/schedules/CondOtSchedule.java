package org.thermodiff.plugins.schedules;

import org.thermodiff.process.GaussianConditionalSchedule;

/**
 * The conditional optimal-transport schedule, Eq. 28: {@code m_t = 1 − t/τ}, {@code σ_t = t/τ},
 * the straight line from {@code (σ, m) = (0, 1)} to {@code (1, 0)}.
 */
public final class CondOtSchedule extends GaussianConditionalSchedule {

    @Override
    public double m(double s) {
        return 1 - s;
    }

    @Override
    public double mPrime(double s) {
        return -1;
    }

    @Override
    public double sigma(double s) {
        return s;
    }

    @Override
    public double halfSigmaSquaredPrime(double s) {
        return s;
    }

    @Override
    public double sigmaPrime(double s) {
        return 1;
    }

    @Override
    public String name() {
        return "cond-ot";
    }
}
