package org.thermodiff.yaml;

import java.util.List;

/**
 * A sequence.
 *
 * @param items the elements
 * @param mark  where the sequence starts
 */
public record YamlList(List<YamlNode> items, Mark mark) implements YamlNode {

    public YamlList {
        items = List.copyOf(items);
    }

    @Override
    public String kind() {
        return "a list";
    }
}
