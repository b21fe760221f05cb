package org.thermodiff.distribution.file;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CSV and .npy readers: values against the formula the fixtures were made from, and every
 * error case against the place and the words its message must name.
 */
class PointFilesTest {

    @TempDir
    Path dir;

    /** The fixtures' values, x[i, k] = i − 2.5 k + 0.125 (see make_fixtures.py), exact in float32. */
    private static double fixture(int i, int k) {
        return i - 2.5 * k + 0.125;
    }

    private static void assertFixture(PointTable t, int d) {
        assertEquals(7, t.size());
        assertEquals(d, t.dimension());
        for (int i = 0; i < 7; i++) {
            for (int k = 0; k < d; k++) {
                assertEquals(fixture(i, k), t.value(i, k), 0.0, "row " + i + ", column " + k);
            }
        }
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(PointFilesTest.class.getResource(name).toURI());
    }

    // ---- files NumPy wrote --------------------------------------------------------------------

    @Test
    void readsNumpyWrittenFiles() throws Exception {
        assertFixture(PointFiles.read(resource("points_f8.npy")), 3);
        assertFixture(PointFiles.read(resource("points_f4_fortran.npy")), 3);
        assertFixture(PointFiles.read(resource("points_be_f8.npy")), 3);
        assertFixture(PointFiles.read(resource("points_v2.npy")), 3);
        assertFixture(PointFiles.read(resource("points_1d.npy")), 1);
        assertFixture(PointFiles.read(resource("points_numpy.csv")), 3);
    }

    @Test
    void numpyIntegerArrayIsRefusedNamingTheDtype() throws Exception {
        PointFileException e = assertThrows(PointFileException.class,
                () -> PointFiles.read(resource("points_int.npy")));
        assertTrue(e.getMessage().contains("unsupported dtype '<i8'"), e.getMessage());
        assertTrue(e.getMessage().contains("points_int.npy"), e.getMessage());
    }

    // ---- .npy written by hand -----------------------------------------------------------------

