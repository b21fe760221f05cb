package org.thermodiff.plugins.samplers;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fixed partition of the particles of one or more clouds into blocks, and the means to work on
 * the blocks in parallel.
 *
 * <p>The partition depends only on the cloud sizes and the block size, never on the number of
 * threads: every block is worked on by exactly one thread at a time and writes only its own
 * particles, and random streams are tied to blocks ({@link #cloud(int)}, {@link #indexInCloud(int)}),
 * so results are bit-identical whatever the parallelism. Immutable apart from the pool it uses.
 */
final class Blocks {

    /** Default block size: 4096 particles keep a block's state (a few arrays of {@code 4096·d} doubles) in L2. */
    static final int DEFAULT_SIZE = 4096;

    /** Work on one block: particles {@code [from, to)} of the global (all-clouds) index. */
    @FunctionalInterface
    interface Task {
        void run(int block, int from, int to);
    }

    private final int[] starts;
    private final int[] clouds;
    private final int[] indices;
    private final ForkJoinPool pool;
    private final int workers;

    private Blocks(int[] starts, int[] clouds, int[] indices, ForkJoinPool pool, int workers) {
        this.starts = starts;
        this.clouds = clouds;
        this.indices = indices;
        this.pool = pool;
        this.workers = workers;
    }

    /**
     * Blocks of at most {@code size} particles over clouds of the given sizes laid out one after the
     * other; no block straddles two clouds.
     *
     * @param pool    the pool that runs blocks besides the calling thread; unused when {@code workers ≤ 1}
     * @param workers how many threads (the caller included) work on blocks at once
     */
    static Blocks over(int[] cloudSizes, int size, ForkJoinPool pool, int workers) {
        if (size < 1) {
            throw new IllegalArgumentException("block size must be >= 1, got " + size);
        }
        int count = 0;
        for (int n : cloudSizes) {
            count += (n + size - 1) / size;
        }
        int[] starts = new int[count + 1];
        int[] clouds = new int[count];
        int[] indices = new int[count];
        int b = 0;
        int offset = 0;
        for (int c = 0; c < cloudSizes.length; c++) {
            for (int k = 0; k * size < cloudSizes[c]; k++, b++) {
                starts[b] = offset + k * size;
                clouds[b] = c;
                indices[b] = k;
            }
            offset += cloudSizes[c];
        }
        starts[count] = offset;
        return new Blocks(starts, clouds, indices, pool, workers);
    }

    int count() {
        return clouds.length;
    }

    int from(int block) {
        return starts[block];
    }

    int to(int block) {
        return starts[block + 1];
    }

    /** The cloud block {@code block} belongs to. */
    int cloud(int block) {
        return clouds[block];
    }

    /** The index of {@code block} among its cloud's blocks. */
    int indexInCloud(int block) {
        return indices[block];
    }

    /**
     * Runs {@code task} once on every block and returns when all are done. Threads claim blocks from
     * a shared counter, so which thread runs a block varies, but what a block computes does not.
     */
    void forEach(Task task) {
        int count = count();
        int parallel = Math.min(workers, count);
        if (parallel <= 1) {
            for (int b = 0; b < count; b++) {
                task.run(b, starts[b], starts[b + 1]);
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            for (int b = next.getAndIncrement(); b < count; b = next.getAndIncrement()) {
                task.run(b, starts[b], starts[b + 1]);
            }
        };
        ForkJoinTask<?>[] helpers = new ForkJoinTask<?>[parallel - 1];
        for (int k = 0; k < helpers.length; k++) {
            helpers[k] = pool.submit(worker);
        }
        Throwable failure = null;
        try {
            worker.run();
        } catch (RuntimeException | Error e) {
            failure = e;
            next.set(count);   // the helpers stop claiming blocks
        }
        for (ForkJoinTask<?> helper : helpers) {
            try {
                helper.join();
            } catch (RuntimeException | Error e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
    }
}
