package org.thermodiff.distribution;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.DiscreteUniformSampler;
import org.apache.commons.rng.sampling.distribution.SharedStateDiscreteSampler;
import org.thermodiff.spi.MultivariateDistribution;

/**
 * The uniform distribution on the black squares of a {@code k × k} checkerboard in the plane,
 * centred at the origin: squares of side {@code a} cover {@code [−ka/2, ka/2)²}, and square
 * {@code (i, j)} (column {@code i}, row {@code j}, from the lower left) is black when {@code i + j}
 * is even, so the lower-left square is black. With {@code k = 4}, {@code a = 2} this is the FFJORD
 * toy data set. Squares are half-open, {@code [x_i, x_i + a) × [y_j, y_j + a)}.
 *
 * <p>Not a Gaussian mixture: its forward marginals are box convolutions of Gaussians (products of
 * differences of error functions), which no schedule evaluates yet.
 *
 * @param size  number {@code k ≥ 1} of squares per side
 * @param side  side length {@code a > 0} of one square
 */
public record Checkerboard(int size, double side) implements MultivariateDistribution {

    public Checkerboard {
        if (size < 1 || size > 1 << 15) {
            throw new IllegalArgumentException("size (squares per side) must be in [1, 32768], got " + size);
        }
        if (!(side > 0) || !Double.isFinite(side)) {
            throw new IllegalArgumentException("side must be finite and > 0, got " + side);
        }
    }

    /** The FFJORD board: 4 × 4 squares of side 2 on {@code [−4, 4)²}. */
    public static Checkerboard standard() {
        return new Checkerboard(4, 2);
    }

    /** Number of black squares, {@code ⌈k²/2⌉}. */
    public int blackSquares() {
        return (size * size + 1) / 2;
    }

    /** Left (or lower) edge of the board, {@code −ka/2}. */
    private double origin() {
        return -0.5 * size * side;
    }

    @Override
    public int dimension() {
        return 2;
    }

    /** {@code −ln(n_black a²)} on a black square, {@code −∞} elsewhere. */
    @Override
    public double logDensity(double[] x) {
        if (x.length != 2) {
            throw new IllegalArgumentException("point must have 2 coordinates, got " + x.length);
        }
        double i = Math.floor((x[0] - origin()) / side);
        double j = Math.floor((x[1] - origin()) / side);
        if (i < 0 || j < 0 || i >= size || j >= size || ((long) (i + j)) % 2 != 0) {
            return Double.NEGATIVE_INFINITY;
        }
        return -Math.log(blackSquares() * side * side);
    }

    /**
     * Picks a black square uniformly (black squares are numbered row by row: row {@code j} holds
     * those with {@code i ≡ j (mod 2)}), then a uniform point in it.
     */
    @Override
    public PointSampler pointSampler(UniformRandomProvider rng) {
        SharedStateDiscreteSampler square = DiscreteUniformSampler.of(rng, 0, blackSquares() - 1);
        return (out, offset) -> {
            int[] ij = blackSquare(square.sample());
            out[offset] = origin() + (ij[0] + rng.nextDouble()) * side;
            out[offset + 1] = origin() + (ij[1] + rng.nextDouble()) * side;
        };
    }

    /** Column and row of black square number {@code n}, {@code 0 ≤ n < blackSquares()}. */
    int[] blackSquare(int n) {
        // Row j holds ⌈k/2⌉ black squares when j is even, ⌊k/2⌋ when odd; a pair of rows holds k.
        int pair = n / size;
        int rest = n % size;
        int evenRow = (size + 1) / 2;
        int j = 2 * pair + (rest < evenRow ? 0 : 1);
        int index = rest < evenRow ? rest : rest - evenRow;
        int i = 2 * index + (j % 2);
        return new int[] {i, j};
    }

    /**
     * Zero: the point reflection {@code (i, j) ↦ (k−1−i, k−1−j)} of the board maps black squares to
     * black squares ({@code i + j ↦ 2(k−1) − (i + j)} keeps its parity).
     */
    @Override
    public double[] meanVector() {
        return new double[2];
    }

    /**
     * Law of total covariance over squares: the within-square covariance {@code (a²/12) I} plus the
     * covariance of the centres (whose mean is zero).
     */
    @Override
    public double[][] covarianceMatrix() {
        int n = blackSquares();
        double within = side * side / 12;
        double[][] c = {{within, 0}, {0, within}};
        for (int s = 0; s < n; s++) {
            double[] x = centre(s);
            for (int p = 0; p < 2; p++) {
                for (int q = 0; q < 2; q++) {
                    c[p][q] += x[p] * x[q] / n;
                }
            }
        }
        return c;
    }

    private double[] centre(int n) {
        int[] ij = blackSquare(n);
        return new double[] {origin() + (ij[0] + 0.5) * side, origin() + (ij[1] + 0.5) * side};
    }

    @Override
    public String describe() {
        return "checkerboard " + size + "x" + size + " of side " + side;
    }
}
