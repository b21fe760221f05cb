package org.thermodiff.experiment;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.thermodiff.spi.Param;
import org.thermodiff.yaml.InputException;
import org.thermodiff.yaml.Mark;
import org.thermodiff.yaml.YamlList;
import org.thermodiff.yaml.YamlLoader;
import org.thermodiff.yaml.YamlMap;
import org.thermodiff.yaml.YamlNode;
import org.thermodiff.yaml.YamlScalar;

/**
 * Binds a YAML map to a parameter record (see {@link Param}), reporting every unknown key, missing
 * key, wrong type and out-of-range value with its position, and running the record's own
 * validation (its canonical constructor) last.
 */
public final class ParameterBinder {

    private final Function<String, Set<String>> pluginNames;

    /**
     * @param pluginNames names registered in a family, by family key; used for {@code String}
     *                    parameters annotated with {@link Param#family()} ({@code null}: unchecked)
     */
    public ParameterBinder(Function<String, Set<String>> pluginNames) {
        this.pluginNames = pluginNames;
    }

    /** YAML key of a record component: camelCase to kebab-case. */
    public static String key(RecordComponent component) {
        return component.getName().replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    /** YAML spelling of an enum constant: lower-case kebab. */
    public static String enumName(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * Binds {@code map} to {@code type}.
     *
     * @param type     the parameter record
     * @param map      the YAML map
     * @param reserved keys of {@code map} that belong to the caller (e.g. {@code type}, {@code name})
     * @param path     dotted path of {@code map}, for messages
     * @param owner    what the parameters belong to, e.g. {@code sampler 'quadrature-1d'}
     * @param problems where problems go
     * @return the record, or empty if there were problems
     */
    <P extends Record> Optional<P> bind(Class<P> type, YamlMap map, Set<String> reserved, String path, String owner,
                                        Problems problems) {
        RecordComponent[] components = type.getRecordComponents();
        Set<String> keys = new LinkedHashSet<>();
        for (RecordComponent c : components) {
            keys.add(key(c));
        }
        int before = problems.size();
        for (String k : map.keys()) {
            if (!keys.contains(k) && !reserved.contains(k)) {
                String allowed = keys.isEmpty() ? owner + " takes no parameters"
                        : "Allowed keys for " + owner + ": " + String.join(", ", keys);
                problems.add(map.keyMark(k), join(path, k), "unknown key '" + k + "'." + Suggestions.hint(k, keys) + " " + allowed);
            }
        }
        Object[] args = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            String k = key(c);
            Param param = c.getAnnotation(Param.class);
            Optional<YamlNode> node = map.get(k);
            if (node.isPresent()) {
                args[i] = convert(c, param, node.get(), join(path, k), owner, problems);
            } else if (param != null && !param.defaultValue().equals(Param.REQUIRED)) {
                args[i] = defaultValue(type, c, param);
            } else {
                problems.add(map.mark(), join(path, k), "missing required key '" + k + "' for " + owner
                        + " (" + describe(c, param) + (param != null ? ": " + param.doc() : "") + ")");
            }
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        try {
            Constructor<P> ctor = type.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            ctor.setAccessible(true);
            return Optional.of(ctor.newInstance(args));
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IllegalArgumentException) {
                problems.add(map.mark(), path, owner + ": " + cause.getMessage());
                return Optional.empty();
            }
            throw new IllegalStateException("cannot construct " + type.getName(), cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot construct " + type.getName(), e);
        }
    }

    /**
     * The record with every parameter at its default (plugin-name parameters are not checked).
     *
     * @throws IllegalStateException if a parameter has no default
     */
    public static <P extends Record> P defaults(Class<P> type) {
        Problems problems = new Problems();
        YamlMap empty = new YamlMap(java.util.Map.of(), new Mark(Path.of("<defaults>"), 1, 1));
        return new ParameterBinder(family -> null).bind(type, empty, Set.of(), "", type.getSimpleName(), problems)
                .orElseThrow(() -> new IllegalStateException(type.getName() + " has required parameters: " + problems.list()));
    }

    /**
     * The record with every parameter at its default except {@code overrides}, keyed by record
     * component name (Java values, not YAML), for benchmarks and tests that build plugins by hand.
     *
     * @throws IllegalArgumentException if a key names no component
     */
    public static <P extends Record> P defaults(Class<P> type, java.util.Map<String, Object> overrides) {
        return with(defaults(type), overrides);
    }

    /**
     * A copy of {@code record} with {@code overrides} (record component name → value) replaced; the
     * record's own constructor checks apply.
     *
     * @throws IllegalArgumentException if a key names no component
     */
    @SuppressWarnings("unchecked")
    public static <P extends Record> P with(P record, java.util.Map<String, Object> overrides) {
        Class<P> type = (Class<P>) record.getClass();
        java.lang.reflect.RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] values = new Object[components.length];
        int used = 0;
        try {
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                if (overrides.containsKey(components[i].getName())) {
                    values[i] = overrides.get(components[i].getName());
                    used++;
                } else {
                    java.lang.reflect.Method accessor = components[i].getAccessor();
                    accessor.setAccessible(true);
                    values[i] = accessor.invoke(record);
                }
            }
            if (used != overrides.size()) {
                throw new IllegalArgumentException("unknown parameters among " + overrides.keySet() + " of "
                        + type.getSimpleName());
            }
            java.lang.reflect.Constructor<P> constructor = type.getDeclaredConstructor(types);
            constructor.setAccessible(true);
            return constructor.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make " + type.getSimpleName() + ": " + e, e);
        }
    }

