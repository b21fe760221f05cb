package org.thermodiff.plugins.learned;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.rng.simple.RandomSource;
import org.thermodiff.experiment.ParameterBinder;
import org.thermodiff.spi.MultivariateDistribution;
import org.thermodiff.spi.process.ForwardProcess;
import org.thermodiff.spi.process.GaussianPath;

/**
 * The model cache key: SHA-256 of everything that affects training — the format, DJL and PyTorch
 * versions, the estimator and every training parameter (the cache directory aside), the effective
 * seed, {@code τ}, the dimension, the path coefficients at nine times and its angular rate
 * {@code ω} (models for different {@code g} of the {@code rotating} schedule never collide), and the
 * data and prior.
 * A law enters by its description and by 32 draws from a fixed seed, which tell apart laws whose
 * descriptions round their parameters.
 *
 * @param hash        the hex digest
 * @param description the text that was hashed, for {@code training.properties}
 */
record TrainingKey(String hash, String description) {

    /** Bump when anything in training changes meaning, so that old models are not reused. */
    private static final int FORMAT = 1;

    static TrainingKey of(String estimator, LearnedParams p, long seed, ForwardProcess forward,
                          MultivariateDistribution data, MultivariateDistribution prior) {
        StringBuilder s = new StringBuilder();
        s.append("format=").append(FORMAT).append('\n');
        s.append("djl=").append(ai.djl.engine.Engine.getDjlVersion()).append('\n');
        s.append("estimator=").append(estimator).append('\n');
        // Where the cache lives does not change the model; the effective seed does.
        s.append("params=").append(ParameterBinder.with(p, Map.of("seed", seed, "cache", ""))).append('\n');
        s.append("tau=").append(forward.tau()).append(" dimension=").append(data.dimension()).append('\n');
        s.append("process=").append(forward.describe()).append('\n');
        forward.gaussianPath().ifPresent(path -> s.append("path=").append(coefficients(path)).append('\n'));
        s.append("data=").append(fingerprint(data)).append('\n');
        s.append("prior=").append(fingerprint(prior)).append('\n');
        String text = s.toString();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return new TrainingKey(HexFormat.of().formatHex(digest), text);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    private static String coefficients(GaussianPath path) {
        StringBuilder s = new StringBuilder(path.name());
        for (int i = 0; i <= 8; i++) {
            double t = path.tau() * i / 8;
            s.append(String.format(Locale.ROOT, " %.17g/%.17g", path.m(t), path.sigma(t)));
        }
        if (path.angularRate() != 0) { // only then, so that the keys of unrotated paths stay as they were
            s.append(String.format(Locale.ROOT, " omega=%.17g", path.angularRate()));
        }
        return s.toString();
    }

    private static String fingerprint(MultivariateDistribution law) {
        double[] draws = law.pointSampler(RandomSource.SPLIT_MIX_64.create(20240704L)).sample(32, law.dimension());
        StringBuilder s = new StringBuilder(law.describe());
        for (double v : draws) {
            s.append(' ').append(Double.toHexString(v));
        }
        return s.toString();
    }
}
