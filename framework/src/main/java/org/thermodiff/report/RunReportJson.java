package org.thermodiff.report;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.thermodiff.spi.metrics.BoundCheck;
import org.thermodiff.spi.metrics.Series;
import org.thermodiff.spi.report.RunReport;

/**
 * A {@link RunReport} as JSON and back, losslessly: the per-run result files of a sweep and the
 * results workers send over the clustered event bus are this text, never Java serialisation.
 *
 * <p>Doubles are written in shortest round-trip form ({@link Double#toString}), so decoding returns
 * the very same bits; non-finite values, which JSON has no number for, are written as the strings
 * {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"} and read back as doubles. Integers come
 * back as {@code Integer} or {@code Long} by size, which prints the same. Decoding is strict: a
 * missing or mistyped field is an {@link IllegalArgumentException} naming it.
 */
public final class RunReportJson {

    /** Version of this layout; a file of another version is not read. */
    public static final int FORMAT = 1;

    private RunReportJson() {
    }

    /** The report as a JSON object. */
    public static JsonObject encode(RunReport run) {
        JsonObject out = new JsonObject()
                .put("format", FORMAT)
                .put("index", run.index())
                .put("labels", new JsonObject(new LinkedHashMap<>(run.labels())))
                .put("seed", run.seed())
                .put("values", encodePlain(run.values()))
                .put("series", series(run.series()))
                .put("checks", checks(run.checks()));
        run.error().ifPresent(e -> out.put("error", new JsonObject().put("stage", e.stage()).put("message", e.message())));
        JsonObject tables = new JsonObject();
        run.tables().forEach((name, table) -> tables.put(name, series(table)));
        return out.put("tables", tables)
                .put("timings_ms", new JsonObject(new LinkedHashMap<>(run.timings())))
                .put("diagnostics", encodePlain(run.diagnostics()))
                .put("configuration", encodePlain(run.configuration()));
    }

    /** The bound checks as the JSON array {@code results.json} shows. */
    public static JsonArray checks(List<BoundCheck> checks) {
        JsonArray out = new JsonArray();
        for (BoundCheck c : checks) {
            out.add(new JsonObject().put("name", c.name()).put("equation", c.equation()).put("lhs", number(c.lhs()))
                    .put("rhs", number(c.rhs())).put("tolerance", number(c.tolerance())).put("margin", number(c.margin()))
                    .put("holds", c.holds()));
        }
        return out;
    }

    /**
     * Decodes {@link #encode}'s output.
     *
     * @throws IllegalArgumentException if {@code json} is not such an object, naming what is wrong
     */
    public static RunReport decode(JsonObject json) {
        try {
            int format = json.getInteger("format", -1);
            if (format != FORMAT) {
                throw new IllegalArgumentException("run result format " + format + ", expected " + FORMAT);
            }
            Map<String, String> labels = new LinkedHashMap<>();
            object(json, "labels").forEach(e -> labels.put(e.getKey(), (String) e.getValue()));
            Map<String, Series> tables = new LinkedHashMap<>();
            object(json, "tables").forEach(e -> tables.put(e.getKey(), series((JsonObject) e.getValue())));
            Map<String, Long> timings = new LinkedHashMap<>();
            object(json, "timings_ms").forEach(e -> timings.put(e.getKey(), ((Number) e.getValue()).longValue()));
            JsonObject error = json.getJsonObject("error");
            return new RunReport(required(json.getInteger("index"), "index"), labels, required(json.getLong("seed"), "seed"),
                    restored(object(json, "values")), series(object(json, "series")),
                    checks(required(json.getJsonArray("checks"), "checks")),
                    error == null ? Optional.empty()
                            : Optional.of(new RunReport.RunError(error.getString("stage"), error.getString("message"))),
                    timings, restored(object(json, "diagnostics")), tables, restored(object(json, "configuration")));
        } catch (ClassCastException | DecodeException e) {
            throw new IllegalArgumentException("malformed run result: " + e.getMessage(), e);
        }
    }

