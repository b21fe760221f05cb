package org.thermodiff.plugins.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.thermodiff.plugins.data.MultivariateDataParams.GaussianMixtureNdParams;
import org.thermodiff.plugins.data.MultivariateDataParams.GaussianNdParams;
import org.thermodiff.plugins.data.MultivariateDataParams.MoonsParams;
import org.thermodiff.plugins.data.MultivariateDataParams.SwissRollParams;

/** The (unregistered) n-D parameter records build what their documentation says. */
class MultivariateDataParamsTest {

    @Test
    void gaussianForms() {
        double[] mean = {1, 2};
        assertArrayEquals(new double[] {4, 0}, new GaussianNdParams(mean, 2, new double[0], new double[0]).create()
                .covarianceMatrix()[0]);
        assertArrayEquals(new double[] {0, 3}, new GaussianNdParams(mean, 1, new double[] {1, 3}, new double[0])
                .create().covarianceMatrix()[1]);
        assertArrayEquals(new double[] {2, 0.5}, new GaussianNdParams(mean, 1, new double[0],
                new double[] {2, 0.5, 0.5, 1}).create().covarianceMatrix()[0]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new GaussianNdParams(mean, 1, new double[0], new double[] {1, 0, 0}));
        assertTrue(e.getMessage().contains("d² = 4"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new GaussianNdParams(mean, 1, new double[] {1, 1}, new double[] {1, 0, 0, 1}));
        assertTrue(e.getMessage().contains("not both"), e.getMessage());
    }

    @Test
    void mixtureMeansAreRowMajor() {
        var m = new GaussianMixtureNdParams(2, new double[] {0.5, 0.5}, new double[] {-1, 0, 1, 0},
                new double[] {0.1, 0.1}).create();
        assertArrayEquals(new double[] {1, 0}, m.component(1).meanVector());
        assertThrows(IllegalArgumentException.class, () -> new GaussianMixtureNdParams(2, new double[] {1},
                new double[] {1, 2, 3}, new double[] {1}));
    }

    /** One mean per component puts it on the diagonal: μ_k = a_k (1, …, 1). */
    @Test
    void oneMeanPerComponentIsOnTheDiagonal() {
        var m = new GaussianMixtureNdParams(3, new double[] {0.5, 0.5}, new double[] {-0.2, 0.4},
                new double[] {1, 1}).create();
        assertArrayEquals(new double[] {-0.2, -0.2, -0.2}, m.component(0).meanVector());
        assertArrayEquals(new double[] {0.4, 0.4, 0.4}, m.component(1).meanVector());
    }

    /** Defaults: ⌈√(1 + (4.5π)²) · 3π⌉ = 134 components for the roll, ⌈π/0.1⌉ = 32 per moon. */
    @Test
    void automaticComponentCounts() {
        assertEquals(134, new SwissRollParams(1, 1.5 * Math.PI, 1.5, 0.2, 0, 1).create().size());
        assertEquals(10, new SwissRollParams(1, 1.5 * Math.PI, 1.5, 0.2, 10, 1).create().size());
        assertEquals(64, new MoonsParams(0.1, 1, 0, 1).create().size());
    }
}
