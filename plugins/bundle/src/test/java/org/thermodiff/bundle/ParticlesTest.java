package org.thermodiff.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The paper's Monte-Carlo method (the {@code particles} sampler) agrees with the exact value within
 * its own error bars. The benchmark does the same at N = 10⁶; the test uses N = 10⁵ to stay fast.
 */
class ParticlesTest {

    @TempDir
    Path dir;

    @Test
    void monteCarloEtaAgreesWithTheExactValueWithinItsErrorBars() {
        JsonObject m = Experiments.metricsByLabels(Experiments.runYaml("""
                name: particles
                data: { type: gaussian-mixture, weights: [0.5, 0.5], means: [0.5916079783099616, -0.5916079783099616], stddevs: [0.3, 0.3] }
                schedule: cosine
                perturbation: { type: gaussian, mean: 1.0, stddev: 1.0 }
                sampler: { type: particles, particles: 100000, batches: 10, steps: 100 }
                seed: 12345
                report: [json]
                """, dir)).values().iterator().next();
        double eta = m.getDouble("eta");
        double stderr = m.getDouble("eta_stderr");
        double exact = 0.0898121386835;
        // The standard error is honest (well below η) and covers the truth at 4σ (a 6e-5 false alarm rate).
        assertTrue(stderr > 0 && stderr < 0.02 * exact, "stderr " + stderr);
        assertEquals(exact, eta, 4 * stderr, "η = " + eta + " ± " + stderr);
        assertEquals(0.202544481824, m.getDouble("c2"), 4 * m.getDouble("c2_stderr"));
        assertEquals(10.0, m.getDouble("batches"));
    }
}
