package org.thermodiff.spi.sampling;

import java.util.Objects;

/**
 * The two clouds at one output time of the sampler.
 *
 * @param index     index of {@code t} in the run's {@link TimeGrid}
 * @param t         forward time {@code t = τ − t̃}
 * @param reverse   the reverse process {@code P†_{τ−t}}, started from {@code P†_0 = P_τ}; it stands
 *                  for the forward marginal {@code P_t}
 * @param estimated the estimated process {@code P̃_t = P̃†_{τ−t}}, started from the perturbed
 *                  {@code P̃†_0}
 */
public record Snapshot(int index, double t, Cloud reverse, Cloud estimated) {

    public Snapshot {
        Objects.requireNonNull(reverse, "reverse");
        Objects.requireNonNull(estimated, "estimated");
    }
}
