package org.thermodiff.plugins.distances;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.junit.jupiter.api.Test;
import org.thermodiff.distribution.Gaussian;
import org.thermodiff.distribution.Uniform;
import org.thermodiff.math.NormalScores;
import org.thermodiff.spi.TransportPlan;
import org.thermodiff.spi.sampling.Cloud;

class WassersteinDistanceTest {

    private final WassersteinDistance w1 = new WassersteinDistance(1, new WassersteinDistance.Params(4096, ExactTransport.DEFAULT_CANDIDATES));
    private final WassersteinDistance w2 = new WassersteinDistance(2, new WassersteinDistance.Params(4096, ExactTransport.DEFAULT_CANDIDATES));

    /**
     * Closed forms for Gaussians: W2² = Δμ² + Δs² (Bures in 1-D), and W1 = E|a + bZ| with a = Δμ,
     * b = Δs, i.e. |b|√(2/π) e^{−a²/2b²} + a(1 − 2Φ(−a/|b|)). The W1 integrand has a kink where the
     * quantile functions cross, which the rule puts on a panel boundary: agreement to 1e-13.
     */
    @Test
    void gaussianPairsMatchClosedForms() {
        double[][] pairs = {{0, 1, 1, 1}, {0, 1, 0, 0.8}, {0.3, 0.5, -0.2, 1.7}, {2, 0.1, -1, 3}};
        for (double[] p : pairs) {
            Gaussian a = Gaussian.of(p[0], p[1]);
            Gaussian b = Gaussian.of(p[2], p[3]);
            double dm = p[0] - p[2];
            double ds = Math.abs(p[1] - p[3]);
            double expectedW1 = ds == 0 ? Math.abs(dm)
                    : ds * Math.sqrt(2 / Math.PI) * Math.exp(-dm * dm / (2 * ds * ds))
                            + dm * (1 - 2 * NormalScores.cdf(-dm / ds));
            assertEquals(expectedW1, w1.between(a, b), 1e-13, Arrays.toString(p));
            assertEquals(Math.sqrt(dm * dm + ds * ds), w2.between(a, b), 1e-13, Arrays.toString(p));
        }
    }

    /** W1(N(0,1), U[−√3, √3]) = 0.154279512181004530 (mpmath, 30 digits); three crossings. */
    @Test
    void gaussianAgainstUniformMatchesHighPrecisionQuadrature() {
        assertEquals(0.15427951218100453, w1.between(Gaussian.STANDARD, new Uniform(-Math.sqrt(3), Math.sqrt(3))), 1e-14);
    }

    /** For discrete measures on ℝ, W1 = ∫|F − G| dx exactly: an independent formula. */
    @Test
    void cloudW1EqualsTheAreaBetweenDistributionFunctions() {
        Random rng = new Random(7);
        for (int trial = 0; trial < 50; trial++) {
            Cloud a = randomCloud(rng, 1 + rng.nextInt(9));
            Cloud b = randomCloud(rng, 1 + rng.nextInt(9));
            assertEquals(areaBetweenCdfs(a, b), w1.between(a, b), 1e-12, "trial " + trial);
        }
    }

    /** The monotone plan is optimal for |x − y|²: its cost equals an LP optimum (Commons Math simplex). */
    @Test
    void cloudW2EqualsTheLinearProgramOptimum() {
        Random rng = new Random(11);
        for (int trial = 0; trial < 20; trial++) {
            Cloud a = randomCloud(rng, 2 + rng.nextInt(4));
            Cloud b = randomCloud(rng, 2 + rng.nextInt(4));
            double lp = linearProgram(a, b);
            assertEquals(lp, Math.pow(w2.between(a, b), 2), 1e-9, "trial " + trial);
        }
    }

    @Test
    void planMarginalsAreTheTwoWeightVectors() {
        Random rng = new Random(3);
        Cloud a = randomCloud(rng, 7);
        Cloud b = randomCloud(rng, 5);
        TransportPlan plan = w1.plan(a, b).orElseThrow();
        double[] rows = new double[7];
        double[] cols = new double[5];
        for (int k = 0; k < plan.size(); k++) {
            rows[plan.source()[k]] += plan.mass()[k];
            cols[plan.target()[k]] += plan.mass()[k];
        }
        assertArrayEquals(a.weights(), rows, 1e-15);
        assertArrayEquals(b.weights(), cols, 1e-15);
    }

    /** Quadrature clouds (sorted, same weights) are paired node to node. */
    @Test
    void sortedCloudsWithEqualWeightsArePairedByIndex() {
        double[] w = {0.2, 0.3, 0.5};
        Cloud a = Cloud.of(new double[] {-1, 0, 2}, w, new double[3]);
        Cloud b = Cloud.of(new double[] {-3, 1, 1.5}, w, new double[3]);
        TransportPlan plan = w1.plan(a, b).orElseThrow();
        assertArrayEquals(new int[] {0, 1, 2}, plan.source());
        assertArrayEquals(new int[] {0, 1, 2}, plan.target());
        assertEquals(0.2 * 2 + 0.3 * 1 + 0.5 * 0.5, w1.between(a, b), 1e-16);
    }

    private static Cloud randomCloud(Random rng, int n) {
        double[] x = new double[n];
        double[] w = new double[n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            x[i] = rng.nextGaussian() * 2;
            w[i] = 0.1 + rng.nextDouble();
            total += w[i];
        }
        for (int i = 0; i < n; i++) {
            w[i] /= total;
        }
        return Cloud.of(x, w, new double[n]);
    }

    private static double areaBetweenCdfs(Cloud a, Cloud b) {
        List<double[]> events = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            events.add(new double[] {a.positions()[i], a.weights()[i]});
        }
        for (int j = 0; j < b.size(); j++) {
            events.add(new double[] {b.positions()[j], -b.weights()[j]});
        }
        events.sort((u, v) -> Double.compare(u[0], v[0]));
        double diff = 0;
        double area = 0;
        for (int k = 0; k < events.size() - 1; k++) {
            diff += events.get(k)[1];
            area += Math.abs(diff) * (events.get(k + 1)[0] - events.get(k)[0]);
        }
        return area;
    }

    private static double linearProgram(Cloud a, Cloud b) {
        int n = a.size();
        int m = b.size();
        double[] cost = new double[n * m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                double d = a.positions()[i] - b.positions()[j];
                cost[i * m + j] = d * d;
            }
        }
        List<LinearConstraint> constraints = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double[] row = new double[n * m];
            for (int j = 0; j < m; j++) {
                row[i * m + j] = 1;
            }
            constraints.add(new LinearConstraint(row, Relationship.EQ, a.weights()[i]));
        }
        for (int j = 0; j < m - 1; j++) {
            double[] col = new double[n * m];
            for (int i = 0; i < n; i++) {
                col[i * m + j] = 1;
            }
            constraints.add(new LinearConstraint(col, Relationship.EQ, b.weights()[j]));
        }
        PointValuePair opt = new SimplexSolver().optimize(new MaxIter(10_000), new LinearObjectiveFunction(cost, 0),
                new LinearConstraintSet(constraints), GoalType.MINIMIZE, new NonNegativeConstraint(true));
        return opt.getValue();
    }
}
