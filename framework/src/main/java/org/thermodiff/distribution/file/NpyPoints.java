package org.thermodiff.distribution.file;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads points from a NumPy {@code .npy} file: format versions 1.0, 2.0 and 3.0, dtype
 * {@code float32} or {@code float64} in either byte order ({@code <f4 <f8 >f4 >f8}), shape
 * {@code (n,)} (points in one dimension) or {@code (n, d)}, C or Fortran order.
 *
 * <p>Hand-written because the format is a 10-byte preamble, a Python-literal header dictionary
 * and raw values (numpy.org/doc/stable/reference/generated/numpy.lib.format.html), and no Java
 * library on Maven Central reads it without bringing a native or deep-learning stack. The header
 * is parsed by three regular expressions on its three keys, which NumPy always writes.
 */
final class NpyPoints {

    /** {@code \x93NUMPY}. */
    static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    /** A header larger than this is not one NumPy wrote for an array of numbers. */
    private static final int MAX_HEADER = 1 << 20;

    private static final Pattern DESCR = Pattern.compile("['\"]descr['\"]\\s*:\\s*['\"]([^'\"]*)['\"]");
    private static final Pattern FORTRAN = Pattern.compile("['\"]fortran_order['\"]\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("['\"]shape['\"]\\s*:\\s*\\(([^)]*)\\)");

    private NpyPoints() {
    }

    /** Whether {@code bytes} start with the {@code .npy} magic string. */
    static boolean hasMagic(byte[] bytes) {
        if (bytes.length < MAGIC.length) {
            return false;
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (bytes[i] != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    static PointTable read(Path file) throws IOException {
        return parse(file, Files.readAllBytes(file));
    }

    static PointTable parse(Path file, byte[] bytes) throws PointFileException {
        if (bytes.length == 0) {
            throw new PointFileException(file, "", "the file is empty, expected a NumPy .npy array");
        }
        if (!hasMagic(bytes)) {
            throw new PointFileException(file, "byte 0", "not a NumPy .npy file: it does not start with \\x93NUMPY");
        }
        if (bytes.length < 10) {
            throw new PointFileException(file, "", "truncated: " + bytes.length + " bytes, shorter than the .npy preamble");
        }
        int major = bytes[6] & 0xff;
        int minor = bytes[7] & 0xff;
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long headerLength;
        int headerStart;
        switch (major) {
            case 1 -> {
                headerLength = buffer.getShort(8) & 0xffff;
                headerStart = 10;
            }
            case 2, 3 -> {
                if (bytes.length < 12) {
                    throw new PointFileException(file, "", "truncated: " + bytes.length
                            + " bytes, shorter than the .npy " + major + ".0 preamble");
                }
                headerLength = buffer.getInt(8) & 0xffffffffL;
                headerStart = 12;
            }
            default -> throw new PointFileException(file, "byte 6", "unsupported .npy format version " + major + "."
                    + minor + ", expected 1.0, 2.0 or 3.0");
        }
        if (headerLength > MAX_HEADER || headerStart + headerLength > bytes.length) {
            throw new PointFileException(file, "byte 8", "truncated or corrupt: the header declares " + headerLength
                    + " bytes, but " + (bytes.length - headerStart) + " follow");
        }
        // Versions 1.0 and 2.0 write latin-1 (in practice ASCII), 3.0 writes UTF-8.
        String header = new String(bytes, headerStart, (int) headerLength,
                major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        String where = "header";
        String descr = find(file, DESCR, header, "descr");
        ByteOrder order;
        int itemSize;
        switch (descr) {
            case "<f8", "=f8" -> { order = ByteOrder.LITTLE_ENDIAN; itemSize = 8; }
            case ">f8" -> { order = ByteOrder.BIG_ENDIAN; itemSize = 8; }
            case "<f4", "=f4" -> { order = ByteOrder.LITTLE_ENDIAN; itemSize = 4; }
            case ">f4" -> { order = ByteOrder.BIG_ENDIAN; itemSize = 4; }
            default -> throw new PointFileException(file, where, "unsupported dtype '" + descr
                    + "', expected float32 or float64 ('<f4', '<f8', '>f4' or '>f8')");
        }
        boolean fortran = find(file, FORTRAN, header, "fortran_order").equals("True");
        long[] shape = shape(file, find(file, SHAPE, header, "shape"));
        if (shape.length == 0 || shape.length > 2) {
            throw new PointFileException(file, where, "shape has " + shape.length
                    + " dimensions, expected (n,) for points on a line or (n, d) for n points in R^d");
        }
        long n = shape[0];
        long d = shape.length == 2 ? shape[1] : 1;
        if (n == 0 || d == 0) {
            throw new PointFileException(file, where, "the array is empty (shape " + formatShape(shape)
                    + "), expected at least one point of at least one coordinate");
        }
        long count = n * d;
        if (count > Integer.MAX_VALUE - 8) {
            throw new PointFileException(file, where, "shape " + formatShape(shape) + " holds " + count
                    + " values, more than one Java array can");
        }
        long dataStart = headerStart + headerLength;
        long expected = count * itemSize;
        long found = bytes.length - dataStart;
        if (found < expected) {
            throw new PointFileException(file, "byte " + dataStart, "truncated: shape " + formatShape(shape)
                    + " of " + descr + " needs " + expected + " bytes of data, found " + found);
        }
        if (found > expected) {
            throw new PointFileException(file, "byte " + (dataStart + expected), found - expected
                    + " bytes after the " + expected + " bytes of data that shape " + formatShape(shape) + " of "
                    + descr + " declares");
        }
        ByteBuffer data = ByteBuffer.wrap(bytes, (int) dataStart, (int) expected).slice().order(order);
        double[] values = new double[(int) count];
        int rows = (int) n;
        int cols = (int) d;
        for (int i = 0; i < rows; i++) {
            for (int k = 0; k < cols; k++) {
                // C order: element (i, k) is number i·d + k; Fortran order: k·n + i.
                int index = fortran ? k * rows + i : i * cols + k;
                double x = itemSize == 8 ? data.getDouble(index * 8) : data.getFloat(index * 4);
                if (!Double.isFinite(x)) {
                    throw new PointFileException(file, "row " + i + ", column " + k + " (0-based, as NumPy indexes)",
                            "value " + x + " is not finite; every coordinate must be a finite number");
                }
                values[i * cols + k] = x;
            }
        }
        return new PointTable(cols, values, List.of());
    }

    private static String find(Path file, Pattern key, String header, String name) throws PointFileException {
        Matcher m = key.matcher(header);
        if (!m.find()) {
            throw new PointFileException(file, "header", "no valid '" + name + "' entry in the header "
                    + header.strip());
        }
        return m.group(1);
    }

    /** {@code "3, 2"}, {@code "3,"} or {@code ""} into the dimensions. */
    private static long[] shape(Path file, String text) throws PointFileException {
        String t = text.strip();
        if (t.endsWith(",")) {
            t = t.substring(0, t.length() - 1);
        }
        if (t.isBlank()) {
            return new long[0];
        }
        String[] parts = t.split(",");
        long[] shape = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i].strip();
            if (p.endsWith("L")) {
                p = p.substring(0, p.length() - 1);   // Python 2 longs, as old NumPy wrote them
            }
            try {
                shape[i] = Long.parseLong(p);
            } catch (NumberFormatException e) {
                throw new PointFileException(file, "header", "shape (" + text + ") is not a tuple of integers", e);
            }
            if (shape[i] < 0) {
                throw new PointFileException(file, "header", "shape (" + text + ") has a negative dimension");
            }
        }
        return shape;
    }

    private static String formatShape(long[] shape) {
        if (shape.length == 1) {
            return "(" + shape[0] + ",)";
        }
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            sb.append(i > 0 ? ", " : "").append(shape[i]);
        }
        return sb.append(')').toString();
    }
}
