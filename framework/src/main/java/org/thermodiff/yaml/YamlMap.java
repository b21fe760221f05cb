package org.thermodiff.yaml;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A mapping with string keys, in document order; duplicate keys were rejected when it was read.
 *
 * @param entries key → entry, in order
 * @param mark    where the mapping starts
 */
public record YamlMap(Map<String, Entry> entries, Mark mark) implements YamlNode {

    /**
     * One key and its value.
     *
     * @param keyMark where the key was written
     * @param value   the value
     */
    public record Entry(Mark keyMark, YamlNode value) {
    }

    public YamlMap {
        entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    @Override
    public String kind() {
        return "a map";
    }

    /** The keys in order. */
    public Set<String> keys() {
        return entries.keySet();
    }

    /** The value under {@code key}. */
    public Optional<YamlNode> get(String key) {
        Entry e = entries.get(key);
        return e == null ? Optional.empty() : Optional.of(e.value());
    }

    /** Where {@code key} was written, or the map's own mark if absent. */
    public Mark keyMark(String key) {
        Entry e = entries.get(key);
        return e == null ? mark : e.keyMark();
    }

    /** A copy with {@code key} set to {@code value} (replacing or appending). */
    public YamlMap with(String key, Mark keyMark, YamlNode value) {
        Map<String, Entry> copy = new LinkedHashMap<>(entries);
        Entry old = copy.get(key);
        copy.put(key, new Entry(old != null ? old.keyMark() : keyMark, value));
        return new YamlMap(copy, mark);
    }

    /** A copy without {@code key}. */
    public YamlMap without(String key) {
        Map<String, Entry> copy = new LinkedHashMap<>(entries);
        copy.remove(key);
        return new YamlMap(copy, mark);
    }
}
