package org.thermodiff.yaml;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads one YAML document into a {@link YamlNode} tree, safely.
 *
 * <p>SnakeYAML only <em>composes</em> the document (no object construction at all, so no class is
 * ever instantiated from a tag); on top of its limits this reader refuses: tags other than the
 * core schema's ({@code !!str}, {@code !!int} …), merge keys, non-scalar keys, duplicate keys,
 * more than one document, and documents whose aliases expand to more than {@value #MAX_NODES}
 * nodes (the "billion laughs" attack).
 */
public final class YamlLoader {

    /** Largest accepted file, in code points. */
    public static final int MAX_CODE_POINTS = 1 << 20;
    /** Most alias references to collections in one document. */
    public static final int MAX_ALIASES = 20;
    /** Deepest nesting of collections. */
    public static final int MAX_DEPTH = 40;
    /** Most nodes after expanding aliases. */
    public static final int MAX_NODES = 100_000;

    private static final Set<Tag> CORE_TAGS = Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, Tag.MAP, Tag.SEQ,
            Tag.TIMESTAMP);
    private static final Set<String> TRUE = Set.of("true", "yes", "on");

    private YamlLoader() {
    }

    /** Reads and checks {@code file}. */
    public static YamlNode load(Path file) throws InputException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InputException(new Problem(new Mark(file, 1, 1), "", "file not found"));
        } catch (MalformedInputException e) {
            throw new InputException(new Problem(new Mark(file, 1, 1), "", "not UTF-8 text"));
        } catch (IOException e) {
            throw new InputException(new Problem(new Mark(file, 1, 1), "", "cannot read: " + e.getMessage()));
        }
        return parse(file, text);
    }

    /** Parses {@code text} as if read from {@code file}. */
    public static YamlNode parse(Path file, String text) throws InputException {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setAllowRecursiveKeys(false);
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setCodePointLimit(MAX_CODE_POINTS);
        options.setProcessComments(false);
        Yaml yaml = new Yaml(new SafeConstructor(options));
        List<Node> documents = new ArrayList<>();
        try (Reader reader = new StringReader(text)) {
            for (Node doc : yaml.composeAll(reader)) {
                documents.add(doc);
            }
        } catch (MarkedYAMLException e) {
            org.yaml.snakeyaml.error.Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            Mark mark = m == null ? new Mark(file, 1, 1) : new Mark(file, m.getLine() + 1, m.getColumn() + 1);
            String what = e.getProblem() != null ? e.getProblem() : e.getMessage();
            String context = e.getContext() != null ? e.getContext() + ": " : "";
            throw new InputException(new Problem(mark, "", "malformed YAML: " + context + what.trim()));
        } catch (YAMLException e) {
            throw new InputException(new Problem(new Mark(file, 1, 1), "", "rejected YAML: " + e.getMessage().trim()));
        } catch (IOException e) {
            throw new InputException(new Problem(new Mark(file, 1, 1), "", "cannot read: " + e.getMessage()));
        }
        if (documents.isEmpty()) {
            throw new InputException(new Problem(new Mark(file, 1, 1), "", "the file is empty: expected a YAML map"));
        }
        if (documents.size() > 1) {
            Mark second = mark(file, documents.get(1));
            throw new InputException(new Problem(second, "", "expected one YAML document, found " + documents.size()));
        }
        return new Converter(file).convert(documents.get(0), "");
    }

    private static Mark mark(Path file, Node node) {
        org.yaml.snakeyaml.error.Mark m = node.getStartMark();
        return m == null ? new Mark(file, 1, 1) : new Mark(file, m.getLine() + 1, m.getColumn() + 1);
    }

    /** Walks the composed graph, checking tags and keys and counting expanded nodes. */
    private static final class Converter {
        private final Path file;
        private final Map<Node, Boolean> onPath = new IdentityHashMap<>();
        private int nodes;

        Converter(Path file) {
            this.file = file;
        }

        YamlNode convert(Node node, String path) throws InputException {
            if (++nodes > MAX_NODES) {
                throw new InputException(new Problem(mark(file, node), path,
                        "document expands to more than " + MAX_NODES + " nodes (alias bomb?)"));
            }
            if (onPath.put(node, Boolean.TRUE) != null) {
                throw new InputException(new Problem(mark(file, node), path, "recursive alias"));
            }
            try {
                checkTag(node, path);
                if (node instanceof ScalarNode s) {
                    return scalar(s, path);
                }
                if (node instanceof SequenceNode s) {
                    List<YamlNode> items = new ArrayList<>();
                    int i = 0;
                    for (Node item : s.getValue()) {
                        items.add(convert(item, path + "[" + i++ + "]"));
                    }
                    return new YamlList(items, mark(file, node));
                }
                return map((MappingNode) node, path);
            } finally {
                onPath.remove(node);
            }
        }

        private YamlMap map(MappingNode node, String path) throws InputException {
            Map<String, YamlMap.Entry> entries = new LinkedHashMap<>();
            for (NodeTuple tuple : node.getValue()) {
                Node keyNode = tuple.getKeyNode();
                Mark keyMark = mark(file, keyNode);
                if (keyNode.getTag().equals(Tag.MERGE)) {
                    throw new InputException(new Problem(keyMark, path, "merge keys ('<<') are not supported; write the keys out"));
                }
                if (!(keyNode instanceof ScalarNode k) || k.getTag().equals(Tag.NULL)) {
                    throw new InputException(new Problem(keyMark, path, "keys must be plain strings"));
                }
                checkTag(keyNode, path);
                String key = k.getValue();
                String child = path.isEmpty() ? key : path + "." + key;
                YamlMap.Entry first = entries.get(key);
                if (first != null) {
                    throw new InputException(new Problem(keyMark, child,
                            "duplicate key (first written at line " + first.keyMark().line() + ")"));
                }
                entries.put(key, new YamlMap.Entry(keyMark, convert(tuple.getValueNode(), child)));
            }
            return new YamlMap(entries, mark(file, node));
        }

        private void checkTag(Node node, String path) throws InputException {
            Tag tag = node.getTag();
            if (!CORE_TAGS.contains(tag)) {
                throw new InputException(new Problem(mark(file, node), path,
                        "tag '" + tag.getValue() + "' is not allowed; only plain YAML values (strings, numbers, booleans, lists, maps)"));
            }
        }

        private YamlScalar scalar(ScalarNode node, String path) throws InputException {
            String text = node.getValue();
            Tag tag = node.getTag();
            Mark mark = mark(file, node);
            Object value;
            if (tag.equals(Tag.NULL)) {
                value = null;
            } else if (tag.equals(Tag.BOOL)) {
                value = TRUE.contains(text.toLowerCase(Locale.ROOT));
            } else if (tag.equals(Tag.INT)) {
                value = parseInteger(text, mark, path);
            } else if (tag.equals(Tag.FLOAT)) {
                value = parseFloat(text);
            } else {
                value = text;
            }
            return new YamlScalar(value, text, mark);
        }

        private static Object parseInteger(String text, Mark mark, String path) throws InputException {
            String s = text.replace("_", "");
            int sign = 1;
            if (s.startsWith("-") || s.startsWith("+")) {
                sign = s.startsWith("-") ? -1 : 1;
                s = s.substring(1);
            }
            try {
                if (s.contains(":")) {
                    long v = 0;
                    for (String part : s.split(":")) {
                        v = v * 60 + Long.parseLong(part);
                    }
                    return sign * v;
                }
                long v;
                if (s.startsWith("0x")) {
                    v = Long.parseLong(s.substring(2), 16);
                } else if (s.startsWith("0b")) {
                    v = Long.parseLong(s.substring(2), 2);
                } else if (s.length() > 1 && s.startsWith("0")) {
                    v = Long.parseLong(s.substring(1), 8);
                } else {
                    v = Long.parseLong(s);
                }
                return sign * v;
            } catch (NumberFormatException e) {
                throw new InputException(new Problem(mark, path, "integer '" + text + "' is out of range"));
            }
        }

        private static Double parseFloat(String text) {
            String s = text.replace("_", "");
            String lower = s.toLowerCase(Locale.ROOT);
            if (lower.endsWith(".inf")) {
                return lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            }
            if (lower.equals(".nan")) {
                return Double.NaN;
            }
            if (s.contains(":")) {
                double v = 0;
                boolean negative = s.startsWith("-");
                for (String part : s.replaceFirst("^[-+]", "").split(":")) {
                    v = v * 60 + Double.parseDouble(part);
                }
                return negative ? -v : v;
            }
            return Double.parseDouble(s);
        }
    }
}
