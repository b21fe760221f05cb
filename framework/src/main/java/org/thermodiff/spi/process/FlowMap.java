package org.thermodiff.spi.process;

/**
 * The flow {@code Φ_{a→b}} of a velocity field in closed form: where a particle that is at
 * {@code x} at time {@code a} is at time {@code b}, solving {@code dx/dt = ν_t(x)} exactly, and how
 * much the flow stretches space there, {@code ∂Φ_{a→b}/∂x}.
 *
 * <p>A field whose characteristics are known (optimal transport moves particles on straight lines)
 * offers one through {@link VelocityField#flowMap()}, so that samplers move particles exactly,
 * with no time-stepping error, and carry densities by {@code ln p_b(Φ(x)) = ln p_a(x) − ln ∂Φ/∂x}
 * (the continuity equation, Eq. 1, integrated along a trajectory). Implementations are immutable and
 * thread-safe.
 *
 * <p>In {@code d} dimensions positions are row-major (particle {@code i} at {@code [i·d, (i+1)·d)}),
 * {@code from} and {@code to} count particles, and the stretch is {@code ln |det ∂Φ/∂x|}, one value
 * per particle.
 */
@FunctionalInterface
public interface FlowMap {

    /**
     * Writes {@code Φ_{a→b}(x[i])} to {@code out[i]} and, when {@code logStretch} is not
     * {@code null}, {@code ln ∂Φ_{a→b}/∂x} at {@code x[i]} to {@code logStretch[i]}, for
     * {@code from ≤ i < to}.
     *
     * @param a          forward time the positions are at, in {@code [0, τ]}
     * @param b          forward time to move them to, in {@code [0, τ]}; may be before {@code a}
     * @param x          positions at time {@code a}
     * @param out        receives the positions at time {@code b}; may alias {@code x}
     * @param logStretch receives {@code ln ∂Φ/∂x}, or {@code null}
     * @param from       first index, inclusive
     * @param to         last index, exclusive
     */
    void transport(double a, double b, double[] x, double[] out, double[] logStretch, int from, int to);
}
