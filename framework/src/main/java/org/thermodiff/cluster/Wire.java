package org.thermodiff.cluster;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.util.OptionalLong;

/**
 * The messages between coordinator and workers, and their checks. Every body on the clustered bus is
 * a string of JSON, read with a size limit and a strict shape; anything else is rejected as
 * {@link Rejected} (the receiver logs it and carries on), so no message can run code or instantiate
 * anything but the registered plugins an experiment names.
 *
 * <pre>
 * worker → {@value #NEXT} (request)   {"type":"next","worker":NODE,"name":TEXT}
 *   reply                             {"type":"run","sweep":ID,"run":I,"key":SHA256,"file":PATH,"text":YAML,
 *                                      "seed":LONG|null,"results":ADDRESS}   or   {"type":"idle"}
 * worker → results ADDRESS (request)  {"type":"result","sweep":ID,"run":I,"key":SHA256,"worker":NODE,
 *                                      "millis":LONG,"report":RUN}          (RUN: RunReportJson)
 *   reply                             {"type":"ack"}
 * coordinator → {@value #WAKE} (publish) {"type":"wake"}: work is waiting; idle workers ask now
 * </pre>
 */
public final class Wire {

    /** Where idle workers ask for a run. */
    public static final String NEXT = "thermodiff.cluster.next";
    /** Where coordinators announce work. */
    public static final String WAKE = "thermodiff.cluster.wake";
    /** Largest request for work or assignment: an experiment file (at most 1 Mi code points as UTF-16) and some. */
    static final int MAX_ASSIGNMENT_CHARS = 4 << 20;
    /** Largest result: a run's series and tables (a density profile per output time …). */
    static final int MAX_RESULT_CHARS = 256 << 20;

    private Wire() {
    }

    /** A message that was not what it must be. */
    public static final class Rejected extends Exception {
        Rejected(String message) {
            super(message);
        }
    }

    /** A run handed to a worker. */
    record Assignment(String sweep, int run, String key, String file, String text, OptionalLong seed, String results) {

        JsonObject json() {
            return new JsonObject().put("type", "run").put("sweep", sweep).put("run", run).put("key", key)
                    .put("file", file).put("text", text).put("seed", seed.isPresent() ? seed.getAsLong() : null)
                    .put("results", results);
        }

        static Assignment of(JsonObject json) throws Rejected {
            Long seed = field(json, "seed", Long.class, true);
            return new Assignment(field(json, "sweep", String.class, false), field(json, "run", Integer.class, false),
                    field(json, "key", String.class, false), field(json, "file", String.class, false),
                    field(json, "text", String.class, false), seed == null ? OptionalLong.empty() : OptionalLong.of(seed),
                    field(json, "results", String.class, false));
        }
    }

    /** A worker's outcome of an assignment: the run's report as {@code RunReportJson}. */
    record Result(String sweep, int run, String key, String worker, long millis, JsonObject report) {

        JsonObject json() {
            return new JsonObject().put("type", "result").put("sweep", sweep).put("run", run).put("key", key)
                    .put("worker", worker).put("millis", millis).put("report", report);
        }

        static Result of(JsonObject json) throws Rejected {
            return new Result(field(json, "sweep", String.class, false), field(json, "run", Integer.class, false),
                    field(json, "key", String.class, false), field(json, "worker", String.class, false),
                    field(json, "millis", Long.class, false), field(json, "report", JsonObject.class, false));
        }
    }

    static JsonObject next(String worker, String name) {
        return new JsonObject().put("type", "next").put("worker", worker).put("name", name);
    }

    static JsonObject idle() {
        return new JsonObject().put("type", "idle");
    }

    static JsonObject ack() {
        return new JsonObject().put("type", "ack");
    }

    static JsonObject wake() {
        return new JsonObject().put("type", "wake");
    }

    /**
     * Parses a message body: a string of at most {@code maxChars} holding a JSON object whose
     * {@code type} is one of {@code types}.
     */
    static JsonObject parse(Object body, int maxChars, String... types) throws Rejected {
        if (!(body instanceof String text)) {
            throw new Rejected("expected JSON text, got " + (body == null ? "nothing" : body.getClass().getSimpleName()));
        }
        if (text.length() > maxChars) {
            throw new Rejected("message of " + text.length() + " characters exceeds the limit of " + maxChars);
        }
        JsonObject json;
        try {
            json = new JsonObject(text);
        } catch (DecodeException e) {
            throw new Rejected("not a JSON object: " + e.getMessage());
        }
        Object type = json.getValue("type");
        for (String t : types) {
            if (t.equals(type)) {
                return json;
            }
        }
        throw new Rejected("message type " + type + ", expected one of " + String.join(", ", types));
    }

    /** A field of the given type; {@code Integer} and {@code Long} accept any integral number in range. */
    static <T> T field(JsonObject json, String key, Class<T> type, boolean optional) throws Rejected {
        Object v = json.getValue(key);
        if (v == null) {
            if (optional) {
                return null;
            }
            throw new Rejected("no '" + key + "'");
        }
        if ((type == Integer.class || type == Long.class) && (v instanceof Integer || v instanceof Long)) {
            long n = ((Number) v).longValue();
            if (type == Integer.class && (n < 0 || n > Integer.MAX_VALUE)) {
                throw new Rejected("'" + key + "' out of range: " + n);
            }
            return type.cast(type == Integer.class ? (Object) (int) n : (Object) n);
        }
        if (!type.isInstance(v)) {
            throw new Rejected("'" + key + "' must be " + type.getSimpleName() + ", got " + v.getClass().getSimpleName());
        }
        return type.cast(v);
    }
}
