package org.thermodiff.plugin;

import java.util.List;

/** Two plugin modules registered the same name in one family; thermodiff refuses to start. */
public final class PluginConflictException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** One message line per conflicting name. */
    public PluginConflictException(List<String> conflicts) {
        super("plugin names must be unique within a family:\n  " + String.join("\n  ", conflicts));
    }
}
