package org.thermodiff.plugins.schedules;

import org.thermodiff.process.GaussianConditionalSchedule;
import org.thermodiff.spi.Param;

/**
 * The variance-exploding schedule, Eqs. 26–27: no force ({@code m_t = 1}), temperature
 * {@code T_t = ∂_t(σ_t²/2)}, with a non-decreasing {@code σ_t} from {@code σ_0 = 0}:
 * <ul>
 *   <li>{@code geometric} (NCSN / VE-SDE): {@code σ_t² = σ_min² [(σ_max/σ_min)^{2t/τ} − 1]},
 *       so {@code σ_τ² = σ_max² − σ_min²};</li>
 *   <li>{@code linear}: {@code σ_t = σ_max t/τ}.</li>
 * </ul>
 * The forward process ends at {@code q * N(0, σ_τ²)}, not at a standard normal: the reverse
 * process starts from that exact marginal.
 */
public final class VeSchedule extends GaussianConditionalSchedule {

    /** How {@code σ_t} grows. */
    public enum Profile {
        /** {@code σ_t² = σ_min²[(σ_max/σ_min)^{2t/τ} − 1]}. */
        GEOMETRIC,
        /** {@code σ_t = σ_max t/τ}. */
        LINEAR
    }

    /**
     * Parameters of {@code ve}.
     *
     * @param sigmaMin {@code σ_min} of the geometric profile
     * @param sigmaMax {@code σ_max}
     * @param profile  growth of {@code σ_t}
     */
    public record Params(
            @Param(doc = "σ_min of the geometric profile", defaultValue = "0.01", min = 0, exclusiveMin = true) double sigmaMin,
            @Param(doc = "σ_max: noise level reached at t = τ", defaultValue = "1.0", min = 0, exclusiveMin = true) double sigmaMax,
            @Param(doc = "growth of σ_t", defaultValue = "geometric") Profile profile) {

        public Params {
            if (profile == Profile.GEOMETRIC && !(sigmaMax > sigmaMin)) {
                throw new IllegalArgumentException("sigma-max must be > sigma-min, got sigma-min=" + sigmaMin
                        + ", sigma-max=" + sigmaMax);
            }
        }
    }

    private final Params params;
    private final double logRatio;

    /** A VE schedule with the given parameters. */
    public VeSchedule(Params params) {
        this.params = params;
        this.logRatio = Math.log(params.sigmaMax() / params.sigmaMin());
    }

    @Override
    public double m(double s) {
        return 1;
    }

    @Override
    public double mPrime(double s) {
        return 0;
    }

    @Override
    public double sigma(double s) {
        return switch (params.profile()) {
            case GEOMETRIC -> params.sigmaMin() * Math.sqrt(Math.expm1(2 * logRatio * s));
            case LINEAR -> params.sigmaMax() * s;
        };
    }

    @Override
    public double halfSigmaSquaredPrime(double s) {
        return switch (params.profile()) {
            case GEOMETRIC -> params.sigmaMin() * params.sigmaMin() * logRatio * Math.exp(2 * logRatio * s);
            case LINEAR -> params.sigmaMax() * params.sigmaMax() * s;
        };
    }

    @Override
    public String name() {
        return "ve-" + params.profile().name().toLowerCase(java.util.Locale.ROOT);
    }
}
