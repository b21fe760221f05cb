package org.thermodiff.spi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GaussianComponentsTest {

    private static final double[] W = {0.25, 0.75};
    private static final double[][] MEANS = {{1, 2, 3}, {-1, 0, 0.5}};
    private static final double[][] VARIANCES = {{0.5, 1, 2}, {3, 0.25, 1}};
    private static final double[][][] DENSE = {
            {{0.5, 0, 0}, {0, 1, 0}, {0, 0, 2}},
            {{3, 0, 0}, {0, 0.25, 0}, {0, 0, 1}}};

    @Test
    void diagonalMaterialisesTheDenseMatricesAndEqualsThem() {
        GaussianComponents diagonal = GaussianComponents.diagonal(W, MEANS, VARIANCES);
        GaussianComponents dense = new GaussianComponents(W, MEANS, DENSE);
        assertTrue(diagonal.isDiagonal());
        assertFalse(dense.isDiagonal());
        for (int k = 0; k < 2; k++) {
            for (int i = 0; i < 3; i++) {
                assertArrayEquals(DENSE[k][i], diagonal.covariances()[k][i]);
                assertArrayEquals(DENSE[k][i], diagonal.covariance(k)[i]);
            }
            assertArrayEquals(VARIANCES[k], dense.variances()[k]);
            assertArrayEquals(VARIANCES[k], diagonal.variances()[k]);
        }
        assertEquals(dense, diagonal);
        assertEquals(diagonal, dense);
        assertEquals(dense.hashCode(), diagonal.hashCode());
        double[][] other = {{0.5, 1, 2}, {3, 0.25, 1.5}};
        assertNotEquals(diagonal, GaussianComponents.diagonal(W, MEANS, other));
        assertNotEquals(dense, GaussianComponents.diagonal(W, MEANS, other));
        // A dense matrix with an off-diagonal entry is not the diagonal one.
        double[][][] coupled = {{{0.5, 0.1, 0}, {0.1, 1, 0}, {0, 0, 2}}, DENSE[1]};
        assertNotEquals(diagonal, new GaussianComponents(W, MEANS, coupled));
    }

    @Test
    void arraysAreCopied() {
        double[][] v = {{0.5, 1, 2}, {3, 0.25, 1}};
        GaussianComponents g = GaussianComponents.diagonal(W, MEANS, v);
        v[0][0] = 99;
        g.variances()[0][0] = 99;
        g.covariances()[0][0][0] = 99;
        assertEquals(0.5, g.variances()[0][0]);
    }

    @Test
    void collapsesDiagonalComponentsThatCoincideAndKeepsTheRepresentation() {
        double[][] means = {{0.1, 0.2}, {0.1, 0.2 + 1e-12}};
        double[][] variances = {{2, 3}, {2, 3 * (1 + 1e-14)}};
        GaussianComponents g = GaussianComponents.diagonal(new double[] {0.5, 0.5}, means, variances);
        GaussianComponents one = g.collapsed().orElseThrow();
        assertTrue(one.isDiagonal());
        assertEquals(1, one.size());
        assertArrayEquals(new double[] {2, 3}, one.variances()[0]);
        // Variances apart by 1e-9 of the largest (above the 1e-12 threshold): not one Gaussian.
        double[][] apart = {{2, 3}, {2, 3 * (1 + 1e-9)}};
        assertTrue(GaussianComponents.diagonal(new double[] {0.5, 0.5}, means, apart).collapsed().isEmpty());
        // The dense form collapses alike.
        assertEquals(one, new GaussianComponents(new double[] {0.5, 0.5}, means,
                new double[][][] {{{2, 0}, {0, 3}}, {{2, 0}, {0, 3 * (1 + 1e-14)}}}).collapsed().orElseThrow());
    }

    @Test
    void refusesBothOrNeitherRepresentationAndBadVariances() {
        IllegalArgumentException both = assertThrows(IllegalArgumentException.class,
                () -> new GaussianComponents(W, MEANS, DENSE, VARIANCES));
        assertEquals("give exactly one of covariances (dense) and variances (diagonal), got both", both.getMessage());
        IllegalArgumentException neither = assertThrows(IllegalArgumentException.class,
                () -> new GaussianComponents(W, MEANS, null, null));
        assertEquals("give exactly one of covariances (dense) and variances (diagonal), got neither",
                neither.getMessage());
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> GaussianComponents.diagonal(W, MEANS, new double[][] {{0.5, -1, 2}, {3, 0.25, 1}}));
        assertEquals("variance 1 of component 0 must be finite and >= 0, got -1.0", negative.getMessage());
        IllegalArgumentException length = assertThrows(IllegalArgumentException.class,
                () -> GaussianComponents.diagonal(W, MEANS, new double[][] {{0.5, 1}, {3, 0.25, 1}}));
        assertEquals("variances 0 must have 3 entries, got 2", length.getMessage());
    }
}
