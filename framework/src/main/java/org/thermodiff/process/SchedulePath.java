package org.thermodiff.process;

import org.thermodiff.spi.process.GaussianPath;

/**
 * A {@link GaussianConditionalSchedule} in forward time {@code t = sτ}: {@code m_t = m(t/τ)},
 * {@code ṁ_t = m'(t/τ)/τ}, and likewise for {@code σ}.
 */
record SchedulePath(GaussianConditionalSchedule schedule, double tau) implements GaussianPath {

    SchedulePath {
        if (!(tau > 0) || !Double.isFinite(tau)) {
            throw new IllegalArgumentException("tau must be finite and > 0, got " + tau);
        }
    }

    @Override
    public double m(double t) {
        return schedule.m(normalised(t));
    }

    @Override
    public double mDot(double t) {
        return schedule.mPrime(normalised(t)) / tau;
    }

    @Override
    public double sigma(double t) {
        return schedule.sigma(normalised(t));
    }

    @Override
    public double sigmaDot(double t) {
        return schedule.sigmaPrime(normalised(t)) / tau;
    }

    @Override
    public double temperature(double t) {
        return schedule.temperature(normalised(t), tau);
    }

    @Override
    public String name() {
        return schedule.name();
    }

    private double normalised(double t) {
        if (!(t >= 0 && t <= tau)) {
            throw new IllegalArgumentException("t must lie in [0, " + tau + "], got " + t);
        }
        return t / tau;
    }
}
