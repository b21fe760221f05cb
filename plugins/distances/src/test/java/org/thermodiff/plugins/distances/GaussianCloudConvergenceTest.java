package org.thermodiff.plugins.distances;

import org.thermodiff.math.BuresWasserstein;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.thermodiff.spi.sampling.PointCloud;

/**
 * Exact W2 between two i.i.d. Gaussian clouds converges to the Bures closed form (Eqs. 59–60).
 *
 * <p>The rate: for {@code μ ≠ ν} the empirical transport cost obeys a central limit theorem,
 * {@code √n (W2²(μ_n, ν_n) − E W2²(μ_n, ν_n)) → N(0, σ²)} (del Barrio, González-Sanz &amp; Loubes),
 * and its bias {@code E W2²(μ_n, ν_n) − W2²(μ, ν)} is {@code O(n^{-1/2})} or smaller in
 * {@code d = 2} (Fournier &amp; Guillin: {@code E W2²(μ_n, μ) ≲ n^{-1/2}} for {@code p = 2 > d/2};
 * the two-sample bias is of the same order). So the root-mean-square error over seeds decays like
 * {@code n^{-1/2}}; a cloud converging to a wrong limit would instead flatten out.
 */
class GaussianCloudConvergenceTest {

    private static final double[] M1 = {0, 0};
    private static final double[][] S1 = {{1, 0.3}, {0.3, 0.5}};
    private static final double[] M2 = {1, -0.5};
    private static final double[][] S2 = {{0.6, -0.2}, {-0.2, 1.2}};

    @Test
    void rootMeanSquareErrorDecaysLikeOneOverSquareRootOfN() {
        double exact = BuresWasserstein.squared(M1, S1, M2, S2);
        ExactTransport transport = new ExactTransport();
        int[] sizes = {32, 64, 128, 256, 512, 1024};
        int seeds = 16;
        double[] logN = new double[sizes.length];
        double[] logRms = new double[sizes.length];
        for (int s = 0; s < sizes.length; s++) {
            int n = sizes[s];
            double sumSq = 0;
            for (int seed = 0; seed < seeds; seed++) {
                Random rng = new Random(1000L * n + seed);
                double e = transport.solve(gaussian(rng, n, M1, S1), gaussian(rng, n, M2, S2), 2).cost() - exact;
                sumSq += e * e;
            }
            logN[s] = Math.log(n);
            logRms[s] = 0.5 * Math.log(sumSq / seeds);
        }
        double slope = slope(logN, logRms);
        // Expected −1/2. Each RMS over 16 seeds has a relative standard error of about 1/√(2·16) ≈ 0.18,
        // so a least-squares slope over ln n ∈ [ln 32, ln 1024] has a standard error of about
        // 0.18 / (sd(ln n) √6) ≈ 0.06: ±0.2 is more than three standard errors (measured: −0.49).
        assertTrue(slope > -0.7 && slope < -0.3, "RMS error of W2² decays like n^" + slope + ", expected n^-0.5");
        // And it does converge: at n = 1024 the error is a few percent of W2² = 1.627 (measured 0.10),
        // against 0.56 at n = 32.
        double rms1024 = Math.exp(logRms[sizes.length - 1]);
        assertTrue(rms1024 < 0.2, "RMS error at n = 1024 is " + rms1024);
    }

    /** {@code n} draws of {@code N(m, s)} in 2-D, by the Cholesky factor of {@code s}. */
    static PointCloud gaussian(Random rng, int n, double[] m, double[][] s) {
        double l00 = Math.sqrt(s[0][0]);
        double l10 = s[1][0] / l00;
        double l11 = Math.sqrt(s[1][1] - l10 * l10);
        double[] x = new double[2 * n];
        for (int i = 0; i < n; i++) {
            double z0 = rng.nextGaussian();
            double z1 = rng.nextGaussian();
            x[2 * i] = m[0] + l00 * z0;
            x[2 * i + 1] = m[1] + l10 * z0 + l11 * z1;
        }
        return PointCloud.uniform(2, x);
    }

    private static double slope(double[] x, double[] y) {
        double mx = 0;
        double my = 0;
        for (int i = 0; i < x.length; i++) {
            mx += x[i] / x.length;
            my += y[i] / y.length;
        }
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
        }
        return sxy / sxx;
    }
}