    private Object defaultValue(Class<?> type, RecordComponent c, Param param) {
        Problems problems = new Problems();
        try {
            YamlNode node = YamlLoader.parse(Path.of("<default of " + type.getSimpleName() + "." + c.getName() + ">"),
                    param.defaultValue());
            Object value = convert(c, param, node, key(c), type.getSimpleName(), problems);
            if (problems.isEmpty()) {
                return value;
            }
        } catch (InputException e) {
            problems.addAll(e);
        }
        throw new IllegalStateException("invalid default for " + type.getName() + "." + c.getName() + ": " + problems.list());
    }

    private Object convert(RecordComponent c, Param param, YamlNode node, String path, String owner, Problems problems) {
        Class<?> t = c.getType();
        if (t == double[].class || t == int[].class) {
            if (!(node instanceof YamlList list)) {
                problems.add(node.mark(), path, "expected " + describe(c, param) + ", found " + found(node));
                return null;
            }
            Class<?> element = t == double[].class ? double.class : int.class;
            List<Object> values = new ArrayList<>();
            int before = problems.size();
            for (int i = 0; i < list.items().size(); i++) {
                values.add(scalar(element, param, list.items().get(i), path + "[" + i + "]", owner, problems));
            }
            if (problems.size() > before) {
                return null;
            }
            if (element == double.class) {
                return values.stream().mapToDouble(v -> (Double) v).toArray();
            }
            return values.stream().mapToInt(v -> (Integer) v).toArray();
        }
        return scalar(t, param, node, path, owner, problems);
    }

    private Object scalar(Class<?> t, Param param, YamlNode node, String path, String owner, Problems problems) {
        String expected = describeScalar(t, param);
        if (!(node instanceof YamlScalar s) || s.value() == null) {
            problems.add(node.mark(), path, "expected " + expected + ", found " + found(node));
            return null;
        }
        Object v = s.value();
        if (t == double.class) {
            if (!(v instanceof Long) && !(v instanceof Double)) {
                problems.add(s.mark(), path, "expected " + expected + ", found " + found(s));
                return null;
            }
            double d = ((Number) v).doubleValue();
            if (Double.isNaN(d) || !inRange(d, param)) {
                problems.add(s.mark(), path, "expected " + expected + ", found " + s.text());
                return null;
            }
            return d;
        }
        if (t == int.class || t == long.class) {
            if (!(v instanceof Long l) || (t == int.class && (l < Integer.MIN_VALUE || l > Integer.MAX_VALUE))
                    || !inRange((Long) v, param)) {
                problems.add(s.mark(), path, "expected " + expected + ", found " + found(s));
                return null;
            }
            return t == int.class ? (Object) ((Long) v).intValue() : v;
        }
        if (t == boolean.class) {
            if (!(v instanceof Boolean)) {
                problems.add(s.mark(), path, "expected " + expected + ", found " + found(s));
                return null;
            }
            return v;
        }
        if (t == String.class) {
            String text = s.text();
            if (param != null && !param.family().isEmpty()) {
                Set<String> names = pluginNames.apply(param.family());
                if (names != null && !names.contains(text)) {
                    problems.add(s.mark(), path, "unknown " + param.family() + " '" + text + "'."
                            + Suggestions.hint(text, names) + " Known: " + String.join(", ", names));
                    return null;
                }
            }
            return text;
        }
        if (t.isEnum()) {
            for (Object constant : t.getEnumConstants()) {
                // Case and '_' versus '-' do not matter: RK4, rk4 and Dormand_Prince are all understood.
                if (enumName((Enum<?>) constant).equals(s.text().toLowerCase(Locale.ROOT).replace('_', '-'))) {
                    return constant;
                }
            }
            List<String> choices = choices(t);
            problems.add(s.mark(), path, "expected one of " + String.join(", ", choices) + ", found '" + s.text() + "'."
                    + Suggestions.hint(s.text(), choices));
            return null;
        }
        throw new IllegalStateException("unsupported parameter type " + t.getName() + " in " + owner);
    }

