package org.thermodiff.spi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Describes one parameter of a plugin: a component of its parameter record.
 *
 * <p>The YAML key is the component name in kebab-case ({@code sigmaMax → sigma-max}). Supported
 * types: {@code int}, {@code long}, {@code double}, {@code boolean}, {@code String}, enums (written
 * in kebab-case lower case), {@code double[]} and {@code int[]}. Bounds apply to numbers and to
 * each element of arrays.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Param {

    /** Marks a parameter without default: the experiment must set it. */
    String REQUIRED = "\u0000required";

    /** What the parameter means, with its symbol and equation where there is one. */
    String doc();

    /** Default value, written as in YAML ({@code 1e-9}, {@code [0.5, 0.5]}, {@code rk4}). */
    String defaultValue() default REQUIRED;

    /** Smallest allowed value. */
    double min() default Double.NEGATIVE_INFINITY;

    /** Largest allowed value. */
    double max() default Double.POSITIVE_INFINITY;

    /** Whether {@link #min()} itself is excluded. */
    boolean exclusiveMin() default false;

    /** Whether {@link #max()} itself is excluded. */
    boolean exclusiveMax() default false;

    /** For a {@code String} naming another plugin: that plugin's family key (e.g. {@code distance}). */
    String family() default "";
}
