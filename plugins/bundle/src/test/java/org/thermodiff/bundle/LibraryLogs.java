package org.thermodiff.bundle;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Captures what Vert.x and Netty log through java.util.logging while open. The handler sits on the
 * {@code io.vertx} and {@code io.netty} loggers, not on the root logger, because the command line
 * replaces the root logger's handlers when it starts.
 */
final class LibraryLogs implements AutoCloseable {

    /** Kept strongly reachable: java.util.logging holds loggers, and so their handlers, weakly. */
    private static final List<Logger> LOGGERS = List.of(Logger.getLogger("io.vertx"), Logger.getLogger("io.netty"));

    private final List<LogRecord> records = Collections.synchronizedList(new ArrayList<>());
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private LibraryLogs() {
        handler.setLevel(Level.ALL);
    }

    /** Starts capturing. */
    static LibraryLogs capture() {
        LibraryLogs logs = new LibraryLogs();
        LOGGERS.forEach(l -> l.addHandler(logs.handler));
        return logs;
    }

    /** The records captured so far, each as "logger: message / thrown". */
    List<String> lines() {
        synchronized (records) {
            return records.stream().map(LibraryLogs::text).toList();
        }
    }

    /** The captured lines that mention a blocked thread (Vert.x: "Thread ... has been blocked for ..."). */
    List<String> blockedThreadWarnings() {
        return lines().stream().filter(t -> t.toLowerCase(Locale.ROOT).contains("blocked")).toList();
    }

    private static String text(LogRecord r) {
        Throwable t = r.getThrown();
        return r.getLoggerName() + ": " + r.getMessage() + (t == null ? "" : " / " + t);
    }

    @Override
    public void close() {
        LOGGERS.forEach(l -> l.removeHandler(handler));
    }
}
