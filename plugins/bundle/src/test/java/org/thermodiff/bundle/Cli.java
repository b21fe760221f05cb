package org.thermodiff.bundle;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import org.thermodiff.cli.Main;

/**
 * Runs the command line in this JVM ({@link Main#execute}) with {@code System.out} and
 * {@code System.err} captured for the duration of the call.
 */
final class Cli {

    /** What one invocation returned and printed. */
    record Result(int exitCode, String out, String err) {

        /** A readable summary for assertion messages. */
        String describe() {
            return "exit " + exitCode + "\n--- stdout ---\n" + out + "\n--- stderr ---\n" + err;
        }
    }

    private Cli() {
    }

    /** {@code thermodiff args...}; the streams are restored afterwards whatever happens. */
    static synchronized Result execute(String... args) {
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream capturedOut = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream capturedErr = new PrintStream(err, true, StandardCharsets.UTF_8);
        try {
            System.setOut(capturedOut);
            System.setErr(capturedErr);
            int code = Main.execute(args);
            capturedOut.flush();
            capturedErr.flush();
            return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
    }

    /** {@code thermodiff run file --out out extra...}. */
    static Result run(Path file, Path out, String... extra) {
        String[] args = new String[4 + extra.length];
        args[0] = "run";
        args[1] = file.toString();
        args[2] = "--out";
        args[3] = out.toString();
        System.arraycopy(extra, 0, args, 4, extra.length);
        return execute(args);
    }

    /** Whether {@code text} contains a line of a Java stack trace ({@code "\tat org.Foo.bar(Foo.java:1)"}). */
    static boolean hasStackTrace(String text) {
        return text.contains("\tat ") || Arrays.stream(text.split("\n")).anyMatch(l -> l.matches("\\s+at [\\w.$/]+\\(.*\\)"));
    }

    /**
     * Whether {@code text} contains a stack trace or names an exception class: bad input is explained
     * in the user's terms, never with the program's internals.
     */
    static boolean hasStackTraceOrExceptionName(String text) {
        return hasStackTrace(text) || text.contains("Exception");
    }
}
