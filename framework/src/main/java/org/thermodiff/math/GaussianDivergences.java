package org.thermodiff.math;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.thermodiff.spi.GaussianComponents;

/**
 * Divergences with Gaussians in closed form, in any dimension: Pearson's {@code χ²} (Eq. 78) of a
 * Gaussian mixture from a Gaussian, and the Kullback–Leibler divergence between Gaussians.
 *
 * <p>{@code χ²(p ‖ q) = ∫ p²/q − 1} with {@code p = Σ_k a_k N(μ_k, A_k)} and {@code q = N(m, B)}
 * expands into {@code Σ_kl a_k a_l I_kl − 1}, where each {@code I_kl = ∫ N_k N_l / N_q} is a
 * Gaussian integral of {@code exp(−½ xᵀPx + hᵀx + c)} with
 * {@code P = A_k⁻¹ + A_l⁻¹ − B⁻¹}, {@code h = A_k⁻¹μ_k + A_l⁻¹μ_l − B⁻¹m}: finite exactly when
 * {@code P} is positive definite, i.e. when {@code q}'s tails are heavy enough. In the paper's
 * set-up {@code q} is the prior {@code P†_0} and {@code p} the perturbed start {@code P̃†_0}, and
 * {@code D0 = χ²(P̃†_0 ‖ P†_0)} is constant along the flow (App. E).
 *
 * <p><b>Diagonal covariances.</b> When every {@code A_k} and {@code B} is diagonal (in the
 * {@link GaussianComponents#isDiagonal() diagonal representation}), every density is a product over
 * coordinates, so {@code I_kl = Π_i I_kl,i} with the 1-D integrals
 * <pre>
 *   ln I_kl,i = −½ ln(a_k a_l / b) − ½ ln P_i + ½ h_i²/P_i − ½ (δ_k²/a_k + δ_l²/a_l),
 *   P_i = 1/a_k + 1/a_l − 1/b,   h_i = δ_k/a_k + δ_l/a_l,   δ = μ_·,i − m_i,
 * </pre>
 * (the {@code (2π)^{±1/2}} of the three densities and of the Gaussian integral cancel; the
 * coordinates are centred on {@code m} first, which the integral does not see): {@code O(k²·d)}
 * time, no matrices.
 */
public final class GaussianDivergences {

    private GaussianDivergences() {
    }

    /**
     * {@code χ²(p ‖ q)} for a Gaussian mixture {@code p} and a single Gaussian {@code q}.
     *
     * @throws IllegalArgumentException if {@code q} has more than one component, the dimensions
     *                                  differ, a covariance is not positive definite, or the
     *                                  integral diverges ({@code p} has heavier tails than {@code q} allows)
     */
    public static double chiSquared(GaussianComponents p, GaussianComponents q) {
        if (q.size() != 1) {
            throw new IllegalArgumentException("χ² in closed form needs a single Gaussian as reference, got a mixture of "
                    + q.size() + " components");
        }
        int d = requireSameDimension(p, q);
        if (p.isDiagonal() && q.isDiagonal()) {
            return chiSquaredDiagonal(p, q);
        }
        Gaussian ref = Gaussian.of(q.means()[0], q.covariances()[0], "the reference");
        double[][][] cov = p.covariances();
        double[][] means = p.means();
        double[] a = p.weights();
        Gaussian[] parts = new Gaussian[p.size()];
        for (int k = 0; k < parts.length; k++) {
            parts[k] = Gaussian.of(means[k], cov[k], "component " + k);
        }
        // Σ_kl a_k a_l I_kl in log space relative to the largest term, so that far-apart components
        // neither overflow nor lose the small terms.
        double[] logTerms = new double[parts.length * parts.length];
        int t = 0;
        for (int k = 0; k < parts.length; k++) {
            for (int l = 0; l < parts.length; l++) {
                logTerms[t++] = (a[k] > 0 && a[l] > 0)
                        ? Math.log(a[k]) + Math.log(a[l]) + logIntegral(parts[k], parts[l], ref, d)
                        : Double.NEGATIVE_INFINITY;
            }
        }
        return expm1OfLogSumExp(logTerms);
    }

