package org.thermodiff.plugins.schedules;

import org.thermodiff.process.GaussianConditionalSchedule;
import org.thermodiff.process.RotatingSchedule;
import org.thermodiff.spi.Param;

/**
 * {@code rotating}: a Gaussian-conditional schedule with the non-conservative force
 * {@code (g/τ) J x} added to its drift, so that {@code P_t} is the marginal without it rotated by
 * {@code g t/τ} (see {@link org.thermodiff.process.RotatedProcess} for the derivation).
 *
 * @param base the schedule without the force
 * @param g    the strength: the total angle, in radians, turned over {@code [0, τ]}
 */
public record RotatingParams(
        @Param(doc = "the schedule without the force", defaultValue = "cosine") Base base,
        @Param(doc = "strength g of the force (g/τ) J x: the total angle in radians turned over [0, τ]",
                defaultValue = "1", min = -1000, max = 1000) double g) {

    /** The Gaussian-conditional schedules without parameters of their own. */
    public enum Base { COSINE, COND_OT }

    RotatingSchedule create() {
        GaussianConditionalSchedule schedule = base == Base.COSINE ? new CosineSchedule() : new CondOtSchedule();
        return new RotatingSchedule(schedule, g);
    }
}
