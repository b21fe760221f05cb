package org.thermodiff.plugins.distances;

import org.thermodiff.spi.Param;

/**
 * Parameters of the divergences {@code chi2} and {@code kl}: 1-D quadrature, and the Monte-Carlo
 * estimate used in {@code d > 1} where no closed form exists.
 *
 * @param nodes   normal-score quadrature nodes (1-D)
 * @param samples Monte-Carlo draws from the first distribution ({@code d > 1} without a closed form)
 * @param seed    their seed
 */
record DivergenceParams(
        @Param(doc = "normal-score quadrature nodes", defaultValue = "4096", min = 64, max = 10_000_000) int nodes,
        @Param(doc = "d > 1 without a closed form: Monte-Carlo draws from the first distribution", defaultValue = "1048576",
                min = 1024, max = 1_000_000_000) int samples,
        @Param(doc = "d > 1 without a closed form: seed of the draws", defaultValue = "1") long seed) {
}
