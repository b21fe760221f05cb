package org.thermodiff.cluster;

/** The cluster cannot be joined (address in use, no such interface …): the user's settings must change. */
public final class ClusterException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    ClusterException(String message, Throwable cause) {
        super(message, cause);
    }
}