    private static String found(YamlNode node) {
        if (node instanceof YamlScalar s && s.value() != null) {
            return s.kind() + " '" + s.text() + "'";
        }
        return node.kind();
    }

    private static boolean inRange(double d, Param param) {
        if (param == null) {
            return Double.isFinite(d);
        }
        boolean lower = param.exclusiveMin() ? d > param.min() : d >= param.min();
        boolean upper = param.exclusiveMax() ? d < param.max() : d <= param.max();
        // Default bounds are infinite, so an infinite value is never within them (".inf" is no "number > 0").
        return lower && upper && Double.isFinite(d);
    }

    private static List<String> choices(Class<?> enumType) {
        return Arrays.stream(enumType.getEnumConstants()).map(e -> enumName((Enum<?>) e)).collect(Collectors.toList());
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** What the component expects, in words. */
    static String describe(RecordComponent c, Param param) {
        Class<?> t = c.getType();
        if (t == double[].class) {
            return "a list of " + plural(describeScalar(double.class, param));
        }
        if (t == int[].class) {
            return "a list of " + plural(describeScalar(int.class, param));
        }
        return describeScalar(t, param);
    }

    private static String plural(String singular) {
        return singular.replaceFirst("^an? (\\w+)", "$1s");
    }

    private static String describeScalar(Class<?> t, Param param) {
        String range = param == null ? "" : range(param);
        if (t == double.class) {
            return "a number" + range;
        }
        if (t == int.class || t == long.class) {
            return "an integer" + range;
        }
        if (t == boolean.class) {
            return "true or false";
        }
        if (t.isEnum()) {
            return "one of " + String.join(", ", choices(t));
        }
        if (param != null && !param.family().isEmpty()) {
            return "the name of a " + param.family() + " plugin";
        }
        return "a string";
    }

    private static String range(Param p) {
        boolean hasMin = p.min() != Double.NEGATIVE_INFINITY;
        boolean hasMax = p.max() != Double.POSITIVE_INFINITY;
        if (hasMin && hasMax) {
            return " in " + (p.exclusiveMin() ? "(" : "[") + fmt(p.min()) + ", " + fmt(p.max()) + (p.exclusiveMax() ? ")" : "]");
        }
        if (hasMin) {
            return (p.exclusiveMin() ? " > " : " ≥ ") + fmt(p.min());
        }
        if (hasMax) {
            return (p.exclusiveMax() ? " < " : " ≤ ") + fmt(p.max());
        }
        return "";
    }

    private static String fmt(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    /** The parameters of {@code type}, for listings. */
    public static List<ParameterInfo> describe(Class<? extends Record> type) {
        List<ParameterInfo> out = new ArrayList<>();
        for (RecordComponent c : type.getRecordComponents()) {
            Param p = c.getAnnotation(Param.class);
            Optional<String> def = p == null || p.defaultValue().equals(Param.REQUIRED) ? Optional.empty()
                    : Optional.of(p.defaultValue());
            out.add(new ParameterInfo(key(c), describe(c, p), def, p == null ? "" : p.doc()));
        }
        return out;
    }
}
