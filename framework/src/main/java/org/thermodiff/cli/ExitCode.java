package org.thermodiff.cli;

/** Exit statuses of the command line. */
public final class ExitCode {

    /** Everything ran and was written. */
    public static final int OK = 0;
    /** At least one run failed (the others were still run and written). */
    public static final int RUN_FAILED = 1;
    /** Bad input: an experiment file, an option or a plugin set-up is wrong. */
    public static final int BAD_INPUT = 2;
    /** With {@code --fail-on-violation}: a bound of the paper was violated in some run. */
    public static final int VIOLATION = 3;

    private ExitCode() {
    }
}
