package org.thermodiff.spi;

/** The parameter record of a plugin that takes none. */
public record NoParameters() {
}
