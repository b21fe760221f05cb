package org.thermodiff.plugins.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.thermodiff.plugins.figures.FigureOptions.Scale;
import org.thermodiff.spi.report.MatrixReferences.Problem;

/** Which axis the figure against an axis uses, and the mistakes in its options the loader reports. */
class FigureOptionsTest {

    /** The axes of kinetic-energy-limit.yaml (with a seed axis) as the loader gives them. */
    private static Map<String, List<String>> axes() {
        Map<String, List<String>> axes = new LinkedHashMap<>();
        axes.put("seed", List.of("1", "2", "3"));
        axes.put("schedule", List.of("cosine", "cond-ot"));
        axes.put("data.dimension", List.of("2", "8", "4096"));
        axes.put("tau", List.of("1.5"));
        return axes;
    }

    private static FigureOptions options(String axis) {
        return new FigureOptions(axis, "", Scale.AUTO, Scale.AUTO);
    }

    private static Problem only(List<Problem> problems) {
        assertEquals(1, problems.size(), problems::toString);
        return problems.get(0);
    }

    private static void assertMentions(Problem p, String... parts) {
        for (String part : parts) {
            assertTrue(p.message().contains(part), () -> "'" + part + "' not in: " + p);
        }
    }

    @Test
    void labelsAreNumbersAsYamlWritesThemAndNothingElse() {
        for (String n : List.of("0", "4096", "2.5", "-1", "+3", "1e-3", "2.5E+4", ".5")) {
            assertTrue(FigureOptions.number(n).isPresent(), n);
        }
        assertEquals(1e-3, FigureOptions.number("1e-3").getAsDouble());
        // Java's parseDouble takes these, YAML numbers they are not (or not finite).
        for (String word : List.of("cosine", "", "2f", "1d", "0x1p3", "Infinity", "NaN", ".inf", "1,5", "map@3", "[1,2]")) {
            assertTrue(FigureOptions.number(word).isEmpty(), word);
        }
        assertTrue(FigureOptions.numbers(List.of("2", "8")).isPresent());
        assertTrue(FigureOptions.numbers(List.of("2", "ot-fine")).isEmpty(), "an include row's name makes the axis not numeric");
    }

    @Test
    void byDefaultTheAxisIsTheFirstNumericOneWithTwoValuesOtherThanTheSeed() {
        assertEquals(Optional.of("data.dimension"), FigureOptions.DEFAULT.resolve(axes()));
        assertEquals(List.of(), FigureOptions.DEFAULT.check(axes()));

        Map<String, List<String>> noNumbers = new LinkedHashMap<>(axes());
        noNumbers.remove("data.dimension");
        assertEquals(Optional.empty(), FigureOptions.DEFAULT.resolve(noNumbers), "seed and a single tau are not chosen");
        assertEquals(List.of(), FigureOptions.DEFAULT.check(noNumbers), "with nothing asked for, no figure is no mistake");

        assertEquals(Optional.of("seed"), options("seed").resolve(axes()), "named, the seed can be the axis");
        assertEquals(Optional.of("tau"), options("tau").resolve(axes()));
        assertEquals(Optional.empty(), options("none").resolve(axes()));
    }

    @Test
    void anUnknownAxisIsReportedWithTheNumericAxesAllowed() {
        Problem p = only(options("data.dim").check(axes()));

        assertEquals("axis", p.key());
        assertMentions(p, "unknown matrix axis 'data.dim'", "seed, schedule, data.dimension, tau",
                "Allowed: seed, data.dimension, tau (the axes whose values are all numbers)", "none");
    }

    @Test
    void anAxisWhoseValuesAreNotNumbersIsReportedWithTheWordsFound() {
        Problem p = only(options("schedule").check(axes()));

        assertEquals("axis", p.key());
        assertMentions(p, "'schedule' has values that are not numbers (cosine, cond-ot)", "Allowed: seed, data.dimension, tau");
    }

    @Test
    void aLogarithmicXAxisNeedsPositiveValues() {
        Map<String, List<String>> g = Map.of("schedule.g", List.of("0", "1", "2", "5"));
        Problem p = only(new FigureOptions("", "", Scale.LOG, Scale.AUTO).check(g));

        assertEquals("x-scale", p.key());
        assertMentions(p, "'schedule.g'", "which has 0", "auto, linear");
        assertEquals(List.of(), new FigureOptions("schedule.g", "", Scale.LINEAR, Scale.LOG).check(g),
                "y values are the runs' to check");
    }

    @Test
    void metricsOrScalesWithoutANumericAxisAreAMistake() {
        Map<String, List<String>> words = Map.of("schedule", List.of("cosine", "ot"));
        Problem p = only(new FigureOptions("", "eta", Scale.AUTO, Scale.AUTO).check(words));

        assertEquals("axis", p.key());
        assertMentions(p, "no matrix axis", "schedule (cosine, ot)");
        assertMentions(only(new FigureOptions("", "", Scale.AUTO, Scale.LOG).check(Map.of())), "none (no matrix)");
    }

    @Test
    void theMetricListIsCheckedWhenBound() {
        assertEquals(List.of("eta", "c2_conditional_gap"), new FigureOptions(" x ", " eta ,c2_conditional_gap ", Scale.AUTO,
                Scale.AUTO).metricKeys());
        assertEquals("x", new FigureOptions(" x ", "", Scale.AUTO, Scale.AUTO).axis());
        assertEquals(List.of(), FigureOptions.DEFAULT.metricKeys());

        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> new FigureOptions("", "eta,,c1", Scale.AUTO, Scale.AUTO));
        assertTrue(empty.getMessage().startsWith("metrics: empty entry in 'eta,,c1'"), empty.getMessage());
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> new FigureOptions("", "eta, c1, eta", Scale.AUTO, Scale.AUTO));
        assertTrue(twice.getMessage().startsWith("metrics: a key is listed twice"), twice.getMessage());
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> new FigureOptions("none", "eta", Scale.AUTO, Scale.AUTO));
        assertTrue(none.getMessage().startsWith("axis: none"), none.getMessage());
        assertFalse(options("none").check(axes()).iterator().hasNext());
    }
}
