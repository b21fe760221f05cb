package org.thermodiff.plugins.distances;

import java.util.Objects;
import org.thermodiff.spi.TransportPlan;

/**
 * A coupling between two weighted clouds and its transport cost {@code Σ π_ij c(x_i, y_j)}.
 *
 * <p>{@code cost} is evaluated in double precision on the returned plan, which is a coupling of
 * the clouds' exact weights. The solver that found it worked on integers, so the plan may miss the
 * optimum by a little: {@code errorBound} is a proven bound, {@code 0 ≤ cost − OT ≤ errorBound}
 * (see {@link ExactTransport}); it is {@code 0} for solvers that are exact by construction and
 * {@code NaN} where no bound is known (entropic plans).
 *
 * @param cost       {@code Σ π_ij c_ij}, with {@code c = |x − y|^p}
 * @param plan       the coupling, marginals equal to the clouds' weights
 * @param errorBound bound on {@code cost} minus the optimal cost, in units of the cost
 */
public record TransportResult(double cost, TransportPlan plan, double errorBound) {

    public TransportResult {
        Objects.requireNonNull(plan, "plan");
    }

    /**
     * The p-Wasserstein distance {@code cost^{1/p}}.
     *
     * @param p the exponent of the ground cost, 1 or 2
     */
    public double distance(int p) {
        return p == 1 ? cost : Math.sqrt(Math.max(cost, 0));
    }
}
