package org.thermodiff.plugins.samplers;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Independent random streams derived from a run seed and a key (purpose, cloud, block), so that
 * every block of particles draws from its own stream whichever thread runs it.
 */
final class Streams {

    /** Starting positions are drawn. */
    static final int DRAW = 0;
    /** Brownian increments of the reverse SDE. */
    static final int NOISE = 1;

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private Streams() {
    }

    /**
     * A XoRoShiRo128++ stream seeded by chaining the SplitMix64 finaliser over the seed and the key:
     * distinct keys give unrelated states, which seeding with the raw numbers would not.
     */
    static UniformRandomProvider of(long seed, int purpose, int cloud, int block) {
        long s = mix(seed + GOLDEN);
        s = mix(s ^ (GOLDEN * (1 + purpose)));
        s = mix(s ^ (GOLDEN * (1 + (long) cloud) + 0x632BE59BD9B4E019L));
        s = mix(s ^ (GOLDEN * (1 + (long) block) + 0x8CB92BA72F3D8DD7L));
        return RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {s, mix(s + GOLDEN)});
    }

    /** Stafford's variant 13 of the 64-bit finaliser (the output function of SplitMix64). */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
