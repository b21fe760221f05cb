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

    void add(Mark mark, String key, String message) {
        problems.add(new Problem(mark, key, message));
    }

    void addAll(InputException e) {
        problems.addAll(e.problems());
    }

    boolean isEmpty() {
        return problems.isEmpty();
    }

    int size() {
        return problems.size();
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