    /** A .npy file: magic, version, header length, the header padded to 64 bytes with '\n' last, data. */
    private Path npy(String name, int major, String dict, byte[] data) throws IOException {
        int preamble = major == 1 ? 10 : 12;
        StringBuilder h = new StringBuilder(dict);
        while ((preamble + h.length() + 1) % 64 != 0) {
            h.append(' ');
        }
        h.append('\n');
        byte[] header = h.toString().getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer b = ByteBuffer.allocate(preamble + header.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) major, 0});
        if (major == 1) {
            b.putShort((short) header.length);
        } else {
            b.putInt(header.length);
        }
        b.put(header).put(data);
        Path file = dir.resolve(name);
        Files.write(file, b.array());
        return file;
    }

    private static String dict(String descr, boolean fortran, String shape) {
        return "{'descr': '" + descr + "', 'fortran_order': " + (fortran ? "True" : "False") + ", 'shape': " + shape
                + ", }";
    }

    private static byte[] doubles(ByteOrder order, double... x) {
        ByteBuffer b = ByteBuffer.allocate(8 * x.length).order(order);
        for (double v : x) {
            b.putDouble(v);
        }
        return b.array();
    }

    private static byte[] floats(ByteOrder order, double... x) {
        ByteBuffer b = ByteBuffer.allocate(4 * x.length).order(order);
        for (double v : x) {
            b.putFloat((float) v);
        }
        return b.array();
    }

    private static final double[] SIX = {1, 2, 3, 4, 5, 6.5};

    @Test
    void handWrittenNpyInEveryDtypeOrderAndVersion() throws Exception {
        double[] rows = {1, 2, 3, 4, 5, 6.5};   // 3 points in R^2, C order
        assertArrayEquals(rows, PointFiles.read(npy("a.npy", 1, dict("<f8", false, "(3, 2)"),
                doubles(ByteOrder.LITTLE_ENDIAN, SIX))).values());
        assertArrayEquals(rows, PointFiles.read(npy("b.npy", 1, dict(">f8", false, "(3, 2)"),
                doubles(ByteOrder.BIG_ENDIAN, SIX))).values());
        assertArrayEquals(rows, PointFiles.read(npy("c.npy", 2, dict("<f4", false, "(3, 2)"),
                floats(ByteOrder.LITTLE_ENDIAN, SIX))).values());
        assertArrayEquals(rows, PointFiles.read(npy("d.npy", 3, dict(">f4", false, "(3, 2)"),
                floats(ByteOrder.BIG_ENDIAN, SIX))).values());
        // Fortran order stores column by column: (1, 3, 5) then (2, 4, 6.5).
        assertArrayEquals(rows, PointFiles.read(npy("e.npy", 1, dict("<f8", true, "(3, 2)"),
                doubles(ByteOrder.LITTLE_ENDIAN, 1, 3, 5, 2, 4, 6.5))).values());
        PointTable line = PointFiles.read(npy("f.npy", 1, dict("<f8", false, "(6,)"),
                doubles(ByteOrder.LITTLE_ENDIAN, SIX)));
        assertEquals(1, line.dimension());
        assertEquals(6, line.size());
        // The extension does not matter when the magic string is there.
        assertEquals(3, PointFiles.read(npy("g.data", 1, dict("<f8", false, "(3, 2)"),
                doubles(ByteOrder.LITTLE_ENDIAN, SIX))).size());
    }

    private void assertNpyError(Path file, String... parts) {
        PointFileException e = assertThrows(PointFileException.class, () -> PointFiles.read(file));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), () -> "'" + p + "' missing from: " + e.getMessage());
        }
    }

    @Test
    void npyErrorsNameTheProblem() throws Exception {
        byte[] six = doubles(ByteOrder.LITTLE_ENDIAN, SIX);
        assertNpyError(npy("dtype.npy", 1, dict("<c16", false, "(3,)"), new byte[48]), "unsupported dtype '<c16'");
        assertNpyError(npy("zero_d.npy", 1, dict("<f8", false, "()"), doubles(ByteOrder.LITTLE_ENDIAN, 1)),
                "shape has 0 dimensions");
        assertNpyError(npy("three_d.npy", 1, dict("<f8", false, "(1, 3, 2)"), six), "shape has 3 dimensions");
        assertNpyError(npy("empty.npy", 1, dict("<f8", false, "(0, 2)"), new byte[0]), "empty", "(0, 2)");
        assertNpyError(npy("short.npy", 1, dict("<f8", false, "(4, 2)"), six), "truncated", "needs 64 bytes",
                "found 48");
        assertNpyError(npy("long.npy", 1, dict("<f8", false, "(2, 2)"), six), "16 bytes after the 32 bytes");
        assertNpyError(npy("nan.npy", 1, dict("<f8", false, "(3, 2)"),
                doubles(ByteOrder.LITTLE_ENDIAN, 1, 2, 3, Double.NaN, 5, 6)), "row 1, column 1", "NaN", "not finite");
        assertNpyError(npy("inf.npy", 1, dict("<f4", true, "(3, 2)"),
                floats(ByteOrder.LITTLE_ENDIAN, 1, 2, Double.NEGATIVE_INFINITY, 4, 5, 6)), "row 2, column 0",
                "-Infinity");
        assertNpyError(npy("version.npy", 4, dict("<f8", false, "(3, 2)"), six), "unsupported .npy format version 4.0");
        assertNpyError(npy("noshape.npy", 1, "{'descr': '<f8', 'fortran_order': False, }", six), "'shape'");
        Path zeroBytes = Files.write(dir.resolve("zero.npy"), new byte[0]);
        assertNpyError(zeroBytes, "the file is empty");
        Path notNpy = Files.writeString(dir.resolve("text.npy"), "1,2\n3,4\n");
        assertNpyError(notNpy, "not a NumPy .npy file");
        Path cut = Files.write(dir.resolve("cut.npy"), new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, 100, 0});
        assertNpyError(cut, "header declares 100 bytes, but 0 follow");
    }

    // ---- CSV -----------------------------------------------------------------------------------

    private Path csv(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void csvWithHeaderCommentsBlankLinesQuotesAndSpaces() throws Exception {
        PointTable t = PointFiles.read(csv("a.csv",
                "# made by hand\nx, y\n1, 2.5\n\n-3e2,\".5\"\r\n+4.,-0.25E-1\n"));
        assertEquals(List.of("x", "y"), t.columnNames());
        assertArrayEquals(new double[] {1, 2.5, -300, 0.5, 4, -0.025}, t.values());
        PointTable bare = PointFiles.read(csv("b.txt", "1\n2\n3"));
        assertEquals(1, bare.dimension());
        assertEquals(List.of(), bare.columnNames());
        assertArrayEquals(new double[] {1, 2, 3}, bare.values());
    }

    private void assertCsvError(String text, String... parts) throws IOException {
        Path file = csv("bad.csv", text);
        PointFileException e = assertThrows(PointFileException.class, () -> PointFiles.read(file));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), () -> "'" + p + "' missing from: " + e.getMessage());
        }
    }

    @Test
    void csvErrorsNameLineColumnAndProblem() throws Exception {
        assertCsvError("", "no data", "empty");
        assertCsvError("# only a comment\n\n", "no data", "empty");
        assertCsvError("x,y\n", "no data rows after the header on line 1");
        assertCsvError("1,2\n3,4\n5\n", "line 3", "expected 2 columns (as on line 1), found 1");
        assertCsvError("x,y\n1,2\n\n3,4,5\n", "line 4", "expected 2 columns (as on line 1), found 3");
        assertCsvError("1,2\n3,abc\n", "line 2, column 2", "'abc' is not a number");
        assertCsvError("1,2\n3,4\nNaN,1\n", "line 3, column 1", "'NaN' is not finite");
        assertCsvError("1,-inf\n", "line 1, column 2", "'-inf' is not finite");
        assertCsvError("1,2\n1e400,2\n", "line 2, column 1", "overflows");
        assertCsvError("1,2\n3,\n", "line 2, column 2", "empty cell");
        assertCsvError("1,2\n3,1d\n", "line 2, column 2", "'1d' is not a number");
        assertCsvError("1,2\n\"3,4\n", "malformed CSV");
    }

    @Test
    void nonUtf8TextIsRefused() throws Exception {
        Path file = Files.write(dir.resolve("latin.csv"), new byte[] {'1', ',', (byte) 0xe9, '\n'});
        PointFileException e = assertThrows(PointFileException.class, () -> PointFiles.read(file));
        assertTrue(e.getMessage().contains("not a UTF-8 text file"), e.getMessage());
    }

    @Test
    void tableBecomesAnEmpiricalDistribution() throws Exception {
        PointTable t = PointFiles.read(resource("points_f8.npy"));
        var atoms = t.toDistribution().asAtoms().orElseThrow();
        assertEquals(7, atoms.size());
        assertEquals(1.0 / 7, atoms.weights()[3], 0.0);
        assertArrayEquals(t.values(), atoms.positions());
    }
}
