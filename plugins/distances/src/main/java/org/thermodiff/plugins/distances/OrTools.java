package org.thermodiff.plugins.distances;

import com.google.ortools.Loader;

/** The one place where OR-Tools' native library is loaded (idempotent: later calls return at once). */
final class OrTools {

    private OrTools() {
    }

    static void load() {
        Loader.loadNativeLibraries();
    }
}
