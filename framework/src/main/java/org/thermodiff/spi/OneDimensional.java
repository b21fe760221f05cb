package org.thermodiff.spi;

/**
 * Marks a plugin product that works on the real line only (a quadrature sampler, the 1-D optimal
 * transport schedule, density profiles): experiments whose data live in {@code R^d}, {@code d > 1},
 * are refused when they are checked, naming the plugin, instead of failing while they run.
 */
public interface OneDimensional {
}
