package org.thermodiff.experiment;

import org.thermodiff.spi.Param;
import org.thermodiff.spi.sampling.TimeGrid;

/**
 * How the output times of a run are chosen ({@code time:} in an experiment), and with them the
 * quadrature of the time integrals {@code c1}, {@code c2} and the dissipation.
 */
public sealed interface TimeRule permits TimeRule.GaussLegendre, TimeRule.Uniform {

    /** Documentation of the {@code marks} parameter shared by the rules. */
    String MARKS_DOC = "also output at t = kτ/marks (weight 0), the snapshots figures show; 3 gives τ/3 and 2τ/3";

    /** The grid on {@code [0, τ]}. */
    TimeGrid grid(double tau);

    /**
     * Composite Gauss–Legendre in {@code t} (the default): exponentially accurate for the smooth
     * integrands of c1 and c2, and it never evaluates the end points.
     *
     * @param panels equal panels on {@code [0, τ]}
     * @param order  nodes per panel
     */
    record GaussLegendre(
            @Param(doc = "equal panels on [0, τ]", defaultValue = "4", min = 1, max = 1000) int panels,
            @Param(doc = "Gauss–Legendre nodes per panel", defaultValue = "16", min = 1, max = 64) int order,
            @Param(doc = MARKS_DOC, defaultValue = "3", min = 1, max = 1000) int marks)
            implements TimeRule {

        @Override
        public TimeGrid grid(double tau) {
            return TimeGrid.gaussLegendre(tau, panels, order).withMarks(marks);
        }
    }

    /**
     * Equally spaced times with Simpson weights; {@code intervals = 100} is the paper's
     * {@code τ/Δt}.
     *
     * @param intervals number of intervals, even
     */
    record Uniform(
            @Param(doc = "number of equal intervals on [0, τ] (even, for Simpson's rule)", defaultValue = "100", min = 2,
                    max = 1_000_000) int intervals,
            @Param(doc = MARKS_DOC, defaultValue = "3", min = 1, max = 1000) int marks) implements TimeRule {

        public Uniform {
            if (intervals % 2 != 0) {
                throw new IllegalArgumentException("intervals must be even for Simpson's rule, got " + intervals);
            }
        }

        @Override
        public TimeGrid grid(double tau) {
            return TimeGrid.uniform(tau, intervals).withMarks(marks);
        }
    }
}
