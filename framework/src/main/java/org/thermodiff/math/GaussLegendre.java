package org.thermodiff.math;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;

/**
 * Composite Gauss–Legendre rules: {@code order} nodes on each of several panels.
 *
 * <p>Gauss–Legendre integrates polynomials of degree {@code 2·order − 1} exactly and converges
 * geometrically for integrands analytic on each panel. It never evaluates the end points, which
 * is what lets thermodiff integrate {@code c1}, {@code c2} and the dissipation over {@code [0, τ]}
 * without touching a singular end (DESIGN.md §2). Panel break points are where integrands have
 * kinks (e.g. where two quantile functions cross), so that each panel sees a smooth integrand.
 */
public final class GaussLegendre {

    private static final GaussIntegratorFactory FACTORY = new GaussIntegratorFactory();

    private GaussLegendre() {
    }

    /**
     * A composite rule on {@code [a, b]}: {@code panels} equal panels of {@code order} nodes.
     *
     * @return nodes ({@code [0]}) and weights ({@code [1]}), nodes increasing
     */
    public static double[][] composite(double a, double b, int panels, int order) {
        double[] breaks = new double[panels + 1];
        for (int i = 0; i <= panels; i++) {
            breaks[i] = a + (b - a) * i / panels;
        }
        breaks[panels] = b;
        return onPanels(breaks, order);
    }

    /**
     * A composite rule with {@code order} nodes on each panel {@code [breaks[i], breaks[i+1]]}.
     *
     * @param breaks strictly increasing panel boundaries
     * @return nodes ({@code [0]}) and weights ({@code [1]}), nodes increasing
     */
    public static double[][] onPanels(double[] breaks, int order) {
        if (order < 1) {
            throw new IllegalArgumentException("order must be >= 1, got " + order);
        }
        int panels = breaks.length - 1;
        double[] nodes = new double[panels * order];
        double[] weights = new double[panels * order];
        GaussIntegrator unit = FACTORY.legendreHighPrecision(order, -1, 1);
        for (int p = 0; p < panels; p++) {
            double a = breaks[p];
            double b = breaks[p + 1];
            if (!(b > a)) {
                throw new IllegalArgumentException("panel breaks must increase: " + a + " then " + b);
            }
            double half = 0.5 * (b - a);
            double mid = 0.5 * (a + b);
            for (int k = 0; k < order; k++) {
                nodes[p * order + k] = mid + half * unit.getPoint(k);
                weights[p * order + k] = half * unit.getWeight(k);
            }
        }
        return new double[][] {nodes, weights};
    }

    /**
     * Splits {@code [a, b]} into panels no wider than {@code maxWidth}, honouring the interior
     * break points {@code kinks} (those outside {@code (a, b)} are ignored).
     *
     * @return strictly increasing panel boundaries from {@code a} to {@code b}
     */
    public static double[] panelBreaks(double a, double b, double maxWidth, double... kinks) {
        double[] interior = Arrays.stream(kinks).filter(k -> k > a && k < b).sorted().distinct().toArray();
        List<Double> out = new ArrayList<>();
        double left = a;
        for (int i = 0; i <= interior.length; i++) {
            double right = i < interior.length ? interior[i] : b;
            int pieces = Math.max(1, (int) Math.ceil((right - left) / maxWidth));
            for (int j = 0; j < pieces; j++) {
                out.add(left + (right - left) * j / pieces);
            }
            left = right;
        }
        out.add(b);
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
