package org.thermodiff.plugins.figures;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.thermodiff.spi.metrics.Series;
import org.thermodiff.spi.report.RunReport;

/**
 * One density table of a run, as the {@code densities} metric writes it: the forward marginal
 * {@code P_t(x)} and the estimated process's density {@code P̃_t(x) = P̃†_{τ−t}(x)} on an x grid at
 * time {@code t = fraction·τ} (the paper's Fig. 4(a) and Fig. 5).
 *
 * @param fraction  {@code t/τ}, read from the table name {@code density_t<t/τ>}
 * @param x         the grid
 * @param forward   {@code P_t(x)}
 * @param estimated {@code P̃_t(x)}
 * @param histogram whether {@code estimated} is a histogram of the cloud (column {@code estimated_histogram})
 *                  rather than the density carried along the trajectories
 */
record DensityProfile(double fraction, double[] x, double[] forward, double[] estimated, boolean histogram) {

    /** Prefix of the table names. */
    static final String PREFIX = "density_t";
    /** Tolerance on {@code t/τ} (the table names carry four decimals). */
    private static final double NAME_TOLERANCE = 1e-3;

    /** The density tables of a run, by increasing time; tables with another name or shape are ignored. */
    static List<DensityProfile> of(RunReport run) {
        List<DensityProfile> out = new ArrayList<>();
        for (Map.Entry<String, Series> e : run.tables().entrySet()) {
            parse(e.getKey(), e.getValue()).ifPresent(out::add);
        }
        out.sort(Comparator.comparingDouble(DensityProfile::fraction));
        return List.copyOf(out);
    }

    /** The profile at {@code t = τ}, whose forward density is {@code P†_0 = P_τ} and estimated one is {@code P̃†_0}. */
    static Optional<DensityProfile> atEnd(RunReport run) {
        return of(run).stream().filter(p -> Math.abs(p.fraction - 1) < NAME_TOLERANCE).findFirst();
    }

    private static Optional<DensityProfile> parse(String name, Series table) {
        if (!name.startsWith(PREFIX)) {
            return Optional.empty();
        }
        double fraction;
        try {
            fraction = Double.parseDouble(name.substring(PREFIX.length()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        List<String> columns = table.names();
        boolean histogram = !columns.contains("estimated") && columns.contains("estimated_histogram");
        String estimated = histogram ? "estimated_histogram" : "estimated";
        if (!Double.isFinite(fraction) || !columns.contains("x") || !columns.contains("forward") || !columns.contains(estimated)
                || table.rows() < 2) {
            return Optional.empty();
        }
        return Optional.of(new DensityProfile(fraction, table.column("x"), table.column("forward"), table.column(estimated),
                histogram));
    }

    /** {@code t} as a multiple of {@code τ}: {@code 0}, {@code τ/3}, {@code 2τ/3}, {@code τ}, or e.g. {@code 0.25τ}. */
    static String timeLabel(double fraction) {
        for (int d = 1; d <= 12; d++) {
            long n = Math.round(fraction * d);
            if (Math.abs(fraction * d - n) < NAME_TOLERANCE) {
                if (n == 0) {
                    return "0";
                }
                String numerator = n == 1 ? "τ" : n + "τ";
                return d == 1 ? numerator : numerator + "/" + d;
            }
        }
        return String.format(Locale.ROOT, "%.4gτ", fraction);
    }
}