    /** Decodes a JSON text; see {@link #decode(JsonObject)}. */
    public static RunReport decode(String text) {
        JsonObject json;
        try {
            json = new JsonObject(text);
        } catch (DecodeException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
        }
        return decode(json);
    }

    private static JsonObject series(Series series) {
        JsonObject out = new JsonObject();
        for (String name : series.names()) {
            JsonArray column = new JsonArray();
            for (double v : series.column(name)) {
                column.add(number(v));
            }
            out.put(name, column);
        }
        return out;
    }

    private static Series series(JsonObject json) {
        Series.Builder builder = null;
        for (var e : json) {
            JsonArray column = (JsonArray) e.getValue();
            double[] values = new double[column.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = toDouble(column.getValue(i));
            }
            builder = builder == null ? Series.withKey(e.getKey(), values) : builder.column(e.getKey(), values);
        }
        return builder == null ? Series.empty() : builder.build();
    }

    private static List<BoundCheck> checks(JsonArray json) {
        List<BoundCheck> out = new ArrayList<>();
        for (int i = 0; i < json.size(); i++) {
            JsonObject c = json.getJsonObject(i);
            out.add(new BoundCheck(c.getString("name"), c.getString("equation"), toDouble(c.getValue("lhs")),
                    toDouble(c.getValue("rhs")), toDouble(c.getValue("tolerance")), required(c.getBoolean("holds"), "holds")));
        }
        return out;
    }

    /**
     * A map of plain values (maps, lists, strings, numbers, booleans) as JSON, non-finite doubles
     * spelt as strings, nested maps and lists included.
     */
    public static JsonObject encodePlain(Map<String, ?> map) {
        JsonObject out = new JsonObject();
        map.forEach((k, v) -> out.put(k, plainValue(v)));
        return out;
    }

    private static Object plainValue(Object v) {
        if (v instanceof Double d) {
            return number(d);
        }
        if (v instanceof Map<?, ?> m) {
            JsonObject out = new JsonObject();
            m.forEach((k, x) -> out.put(String.valueOf(k), plainValue(x)));
            return out;
        }
        if (v instanceof List<?> l) {
            JsonArray out = new JsonArray();
            l.forEach(x -> out.add(plainValue(x)));
            return out;
        }
        return v;
    }

    /**
     * Reads back what {@link #encodePlain} wrote, as plain maps and lists: the strings of non-finite
     * doubles become doubles again.
     */
    private static Map<String, Object> restored(JsonObject json) {
        Map<String, Object> out = new LinkedHashMap<>();
        json.getMap().forEach((k, v) -> out.put(k, restoredValue(v)));
        return out;
    }

    private static Object restoredValue(Object v) {
        if (v instanceof JsonObject o) {
            return restored(o);
        }
        if (v instanceof Map<?, ?> m) {
            return restored(new JsonObject(new LinkedHashMap<>(cast(m))));
        }
        if (v instanceof JsonArray a) {
            return restoredValue(a.getList());
        }
        if (v instanceof List<?> l) {
            return l.stream().map(RunReportJson::restoredValue).toList();
        }
        return NON_FINITE.contains(v) ? toDouble(v) : v;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> m) {
        return (Map<String, Object>) m;
    }

    private static final List<String> NON_FINITE = List.of("NaN", "Infinity", "-Infinity");

    private static Object number(double v) {
        return Double.isFinite(v) ? (Object) v : Double.toString(v);
    }

    private static double toDouble(Object v) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof String s && NON_FINITE.contains(s)) {
            return Double.parseDouble(s);
        }
        throw new IllegalArgumentException("expected a number, got " + v);
    }

    private static JsonObject object(JsonObject json, String key) {
        return required(json.getJsonObject(key), key);
    }

    private static <T> T required(T value, String key) {
        if (value == null) {
            throw new IllegalArgumentException("malformed run result: no '" + key + "'");
        }
        return value;
    }
}
