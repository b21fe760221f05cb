package org.thermodiff.yaml;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The user's input is wrong: one or more {@link Problem}s, each with file, line, column and key.
 * The command line prints them and exits with status 2, without a stack trace.
 */
public final class InputException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;

    /** An exception for the given problems (at least one). */
    public InputException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an InputException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    /** An exception for a single problem. */
    public InputException(Problem problem) {
        this(List.of(problem));
    }

    /** The problems, in the order found. */
    public List<Problem> problems() {
        return problems;
    }
}
