package org.thermodiff.pipeline;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageCodec;

/**
 * Passes an immutable message object to its consumer as is. The pipeline runs in one JVM, so
 * nothing is serialised; a clustered deployment would need wire codecs and refuses this one.
 *
 * @param <T> the message type
 */
final class LocalCodec<T> implements MessageCodec<T, T> {

    private final Class<T> type;

    LocalCodec(Class<T> type) {
        this.type = type;
    }

    @Override
    public void encodeToWire(Buffer buffer, T message) {
        throw new UnsupportedOperationException(type.getSimpleName() + " is a local message and never leaves the JVM");
    }

    @Override
    public T decodeFromWire(int pos, Buffer buffer) {
        throw new UnsupportedOperationException(type.getSimpleName() + " is a local message and never leaves the JVM");
    }

    @Override
    public T transform(T message) {
        return message;
    }

    @Override
    public String name() {
        return "local:" + type.getName();
    }

    @Override
    public byte systemCodecID() {
        return -1;
    }
}
