package org.thermodiff.plugin;

/** A plugin module could not be discovered or loaded. */
public final class PluginLoadException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Without an underlying cause: the message says everything. */
    public PluginLoadException(String message) {
        super(message);
    }

    /** With the underlying cause. */
    public PluginLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
