package org.thermodiff.plugins.figures;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.thermodiff.spi.report.ExperimentReport;

/**
 * Every figure of an experiment, built once and shared by the reporters: for a numeric matrix axis
 * the metrics against it ({@link AxisFigure}); for each group of the {@link Layout} (each
 * perturbation in {@code fig4}) the density evolution (Fig. 4(a), Fig. 5) and the speed-accuracy
 * trade-off (Fig. 4(b)–(e)), for 2-D data the samples of Fig. 3; for learned fields one figure of
 * the training losses; plus notes on what had to be left out.
 *
 * @param figures the figures: the one against an axis, then group by group
 * @param notes   runs or groups left out, and why
 * @param errors  mistakes in the {@link FigureOptions} that only the results show (a metric no run
 *                reports); the figure they concern is left out, with a note
 */
record Gallery(List<Figure> figures, List<String> notes, List<String> errors) {

    Gallery {
        figures = List.copyOf(figures);
        notes = List.copyOf(notes);
        errors = List.copyOf(errors);
    }

    /** The figures of {@code report} with the default {@link FigureOptions}. */
    static Gallery of(ExperimentReport report) {
        return of(report, FigureOptions.DEFAULT);
    }

    /**
     * The figures of {@code report}; never fails on missing data, which becomes a note instead
     * (one note when no run has the data at all, else one per run without it), nor on a mistake in
     * {@code options}, which becomes an error and a note.
     */
    static Gallery of(ExperimentReport report, FigureOptions options) {
        Layout layout = Layout.of(report);
        List<String> notes = new ArrayList<>(layout.notes());
        List<String> errors = new ArrayList<>();
        List<Figure> figures = new ArrayList<>();
        try {
            AxisFigure.of(report, options, notes::add).ifPresent(figures::add);
        } catch (IllegalArgumentException e) {
            errors.add(e.getMessage());
            notes.add("no figure against a matrix axis: " + e.getMessage());
        }
        List<Layout.Cell> cells = layout.groups().stream().flatMap(g -> g.cells().stream()).toList();
        boolean densities = cells.stream().anyMatch(c -> !DensityProfile.of(c.run()).isEmpty());
        boolean speeds = cells.stream().anyMatch(c -> TradeOffFigure.hasSpeeds(c.run().series()));
        // Density profiles are 1-D; runs with 2-D sample tables are shown by the scatter figure instead.
        boolean planar = cells.stream().anyMatch(c -> !ScatterFigure.Samples.of(c.run()).isEmpty());
        if (!cells.isEmpty() && !densities && !planar) {
            notes.add("no run has density tables: no density figures (add the metric 'densities' and the sampler option "
                    + "'track-density: true', as experiments/paper/fig4.yaml does)");
        }
        if (!cells.isEmpty() && !speeds) {
            notes.add("no run has the series " + TradeOffFigure.SPEED_COLUMNS + " (metric 'speed-accuracy'): no speed panels");
        }
        Consumer<String> ignore = note -> { };
        for (Layout.Group group : layout.groups()) {
            DensityEvolutionFigure.of(group, densities ? notes::add : ignore).ifPresent(figures::add);
            TradeOffFigure.of(group, speeds ? notes::add : ignore).ifPresent(figures::add);
            ScatterFigure.of(group).ifPresent(figures::add);
        }
        TrainingFigure.of(layout, notes::add).ifPresent(figures::add);
        return new Gallery(figures, notes, errors);
    }

    /**
     * Fails with the {@link #errors}, if any: reporters call this once they have written what they
     * could, so that a mistake in their options is neither lost nor costs the rest of the report.
     *
     * @throws IllegalArgumentException listing the errors
     */
    void failOnErrors() {
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", errors));
        }
    }

    /**
     * Draws every figure, in parallel (each figure's charts are its own), as PNG and, if asked, SVG.
     *
     * @throws IOException if encoding fails
     */
    List<RenderedFigure> render(boolean withSvg) throws IOException {
        try {
            return figures.parallelStream().map(f -> {
                try {
                    return new RenderedFigure(f, FigureRenderer.png(f), withSvg ? FigureRenderer.svg(f) : null);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * A drawn figure.
     *
     * @param figure the figure
     * @param png    its PNG bytes
     * @param svg    its SVG bytes, or {@code null} when not asked for
     */
    record RenderedFigure(Figure figure, byte[] png, byte[] svg) {

        /** Path of the PNG relative to the experiment directory, as reports link it. */
        String pngPath() {
            return FIGURES_DIR + "/" + figure.name() + ".png";
        }

        /** Path of the SVG relative to the experiment directory. */
        String svgPath() {
            return FIGURES_DIR + "/" + figure.name() + ".svg";
        }
    }

    /** Directory of the figure files, relative to the experiment directory. */
    static final String FIGURES_DIR = "figures";
}
