package org.thermodiff.plugin;

import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/** Two plugin modules registered the same name in one family; thermodiff refuses to start. */
public final class PluginConflictException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * One name registered more than once.
     *
     * @param family  the family's key, e.g. {@code schedule}
     * @param name    the plugin name
     * @param origins the class names of the modules registering it, sorted
     */
    public record Conflict(String family, String name, List<String> origins) {

        public Conflict {
            origins = List.copyOf(origins);
        }
    }

    private final transient List<Conflict> conflicts;

    /** One conflict per name registered more than once. */
    public PluginConflictException(List<Conflict> conflicts) {
        super(message(conflicts, UnaryOperator.identity()));
        this.conflicts = List.copyOf(conflicts);
    }

    /** The conflicting names with the modules registering them. */
    public List<Conflict> conflicts() {
        return conflicts;
    }

    /**
     * The message with each module described by {@code origin} (given the module's class name),
     * e.g. to say which plugin jar it comes from.
     */
    public String describe(UnaryOperator<String> origin) {
        return message(conflicts, origin);
    }

    private static String message(List<Conflict> conflicts, UnaryOperator<String> origin) {
        return "plugin names must be unique within a family:\n  " + conflicts.stream()
                .map(c -> c.family() + " '" + c.name() + "' is registered by "
                        + c.origins().stream().map(origin).collect(Collectors.joining(" and ")))
                .collect(Collectors.joining("\n  "));
    }
}
