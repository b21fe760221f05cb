package org.thermodiff.plugins.learned;

import ai.djl.engine.Engine;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The PyTorch engine, set up for offline, reproducible use before its first use in this JVM.
 *
 * <p>Offline: {@code ai.djl.offline=true} unless {@code THERMODIFF_DJL_ONLINE=1}, so libtorch
 * comes from the {@code pytorch-native-cpu} jar on the class path (or from
 * {@code PYTORCH_LIBRARY_PATH}) and nothing is downloaded. Natives are unpacked once into the
 * engine cache: {@code ENGINE_CACHE_DIR} (environment or system property) where set, else
 * {@code ~/.thermodiff/djl}. One intra-op thread per computation: small networks gain nothing from
 * more, runs train in parallel on the worker pool instead, and single-threaded kernels keep
 * results independent of the machine's core count.
 *
 * <p>These are JVM-wide system properties that DJL reads when the engine loads; they are set only
 * where the user has not set them.
 */
final class Engines {

    /**
     * DJL probes for CUDA through the system's libcudart when there is one and warns when the driver
     * cannot run it, on every run, though the CPU build never uses a GPU; that probe's warnings are
     * dropped (held here: java.util.logging keeps loggers only weakly).
     */
    private static final Logger CUDA_PROBE = Logger.getLogger("ai.djl.util.cuda.CudaUtils");

    private Engines() {
    }

    /** The engine, configured as above. */
    static synchronized Engine pytorch() {
        CUDA_PROBE.setLevel(Level.SEVERE);
        if (!"1".equals(System.getenv("THERMODIFF_DJL_ONLINE"))) {
            setIfAbsent("ai.djl.offline", "true");
        }
        if (System.getenv("ENGINE_CACHE_DIR") == null) {
            setIfAbsent("ENGINE_CACHE_DIR", System.getProperty("user.home") + "/.thermodiff/djl");
        }
        setIfAbsent("ai.djl.pytorch.num_threads", "1");
        setIfAbsent("ai.djl.pytorch.num_interop_threads", "1");
        setIfAbsent("ai.djl.pytorch.graph_optimizer", "false");
        try {
            return Engine.getEngine("PyTorch");
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            throw new IllegalStateException("the PyTorch engine did not load (" + e.getMessage() + "); the learned "
                    + "estimators need the pytorch-native-cpu linux-x86_64 jar on the class path, or libtorch 2.7.1 in "
                    + "PYTORCH_LIBRARY_PATH", e);
        }
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
