package org.thermodiff.bundle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thermodiff.cli.ExitCode;

/**
 * The paper experiment's {@code report.html} as a browser shows it: headless Chromium (Debian's
 * {@code chromium}, which {@code .ci/run} installs) loads the page from disk, runs its image check
 * and renders it; a screenshot is kept as a test artifact. Skipped where Chromium is absent.
 */
class ReportInBrowserTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    /** Flags that work in a container without a display, a D-Bus or a network. */
    static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync");
    /** fig4: four perturbed starts (Table I), each with the density figure (Fig. 4(a)/5) and the trade-off figure (Fig. 4(b)-(e)). */
    static final int FIGURES = 4 * 2;
    /** fig4: three schedules × four perturbations. */
    static final int RUNS = 12;

    static Path report;

    @BeforeAll
    static void needsChromiumAndTheReport() {
        assumeTrue(Files.isExecutable(CHROMIUM), "skipped: " + CHROMIUM + " is absent (Debian package 'chromium'; "
                + ".ci/run installs it)");
        Fig4Run fig4 = Fig4Run.get();
        assertEquals(ExitCode.OK, fig4.result.exitCode(), fig4.result::describe);
        report = fig4.directory().resolve("report.html");
        assertTrue(Files.isRegularFile(report), "experiments/paper/fig4.yaml lists the 'report' reporter");
    }

    @Test
    void everyFigureLoadsAndTheResultsTableHasARowPerRun(@TempDir Path profile) throws Exception {
        String dom = chromium(profile, "--virtual-time-budget=10000", "--dump-dom", report.toUri().toString());

        Matcher body = Pattern.compile("<body[^>]*data-images-loaded=\"([^\"]*)\"[^>]*data-images-total=\"([^\"]*)\"")
                .matcher(dom);
        assertTrue(body.find(), () -> "no image check on <body> in\n" + head(dom));
        assertEquals(String.valueOf(FIGURES), body.group(2), "images on the page");
        assertEquals(body.group(2), body.group(1), "images that loaded and decoded, out of all");

        Matcher table = Pattern.compile("<table id=\"results-table\">.*?<tbody>(.*?)</tbody>", Pattern.DOTALL).matcher(dom);
        assertTrue(table.find(), "results table");
        assertEquals(RUNS, table.group(1).split("<tr>", -1).length - 1, "one row per run");
        assertTrue(table.group(1).contains("<td>cosine</td><td>gaussian-mean</td>"), table.group(1));
    }

    @Test
    void aScreenshotOfTheReportIsKeptAsATestArtifact(@TempDir Path profile) throws Exception {
        Path target = Path.of(System.getProperty("basedir", "plugins/bundle"), "target", "report-screenshot.png");
        Files.createDirectories(target.getParent());
        Files.deleteIfExists(target);

        chromium(profile, "--window-size=1400,3000", "--screenshot=" + target.toAbsolutePath(), report.toUri().toString());

        assertTrue(Files.isRegularFile(target), "screenshot at " + target);
        byte[] head = Arrays.copyOf(Files.readAllBytes(target), 8);
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, head, "a PNG");
    }

    /** Runs Chromium with a fresh profile and returns what it printed; fails on a non-zero exit or after a minute. */
    private static String chromium(Path profile, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(CHROMIUM.toString());
        command.addAll(FLAGS);
        command.add("--user-data-dir=" + profile.toAbsolutePath());
        command.addAll(List.of(args));
        Path out = Files.createTempFile("chromium-", ".out");
        Path err = Files.createTempFile("chromium-", ".err");
        try {
            Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            p.getOutputStream().close();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("chromium did not finish within a minute: " + command);
            }
            String stderr = Files.readString(err, StandardCharsets.UTF_8);
            assertEquals(0, p.exitValue(), () -> "chromium failed: " + command + "\n" + stderr);
            return Files.readString(out, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static String head(String s) {
        return s.substring(0, Math.min(2000, s.length()));
    }
}
