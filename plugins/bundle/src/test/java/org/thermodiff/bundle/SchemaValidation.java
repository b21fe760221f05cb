package org.thermodiff.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import org.thermodiff.Thermodiff;
import org.thermodiff.plugin.PluginRegistry;
import org.thermodiff.yaml.InputException;
import org.thermodiff.yaml.Mark;
import org.thermodiff.yaml.YamlList;
import org.thermodiff.yaml.YamlLoader;
import org.thermodiff.yaml.YamlMap;
import org.thermodiff.yaml.YamlNode;
import org.thermodiff.yaml.YamlScalar;

/**
 * Validates experiment files against the JSON Schema of {@code thermodiff schema}: YAML is read as
 * thermodiff reads it (SnakeYAML, through {@link YamlLoader}) and converted to a Jackson tree for the
 * networknt validator, and each error is traced back to the line and column of the key or value it
 * is about.
 */
final class SchemaValidation {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** One schema violation: where in the YAML file, the JSON path, and the validator's message. */
    record Error(Mark mark, String path, String property, String message) {
        @Override
        public String toString() {
            return mark.line() + ":" + mark.column() + " " + message;
        }
    }

    private SchemaValidation() {
    }

    /**
     * The plugins of the standard distribution: everything on the test class path except the
     * {@code e2e-} test plugins, whose {@code META-INF/services} entry lives in this module's test
     * classes and is hidden here.
     */
    static PluginRegistry distribution() {
        ClassLoader parent = SchemaValidation.class.getClassLoader();
        String testClasses = E2eTestPlugins.class.getProtectionDomain().getCodeSource().getLocation().toString();
        ClassLoader withoutTestPlugins = new ClassLoader(parent) {
            @Override
            public Enumeration<URL> getResources(String name) throws IOException {
                List<URL> urls = Collections.list(parent.getResources(name));
                urls.removeIf(u -> u.toString().startsWith(testClasses));
                return Collections.enumeration(urls);
            }
        };
        return Thermodiff.injector(withoutTestPlugins, 1).getInstance(PluginRegistry.class);
    }

    /** Parses JSON text into a Jackson tree. */
    static JsonNode parseJson(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Compiles a draft-07 schema. */
    static JsonSchema compile(String schemaText) {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(parseJson(schemaText));
    }

    /** Reads {@code file} as thermodiff does. */
    static YamlNode readYaml(Path file) {
        try {
            return YamlLoader.load(file);
        } catch (InputException e) {
            throw new AssertionError("not valid YAML: " + e.problems(), e);
        }
    }

    /** The violations of {@code file}, in file order. */
    static List<Error> validate(JsonSchema schema, Path file) {
        YamlNode yaml = readYaml(file);
        List<Error> errors = new ArrayList<>();
        for (ValidationMessage m : schema.validate(json(yaml))) {
            errors.add(new Error(locate(yaml, m), m.getInstanceLocation().toString(), m.getProperty(), m.getMessage()));
        }
        errors.sort(Comparator.comparingInt((Error e) -> e.mark().line()).thenComparingInt(e -> e.mark().column())
                .thenComparing(Error::message));
        return errors;
    }

    /** The YAML tree as JSON: maps, lists and the scalars' resolved values. */
    static JsonNode json(YamlNode node) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (node instanceof YamlMap m) {
            ObjectNode o = f.objectNode();
            for (String key : m.keys()) {
                o.set(key, json(m.get(key).orElseThrow()));
            }
            return o;
        }
        if (node instanceof YamlList l) {
            ArrayNode a = f.arrayNode();
            l.items().forEach(item -> a.add(json(item)));
            return a;
        }
        Object v = ((YamlScalar) node).value();
        if (v == null) {
            return f.nullNode();
        }
        if (v instanceof Boolean b) {
            return f.booleanNode(b);
        }
        if (v instanceof Long n) {
            return f.numberNode(n);
        }
        if (v instanceof Double d) {
            return f.numberNode(d);
        }
        return f.textNode((String) v);
    }

    /**
     * Where a violation is: the key it names ({@code additionalProperties}, {@code propertyNames}) or
     * the node at its instance location, reached by its path; a node inside a map is located at its key.
     */
    static Mark locate(YamlNode root, ValidationMessage m) {
        JsonNodePath path = m.getInstanceLocation();
        YamlNode node = root;
        Mark mark = root.mark();
        for (int i = 0; i < path.getNameCount(); i++) {
            Object element = path.getElement(i);
            if (element instanceof Integer index && node instanceof YamlList list && index < list.items().size()) {
                node = list.items().get(index);
                mark = node.mark();
            } else if (element instanceof String key && node instanceof YamlMap map && map.get(key).isPresent()) {
                mark = map.keyMark(key);
                node = map.get(key).orElseThrow();
            } else {
                break;
            }
        }
        String property = m.getProperty();
        if (property != null && node instanceof YamlMap map && map.get(property).isPresent()) {
            return map.keyMark(property);
        }
        return mark;
    }
}
