package org.thermodiff.examples.warped;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.thermodiff.experiment.ParameterBinder;
import org.thermodiff.experiment.ParameterInfo;
import org.thermodiff.plugin.PluginRegistry;
import org.thermodiff.spi.PluginFamily;
import org.thermodiff.spi.PluginModule;
import org.thermodiff.spi.Schedule;

class WarpedSchedulePluginsTest {

    /** The services file names the module, so that thermodiff discovers it in the jar. */
    @Test
    void servicesFileListsTheModule() {
        List<String> modules = ServiceLoader.load(PluginModule.class, getClass().getClassLoader()).stream()
                .map(provider -> provider.type().getName()).toList();

        assertEquals(List.of(WarpedSchedulePlugins.class.getName()), modules);
    }

    @Test
    void registersTheScheduleWithItsParameter() {
        PluginRegistry registry = Guice.createInjector(new WarpedSchedulePlugins()).getInstance(PluginRegistry.class);

        assertEquals(Set.of("warped-cond-ot"), registry.names(PluginFamily.SCHEDULE));
        Schedule schedule = registry.create(PluginFamily.SCHEDULE, "warped-cond-ot", new WarpedCondOtSchedule.Params(3));
        WarpedCondOtSchedule warped = assertInstanceOf(WarpedCondOtSchedule.class, schedule);
        assertEquals(1 - 0.125, warped.m(0.5), 1e-16, "m = 1 − s³");
        List<ParameterInfo> parameters = ParameterBinder.describe(WarpedCondOtSchedule.Params.class);
        assertEquals(1, parameters.size(), parameters::toString);
        assertEquals("k", parameters.get(0).key());
        assertEquals("2", parameters.get(0).defaultValue().orElseThrow());
        assertTrue(parameters.get(0).type().contains("1"), "k ≥ 1 is part of its type: " + parameters.get(0).type());
    }
}
