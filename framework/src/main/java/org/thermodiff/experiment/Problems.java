package org.thermodiff.experiment;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.thermodiff.yaml.InputException;
import org.thermodiff.yaml.Mark;
import org.thermodiff.yaml.Problem;

/**
 * Collects the problems found while reading an experiment, so that one pass reports all of them;
 * identical problems (e.g. the same bad value seen by every run of a matrix) are kept once.
 */
final class Problems {

    private final Set<Problem> problems = new LinkedHashSet<>();
    private int reported;

    void add(Mark mark, String key, String message) {
        problems.add(new Problem(mark, key, message));
        reported++;
    }

    void addAll(InputException e) {
        problems.addAll(e.problems());
        reported += e.problems().size();
    }

    boolean isEmpty() {
        return problems.isEmpty();
    }

    /**
     * How many problems were reported so far, repeats included. It grows with every report, so
     * that a step can tell whether it found any ({@code size() > before}) even when what it found
     * was already reported by an earlier run of the matrix.
     */
    int size() {
        return reported;
    }

    void throwIfAny() throws InputException {
        if (!problems.isEmpty()) {
            throw new InputException(new ArrayList<>(problems));
        }
    }

    List<Problem> list() {
        return List.copyOf(problems);
    }
}
