package org.thermodiff.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The paper's OT curve with a learned field, as shipped: experiments/paper/fig4-otcfm.yaml trains an
 * OT-CFM network (one for all four perturbations) and must land within 2% of the exact 1-D values
 * the issue states, η = 0.0898121 (gaussian-mean, any schedule) and c2 = W2(q, N(0,1))² = 0.1472895,
 * with every bound of Eq. 82, 80, 67 and 91 holding. Training takes about 20 s on two cores; the
 * model lands in the module's target/models (THERMODIFF_MODEL_CACHE, set by surefire).
 */
class OtCfmReproductionTest {

    @TempDir
    Path out;

    @Test
    void learnedOtMatchesTheExactValuesWithinTwoPercent() {
        Cli.Result result = Cli.run(Path.of("experiments/paper/fig4-otcfm.yaml"), out, "--quiet");
        assertEquals(0, result.exitCode(), result.describe());
        Map<String, JsonObject> metrics = Experiments.metricsByLabels(Experiments.results(out.resolve("fig4-otcfm")));
        assertEquals(4, metrics.size());
        JsonObject mean = metrics.get("gaussian-mean");
        assertEquals(0.0898121, mean.getDouble("eta"), 0.02 * 0.0898121, "η of the mean shift");
        assertEquals(0.1472895, mean.getDouble("c2"), 0.02 * 0.1472895, "c2 = W2² of OT");
        metrics.forEach((label, m) -> assertTrue(m.getBoolean("bounds_hold"), label + ": " + m.encodePrettily()));
    }
}
