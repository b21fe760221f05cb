package org.thermodiff.cli;

import java.io.PrintStream;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.logging.StreamHandler;

/**
 * One-line log records on standard error: thermodiff's own progress at INFO, other libraries
 * (Vert.x, Netty) only from WARNING, so that a blocked-thread warning would still show.
 */
final class Logging {

    /**
     * Held here because java.util.logging keeps loggers only weakly: a level set on a logger nobody
     * references is lost at the next garbage collection, and thermodiff's INFO progress with it.
     */
    private static final Logger THERMODIFF = Logger.getLogger("org.thermodiff");

    private Logging() {
    }

    static void configure(boolean verbose, boolean quiet, PrintStream err) {
        Logger root = Logger.getLogger("");
        for (Handler h : root.getHandlers()) {
            root.removeHandler(h);
        }
        // Not a ConsoleHandler re-pointed with setOutputStream(err): that closes the stream the
        // ConsoleHandler opened on System.err, i.e. System.err itself, and every later line is lost.
        Handler handler = new StreamHandler(err, new SimpleFormatter()) {
            @Override
            public synchronized void publish(LogRecord record) {
                super.publish(record);
                flush();
            }

            @Override
            public synchronized void close() {
                flush(); // never close the console stream
            }
        };
        handler.setLevel(Level.ALL);
        handler.setFormatter(new Formatter() {
            @Override
            public String format(LogRecord r) {
                String source = r.getLoggerName() != null && r.getLoggerName().startsWith("org.thermodiff") ? "thermodiff"
                        : r.getLoggerName();
                StringBuilder sb = new StringBuilder("[").append(source).append("] ");
                if (r.getLevel().intValue() >= Level.WARNING.intValue()) {
                    sb.append(r.getLevel().getName()).append(": ");
                }
                sb.append(formatMessage(r)).append(System.lineSeparator());
                if (r.getThrown() != null && verbose) {
                    java.io.StringWriter w = new java.io.StringWriter();
                    r.getThrown().printStackTrace(new java.io.PrintWriter(w));
                    sb.append(w);
                }
                return sb.toString();
            }
        });
        root.addHandler(handler);
        root.setLevel(Level.WARNING);
        THERMODIFF.setLevel(quiet ? Level.WARNING : verbose ? Level.FINE : Level.INFO);
    }
}
