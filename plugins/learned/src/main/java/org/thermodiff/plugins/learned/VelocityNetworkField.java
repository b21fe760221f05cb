package org.thermodiff.plugins.learned;

import java.util.Optional;
import org.thermodiff.spi.process.TrainingLog;
import org.thermodiff.spi.process.VelocityField;

/** A field whose network outputs the velocity itself ({@code flow-matching}, {@code ot-cfm}). */
final class VelocityNetworkField implements VelocityField {

    private final Regressor network;
    private final TrainingLog log;

    VelocityNetworkField(Regressor network, TrainingLog log) {
        this.network = network;
        this.log = log;
    }

    @Override
    public int dimension() {
        return network.dimension();
    }

    @Override
    public void velocity(double t, double[] x, double[] v, int from, int to) {
        network.evaluate(t, x, v, from, to);
    }

    @Override
    public Optional<TrainingLog> training() {
        return Optional.of(log);
    }
}
