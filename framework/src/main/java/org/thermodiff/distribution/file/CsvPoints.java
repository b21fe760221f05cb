package org.thermodiff.distribution.file;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads points from a comma-separated file with Commons CSV: one point per row, one coordinate per
 * column, an optional header row of column names, {@code #} comment lines and blank lines
 * ignored, spaces around cells ignored, quoted cells allowed (RFC 4180). Rows are reported by the
 * 1-based line on which they end and columns by their 1-based position, as editors show them.
 */
final class CsvPoints {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setCommentMarker('#')
            .setIgnoreEmptyLines(true)
            .setIgnoreSurroundingSpaces(true)
            .get();

    /**
     * A decimal number as written by NumPy, pandas or a spreadsheet. Stricter than
     * {@link Double#parseDouble}, which also takes {@code 1d}, {@code 0x1p3} and {@code NaN}.
     */
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    /** What NumPy, pandas and Java write for non-finite values, to name them in the error. */
    private static final Pattern NON_FINITE = Pattern.compile("(?i)[+-]?(nan|inf|infinity)");

    private CsvPoints() {
    }

    static PointTable read(Path file) throws IOException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new PointFileException(file, "", "not a UTF-8 text file (expected comma-separated numbers)", e);
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);   // a byte-order mark, as spreadsheets write
        }
        List<String> header = List.of();
        int dimension = -1;
        int dimensionLine = 0;
        double[] values = new double[16];
        int count = 0;
        try (CSVParser parser = CSVParser.parse(text, FORMAT)) {
            Iterator<CSVRecord> rows = parser.iterator();
            boolean first = true;
            while (next(rows, file, parser)) {
                CSVRecord row = rows.next();
                int line = (int) parser.getCurrentLineNumber();
                if (first && isHeader(row)) {
                    header = row.toList();
                    dimension = row.size();
                    dimensionLine = line;
                    first = false;
                    continue;
                }
                first = false;
                if (dimension < 0) {
                    dimension = row.size();
                    dimensionLine = line;
                } else if (row.size() != dimension) {
                    throw new PointFileException(file, "line " + line, "expected " + dimension + " columns (as on line "
                            + dimensionLine + "), found " + row.size());
                }
                if (count + dimension > values.length) {
                    values = Arrays.copyOf(values, Math.max(2 * values.length, count + dimension));
                }
                for (int k = 0; k < dimension; k++) {
                    values[count++] = parse(file, line, k + 1, row.get(k));
                }
            }
        }
        if (count == 0) {
            throw new PointFileException(file, "", header.isEmpty()
                    ? "no data: the file is empty (or only blank and # comment lines); expected rows of comma-separated numbers"
                    : "no data rows after the header on line " + dimensionLine);
        }
        return new PointTable(dimension, Arrays.copyOf(values, count), header);
    }

    /** {@link Iterator#hasNext()}, with Commons CSV's parse errors (an unterminated quote) as ours. */
    private static boolean next(Iterator<CSVRecord> rows, Path file, CSVParser parser) throws PointFileException {
        try {
            return rows.hasNext();
        } catch (UncheckedIOException | IllegalStateException e) {
            String why = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
            throw new PointFileException(file, "line " + parser.getCurrentLineNumber(), "malformed CSV: " + why, e);
        }
    }

    /** The first row is a header when none of its cells is a number (nor a non-finite value). */
    private static boolean isHeader(CSVRecord row) {
        for (String cell : row) {
            if (NUMBER.matcher(cell).matches() || NON_FINITE.matcher(cell).matches()) {
                return false;
            }
        }
        return true;
    }

    private static double parse(Path file, int line, int column, String cell) throws PointFileException {
        String where = "line " + line + ", column " + column;
        if (cell.isEmpty()) {
            throw new PointFileException(file, where, "empty cell, expected a number");
        }
        if (NON_FINITE.matcher(cell).matches()) {
            throw new PointFileException(file, where, "'" + cell + "' is not finite; every coordinate must be a finite number");
        }
        if (!NUMBER.matcher(cell).matches()) {
            throw new PointFileException(file, where, "'" + cell + "' is not a number");
        }
        double x = Double.parseDouble(cell);
        if (Double.isInfinite(x)) {
            throw new PointFileException(file, where, "'" + cell + "' overflows a double (|x| > 1.8e308)");
        }
        return x;
    }
}
