package org.thermodiff.spi.report;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A reporter's parameter record whose values refer to the experiment's matrix (the axis a figure
 * plots against, say). The loader calls {@link #check} once the matrix is read, so that a reference
 * to an axis that does not exist, or does not fit, is reported with file, line and key before
 * anything runs, as every other mistake is.
 */
public interface MatrixReferences {

    /**
     * The problems of these parameters with a matrix of these axes.
     *
     * @param axes every matrix axis in order, with the labels of its values (those of {@code include:}
     *             rows too) in order of first appearance; the labels are those runs report
     *             ({@link RunReport#labels()})
     * @return the problems, empty when there are none
     */
    List<Problem> check(Map<String, List<String>> axes);

    /**
     * A problem with one parameter.
     *
     * @param key     the parameter's YAML key
     * @param message what was found and what is allowed
     */
    record Problem(String key, String message) {
        public Problem {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(message, "message");
        }
    }
}
