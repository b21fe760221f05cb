package org.thermodiff.experiment;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run's resolved configuration as plain data (maps, lists, strings, numbers, booleans): every
 * plugin with every parameter, defaults included, spelt as in YAML. It is what provenance records,
 * so that a run can be repeated exactly.
 */
public final class Configurations {

    private Configurations() {
    }

    /** {@code tau}, {@code seed}, each plugin as {@code {type, name?, parameters…}}, metrics and time rule. */
    public static Map<String, Object> of(RunSpec spec) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("tau", spec.tau());
        out.put("seed", spec.seed());
        out.put("data", plugin(spec.data()));
        out.put("prior", plugin(spec.prior()));
        out.put("perturbation", plugin(spec.perturbation()));
        out.put("schedule", plugin(spec.schedule()));
        out.put("estimator", plugin(spec.estimator()));
        out.put("sampler", plugin(spec.sampler()));
        out.put("metrics", spec.metrics().stream().map(Configurations::plugin).toList());
        Map<String, Object> time = new LinkedHashMap<>();
        ExperimentLoader.TIME_RULES.forEach((name, type) -> {
            if (type.isInstance(spec.time())) {
                time.put("type", name);
            }
        });
        time.putAll(parameters((Record) spec.time()));
        out.put("time", time);
        return out;
    }

    /** {@code {type, name (if it differs), parameters…}}. */
    public static Map<String, Object> plugin(PluginSpec<?> spec) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", spec.name());
        if (!spec.label().equals(spec.name())) {
            out.put("name", spec.label());
        }
        out.putAll(parameters(spec.parameters()));
        return out;
    }

    /** A parameter record as YAML key → value. */
    public static Map<String, Object> parameters(Record record) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (RecordComponent c : record.getClass().getRecordComponents()) {
            try {
                c.getAccessor().setAccessible(true);
                out.put(ParameterBinder.key(c), plain(c.getAccessor().invoke(record)));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + c, e);
            }
        }
        return out;
    }

    private static Object plain(Object value) {
        if (value instanceof double[] d) {
            return Arrays.stream(d).boxed().toList();
        }
        if (value instanceof int[] i) {
            return Arrays.stream(i).boxed().toList();
        }
        if (value instanceof Enum<?> e) {
            return ParameterBinder.enumName(e);
        }
        if (value instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(v -> out.add(plain(v)));
            return out;
        }
        return value;
    }
}
