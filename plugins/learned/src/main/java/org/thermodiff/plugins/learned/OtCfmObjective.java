package org.thermodiff.plugins.learned;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.thermodiff.spi.Distance;
import org.thermodiff.spi.MultivariateDistribution;
import org.thermodiff.spi.TransportPlan;
import org.thermodiff.spi.sampling.PointCloud;

/**
 * Optimal-transport conditional flow matching (Tong et al. 2023, "OT-CFM"): draw a minibatch
 * {@code y_1..y_B ~ q} and {@code z_1..z_B ~ P_τ}, couple them by the exact optimal plan of the
 * {@code coupling} distance between the two minibatches, and regress on the straight-line velocity
 * {@code (z − y)/τ} at {@code x = (1 − s) y + s z + σ ε}, {@code s = t/τ ~ U(0, 1]}. As {@code B}
 * grows the minibatch plans approach the optimal plan between {@code q} and {@code P_τ}, so the
 * learned field approaches the displacement-interpolation (OT) velocity, in any dimension.
 *
 * <p>An assignment plan ({@code B} pairs) is used pair by pair; a plan with split mass is sampled,
 * {@code B} pairs with probability proportional to their mass.
 */
final class OtCfmObjective implements Objective {

    private final MultivariateDistribution.PointSampler data;
    private final MultivariateDistribution.PointSampler prior;
    private final Distance coupling;
    private final double tau;
    private final double sigma;
    private final UniformRandomProvider rng;
    private final ZigguratSampler.NormalizedGaussian normal;
    private final TimeFeatures features;

    OtCfmObjective(MultivariateDistribution data, MultivariateDistribution prior, Distance coupling, double tau,
                   double sigma, UniformRandomProvider rng, TimeFeatures features) {
        if (!coupling.isTransport()) {
            throw new IllegalArgumentException("ot-cfm needs a transport distance for its minibatch couplings");
        }
        this.data = data.pointSampler(rng);
        this.prior = prior.pointSampler(rng);
        this.coupling = coupling;
        this.tau = tau;
        this.sigma = sigma;
        this.rng = rng;
        this.normal = ZigguratSampler.NormalizedGaussian.of(rng);
        this.features = features;
    }

    @Override
    public void fill(float[] inputs, float[] targets) {
        int d = features.dimension();
        int batch = targets.length / d;
        double[] y = data.sample(batch, d);
        double[] z = prior.sample(batch, d);
        TransportPlan plan = coupling.plan(PointCloud.uniform(d, y), PointCloud.uniform(d, z)).orElseThrow(
                () -> new IllegalStateException("the coupling distance gave no transport plan"));
        int[] source = plan.source();
        int[] target = plan.target();
        double[] cumulative = plan.size() == batch ? null : cumulative(plan.mass());
        double[] x = new double[d];
        for (int i = 0; i < batch; i++) {
            int k = cumulative == null ? i : pick(cumulative);
            int a = source[k] * d;
            int b = target[k] * d;
            double s = 1 - rng.nextDouble();
            for (int j = 0; j < d; j++) {
                x[j] = (1 - s) * y[a + j] + s * z[b + j] + (sigma > 0 ? sigma * normal.sample() : 0);
                targets[i * d + j] = (float) ((z[b + j] - y[a + j]) / tau);
            }
            features.write(s * tau, x, 0, inputs, i);
        }
    }

    private static double[] cumulative(double[] mass) {
        double[] c = new double[mass.length];
        double s = 0;
        for (int k = 0; k < mass.length; k++) {
            s += mass[k];
            c[k] = s;
        }
        return c;
    }

    private int pick(double[] cumulative) {
        double u = rng.nextDouble() * cumulative[cumulative.length - 1];
        int k = java.util.Arrays.binarySearch(cumulative, u);
        return Math.min(k >= 0 ? k + 1 : -k - 1, cumulative.length - 1);
    }
}
