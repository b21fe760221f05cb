package org.thermodiff.distribution;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.thermodiff.distribution.MultivariateGaussianTest.integrate2d;

import java.util.HashSet;
import java.util.Set;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.thermodiff.distribution.MultivariateGaussianTest.SampleMoments;

class CheckerboardTest {

    /**
     * The density is piecewise constant on squares, so the midpoint rule on a grid aligned with the
     * squares (here 10 cells per square, board plus one empty square around it) is exact up to
     * rounding.
     */
    @Test
    void densityIntegratesToOne() {
        for (int k = 1; k <= 5; k++) {
            Checkerboard board = new Checkerboard(k, 1.5);
            double half = (k + 2) * 1.5 / 2;
            assertEquals(1, integrate2d(board, -half, half, 10 * (k + 2)), 1e-12, "k = " + k);
        }
    }

    /** Black where i + j is even (the lower-left square is black), nothing on white squares or off the board. */
    @Test
    void zeroOnWhiteSquares() {
        Checkerboard board = Checkerboard.standard();
        assertEquals(8, board.blackSquares());
        double black = -Math.log(8 * 4);   // uniform on 8 squares of area 4
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                double[] centre = {-4 + 2 * i + 1, -4 + 2 * j + 1};
                double expected = (i + j) % 2 == 0 ? black : Double.NEGATIVE_INFINITY;
                assertEquals(expected, board.logDensity(centre), 1e-15, "square " + i + "," + j);
            }
        }
        assertEquals(Double.NEGATIVE_INFINITY, board.logDensity(new double[] {4.5, -3}));
        assertEquals(Double.NEGATIVE_INFINITY, board.logDensity(new double[] {-3, -4.01}));
    }

    /** The enumeration of black squares used by the sampler hits each black square exactly once. */
    @Test
    void blackSquaresAreEnumeratedOnce() {
        for (int k = 1; k <= 7; k++) {
            Checkerboard board = new Checkerboard(k, 1);
            Set<Integer> seen = new HashSet<>();
            for (int n = 0; n < board.blackSquares(); n++) {
                int[] ij = board.blackSquare(n);
                assertTrue(ij[0] >= 0 && ij[0] < k && ij[1] >= 0 && ij[1] < k, "k = " + k + ", n = " + n);
                assertEquals(0, (ij[0] + ij[1]) % 2, "k = " + k + ", n = " + n);
                assertTrue(seen.add(ij[0] * k + ij[1]));
            }
            assertEquals((k * k + 1) / 2, seen.size());
        }
    }

    /**
     * Moments of the FFJORD board by hand: each coordinate is a uniform column centre in
     * {−3, −1, 1, 3} plus uniform noise of width 2, so Var = 5 + 4/12 = 16/3; the centres of the
     * black squares have E[xy] = 4 · (1 + 1)/8 = 1 (pairs of equal parity); the mean is 0.
     */
    @Test
    void momentsByHandAndByDraws() {
        Checkerboard board = Checkerboard.standard();
        double[][] expected = {{16.0 / 3, 1}, {1, 16.0 / 3}};
        double[][] c = board.covarianceMatrix();
        for (int p = 0; p < 2; p++) {
            assertArrayEquals(expected[p], c[p], 1e-14);
        }
        assertArrayEquals(new double[] {0, 0}, board.meanVector(), 0.0);
        SampleMoments.of(board.pointSampler(RandomSource.XO_RO_SHI_RO_128_PP.create(9L)), 2, 100_000)
                .assertMatches(new double[] {0, 0}, expected, 5);
        // An odd board (3 × 3, five black squares), against draws only.
        Checkerboard odd = new Checkerboard(3, 1);
        SampleMoments.of(odd.pointSampler(RandomSource.XO_RO_SHI_RO_128_PP.create(10L)), 2, 100_000)
                .assertMatches(odd.meanVector(), odd.covarianceMatrix(), 5);
    }

    @Test
    void drawsFallOnBlackSquares() {
        Checkerboard board = new Checkerboard(5, 0.7);
        double[] x = board.pointSampler(RandomSource.XO_RO_SHI_RO_128_PP.create(1L)).sample(10_000, 2);
        for (int i = 0; i < 10_000; i++) {
            assertTrue(Double.isFinite(board.logDensity(new double[] {x[2 * i], x[2 * i + 1]})), "draw " + i);
        }
    }

    @Test
    void badParametersAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Checkerboard(0, 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Checkerboard(4, 0));
        assertTrue(e.getMessage().contains("side"), e.getMessage());
        assertTrue(board().asGaussianComponents().isEmpty());
    }

    private static Checkerboard board() {
        return Checkerboard.standard();
    }
}
