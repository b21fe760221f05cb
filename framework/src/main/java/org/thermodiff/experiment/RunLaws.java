package org.thermodiff.experiment;

import java.util.Arrays;
import org.thermodiff.distribution.Gaussian;
import org.thermodiff.distribution.MultivariateGaussian;
import org.thermodiff.spi.MultivariateDistribution;

/** How the prior and the perturbed start of a run follow the data's dimension. */
public final class RunLaws {

    private RunLaws() {
    }

    /**
     * {@code law} in the data's dimension {@code d}: a 1-D {@code gaussian} (the default prior
     * {@code N(0, 1)} included) is taken isotropically, {@code N(μ, s²)} becoming
     * {@code N(μ·1, s² I)}; any other law is returned as it is.
     */
    public static MultivariateDistribution inDimension(MultivariateDistribution law, int d) {
        if (d == 1 || law.dimension() != 1 || !(law instanceof Gaussian g)) {
            return law;
        }
        double[] mean = new double[d];
        Arrays.fill(mean, g.mean());
        return MultivariateGaussian.isotropic(mean, g.variance());
    }
}
