package org.thermodiff.plugins.learned;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thermodiff.distribution.Gaussian;
import org.thermodiff.experiment.ParameterBinder;
import org.thermodiff.plugins.schedules.CondOtSchedule;
import org.thermodiff.spi.process.EstimationProblem;
import org.thermodiff.spi.process.ForwardProcess;
import org.thermodiff.spi.process.VelocityField;

class SmokeTest {
    @TempDir Path dir;

    @Test
    void flowMatching() {
        ForwardProcess fp = new CondOtSchedule().forward(Gaussian.of(1, 0.5), Gaussian.STANDARD, 1.0);
        LearnedParams d = ParameterBinder.defaults(LearnedParams.class);
        LearnedParams p = new LearnedParams(d.layers(), d.width(), d.activation(), d.timeEmbedding(), d.frequencies(),
                d.optimizer(), d.learningRate(), d.lrSchedule(), d.batchSize(), 1000, 7, d.logEvery(), dir.toString(),
                d.coupling(), d.sigma(), d.noiseFloor());
        long t0 = System.nanoTime();
        VelocityField f = new LearnedEstimator(LearnedEstimator.Kind.FLOW_MATCHING, p, new ModelCache())
                .estimate(new EstimationProblem(fp, fp.marginal(0), Gaussian.STANDARD, 1));
        System.out.println("trained in " + (System.nanoTime() - t0) / 1e9 + " s; " + f.training().orElseThrow());
        double[] x = {-1, 0, 1, 2};
        for (double t : new double[] {0.1, 0.5, 0.9}) {
            double[] v = new double[4];
            f.velocity(t, x, v);
            double[] e = new double[4];
            fp.velocity().velocity(t, x, e);
            System.out.println(t + " learned " + java.util.Arrays.toString(v) + " exact " + java.util.Arrays.toString(e));
        }
        long t1 = System.nanoTime();
        VelocityField g = new LearnedEstimator(LearnedEstimator.Kind.FLOW_MATCHING, p, new ModelCache())
                .estimate(new EstimationProblem(fp, fp.marginal(0), Gaussian.STANDARD, 1));
        System.out.println("second in " + (System.nanoTime() - t1) / 1e9 + " s reused=" + g.training().orElseThrow().reused());
    }
}
