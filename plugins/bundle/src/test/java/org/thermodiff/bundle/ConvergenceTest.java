package org.thermodiff.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Convergence of the quadrature sampler in its two resolutions, on the hardest Fig. 4 condition
 * (cosine schedule, tri-modal start): quadrature nodes (geometric convergence) and RK4 steps
 * (4th order). The printed table is the convergence study the issue asks for.
 */
class ConvergenceTest {

    private static final String BASE = """
            name: convergence
            data: { type: gaussian-mixture, weights: [0.5, 0.5], means: [0.5916079783099616, -0.5916079783099616], stddevs: [0.3, 0.3] }
            schedule: cosine
            perturbation: { type: gaussian-mixture, weights: [0.3333333333333333, 0.3333333333333333, 0.3333333333333334],
                            means: [-1.0314212462587935, 0.0, 1.0314212462587935],
                            stddevs: [0.30942637387763805, 0.8251369970070348, 0.30942637387763805] }
            report: [json]
            """;

    @TempDir
    Path dir;

    /** η (oracle 0.0269766462877) against the number of nodes, at RK4 steps fine enough not to matter. */
    @Test
    void etaConvergesGeometricallyInTheNumberOfNodes() {
        Map<String, JsonObject> m = Experiments.metricsByLabels(Experiments.runYaml(BASE + """
                sampler: { type: quadrature-1d, steps: 400 }
                matrix:
                  sampler.nodes: [128, 256, 512, 1024]
                """, dir));
        double oracle = 0.0269766462877;
        double[] errors = new double[4];
        int i = 0;
        for (int nodes : new int[] {128, 256, 512, 1024}) {
            errors[i] = Math.abs(m.get(Integer.toString(nodes)).getDouble("eta") - oracle) / oracle;
            System.out.printf("nodes %5d: relative error of eta %.2e%n", nodes, errors[i]);
            i++;
        }
        // Geometric: each doubling gains at least a factor 10 until the 12-digit oracle's floor.
        assertTrue(errors[1] < errors[0] / 10 && errors[2] < errors[1] / 10, java.util.Arrays.toString(errors));
        assertTrue(errors[3] < 1e-9, "1024 nodes: " + errors[3]);
    }

    /**
     * η against RK4 steps: the error falls like h⁴. η needs only the end points, so the output grid
     * is {0, τ/2, τ} and the step count truly doubles (with many output times, segments between
     * them would add steps of their own). Errors are measured against a 1600-step run, which itself
     * must match the oracle (whose 12 digits cannot resolve the finest steps).
     */
    @Test
    void etaConvergesAtFourthOrderInTheStepSize() {
        Map<String, JsonObject> m = Experiments.metricsByLabels(Experiments.runYaml(BASE + """
                sampler: { type: quadrature-1d, nodes: 1024 }
                time: { type: gauss-legendre, panels: 1, order: 1 }
                matrix:
                  sampler.steps: [25, 50, 100, 1600]
                """, dir));
        double reference = m.get("1600").getDouble("eta");
        assertEquals(0.0269766462877, reference, 1e-9 * 0.0269766462877);
        double e25 = Math.abs(m.get("25").getDouble("eta") - reference);
        double e50 = Math.abs(m.get("50").getDouble("eta") - reference);
        double e100 = Math.abs(m.get("100").getDouble("eta") - reference);
        System.out.printf("steps 25: %.2e, 50: %.2e, 100: %.2e (|eta - eta(1600 steps)|)%n", e25, e50, e100);
        // Ratios near 2⁴ = 16 for a 4th-order method; accept 10-24.
        assertTrue(e25 / e50 > 10 && e25 / e50 < 24, "25→50 ratio " + e25 / e50);
        assertTrue(e50 / e100 > 10 && e50 / e100 < 24, "50→100 ratio " + e50 / e100);
    }
}