    /** {@code exp(ln Σ_t e^{v_t}) − 1}, the largest term factored out. */
    private static double expm1OfLogSumExp(double[] logTerms) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : logTerms) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (double v : logTerms) {
            sum += Math.exp(v - max);
        }
        return Math.expm1(max + Math.log(sum));
    }

    /** The product form for diagonal covariances (see the class comment). */
    private static double chiSquaredDiagonal(GaussianComponents p, GaussianComponents q) {
        int d = p.dimension();
        double[] m = q.means()[0];
        double[] b = q.variances()[0];
        for (int i = 0; i < d; i++) {
            if (!(b[i] > 0)) {
                throw new IllegalArgumentException("the covariance of the reference is not symmetric positive definite"
                        + " (variance " + b[i] + " at coordinate " + i + ")");
            }
        }
        double[][] means = p.means();
        double[][] var = p.variances();
        double[] a = p.weights();
        int k = a.length;
        for (int c = 0; c < k; c++) {
            for (int i = 0; i < d; i++) {
                if (!(var[c][i] > 0)) {
                    throw new IllegalArgumentException("the covariance of component " + c
                            + " is not symmetric positive definite (variance " + var[c][i] + " at coordinate " + i + ")");
                }
            }
        }
        double[] logTerms = new double[k * k];
        for (int c = 0; c < k; c++) {
            for (int e = 0; e < k; e++) {
                if (!(a[c] > 0 && a[e] > 0)) {
                    logTerms[c * k + e] = Double.NEGATIVE_INFINITY;
                    continue;
                }
                double log = Math.log(a[c]) + Math.log(a[e]);
                for (int i = 0; i < d; i++) {
                    double ac = var[c][i];
                    double ae = var[e][i];
                    double precision = 1 / ac + 1 / ae - 1 / b[i];
                    if (!(precision > 0)) {
                        throw new IllegalArgumentException("χ² is infinite: the perturbed distribution's tails are too "
                                + "heavy for the reference (A_k⁻¹ + A_l⁻¹ − B⁻¹ is not positive definite)");
                    }
                    double dc = means[c][i] - m[i];
                    double de = means[e][i] - m[i];
                    double h = dc / ac + de / ae;
                    log += -0.5 * Math.log(ac * ae / b[i]) - 0.5 * Math.log(precision)
                            + 0.5 * h * h / precision - 0.5 * (dc * dc / ac + de * de / ae);
                }
                logTerms[c * k + e] = log;
            }
        }
        return expm1OfLogSumExp(logTerms);
    }

    /**
     * {@code KL(p ‖ q) = ½ [tr(B⁻¹A) + (m − μ)ᵀB⁻¹(m − μ) − d + ln(det B / det A)]} for
     * {@code p = N(μ, A)}, {@code q = N(m, B)}.
     */
    public static double kullbackLeibler(double[] mu, double[][] a, double[] m, double[][] b) {
        Gaussian p = Gaussian.of(mu, a, "p");
        Gaussian q = Gaussian.of(m, b, "q");
        int d = mu.length;
        if (m.length != d) {
            throw new IllegalArgumentException("dimensions differ: " + d + " and " + m.length);
        }
        RealMatrix bInvA = q.precision.multiply(new Array2DRowRealMatrix(a));
        RealVector diff = new ArrayRealVector(m).subtract(new ArrayRealVector(mu));
        double quad = diff.dotProduct(q.precision.operate(diff));
        return 0.5 * (bInvA.getTrace() + quad - d + q.logDet - p.logDet);
    }

    /** {@code ln ∫ N(x; μ_k, A_k) N(x; μ_l, A_l) / N(x; m, B) dx}. */
    private static double logIntegral(Gaussian k, Gaussian l, Gaussian q, int d) {
        RealMatrix precision = k.precision.add(l.precision).subtract(q.precision);
        RealVector h = k.precisionMean.add(l.precisionMean).subtract(q.precisionMean);
        CholeskyDecomposition chol;
        try {
            chol = new CholeskyDecomposition(precision, 1e-12, 1e-14);
        } catch (NonPositiveDefiniteMatrixException e) {
            throw new IllegalArgumentException("χ² is infinite: the perturbed distribution's tails are too heavy for the "
                    + "reference (A_k⁻¹ + A_l⁻¹ − B⁻¹ is not positive definite)");
        }
        double logDetP = logDet(chol);
        double hPh = h.dotProduct(chol.getSolver().solve(h));
        double c = -0.5 * (k.quadraticMean + l.quadraticMean - q.quadraticMean)
                - 0.5 * (k.logDet + l.logDet - q.logDet) - 0.5 * d * Math.log(2 * Math.PI);
        // ∫ exp(−½xᵀPx + hᵀx) dx = (2π)^{d/2} det(P)^{−1/2} exp(½ hᵀP⁻¹h)
        return c + 0.5 * d * Math.log(2 * Math.PI) - 0.5 * logDetP + 0.5 * hPh;
    }

    private static double logDet(CholeskyDecomposition chol) {
        RealMatrix l = chol.getL();
        double s = 0;
        for (int i = 0; i < l.getRowDimension(); i++) {
            s += 2 * Math.log(l.getEntry(i, i));
        }
        return s;
    }

    private static int requireSameDimension(GaussianComponents p, GaussianComponents q) {
        if (p.dimension() != q.dimension()) {
            throw new IllegalArgumentException("dimensions differ: " + p.dimension() + " and " + q.dimension());
        }
        return p.dimension();
    }

    /** A Gaussian's precision {@code Σ⁻¹}, {@code Σ⁻¹μ}, {@code μᵀΣ⁻¹μ} and {@code ln det Σ}. */
    private record Gaussian(RealMatrix precision, RealVector precisionMean, double quadraticMean, double logDet) {

        static Gaussian of(double[] mean, double[][] covariance, String what) {
            CholeskyDecomposition chol;
            try {
                chol = new CholeskyDecomposition(new Array2DRowRealMatrix(covariance), 1e-12, 1e-14);
            } catch (NonPositiveDefiniteMatrixException e) {
                throw new IllegalArgumentException("the covariance of " + what + " is not symmetric positive definite");
            } catch (org.apache.commons.math3.linear.NonSymmetricMatrixException e) {
                throw new IllegalArgumentException("the covariance of " + what + " is not symmetric");
            }
            RealMatrix precision = chol.getSolver().getInverse();
            RealVector mu = new ArrayRealVector(mean);
            RealVector pm = precision.operate(mu);
            return new Gaussian(precision, pm, mu.dotProduct(pm), GaussianDivergences.logDet(chol));
        }
    }
}
