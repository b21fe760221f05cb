package org.thermodiff.cluster;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * This JVM's membership of a cluster: a clustered Vert.x instance (Hazelcast cluster manager) used
 * only for the JSON messages between coordinator and workers. The pipeline keeps its own local
 * Vert.x instance, so its in-JVM messages can never be routed to another member.
 */
public final class ClusterNode implements AutoCloseable {

    private final Vertx vertx;
    private final HazelcastClusterManager manager;

    private ClusterNode(Vertx vertx, HazelcastClusterManager manager) {
        this.vertx = vertx;
        this.manager = manager;
    }

    /**
     * Joins (or founds) the cluster; blocks until done.
     *
     * @throws ClusterException if the cluster cannot be joined within two minutes
     */
    public static ClusterNode join(ClusterSettings settings) {
        HazelcastClusterManager manager = new HazelcastClusterManager(settings.hazelcast());
        VertxOptions options = new VertxOptions();
        options.getEventBusOptions().setHost(settings.host()).setPort(0).setClusterPublicHost(settings.host());
        Vertx vertx;
        try {
            vertx = Vertx.builder().with(options).withClusterManager(manager).buildClustered()
                    .toCompletionStage().toCompletableFuture().get(2, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterException("interrupted while joining the " + settings.describe(), e);
        } catch (Exception e) {
            Throwable cause = e instanceof java.util.concurrent.ExecutionException && e.getCause() != null ? e.getCause() : e;
            throw new ClusterException("cannot join the " + settings.describe() + ": " + cause, cause);
        }
        // Only strings (JSON text) travel between members: refuse Java serialisation of anything.
        EventBus bus = vertx.eventBus();
        bus.clusterSerializableChecker(type -> false);
        bus.serializableChecker(type -> false);
        return new ClusterNode(vertx, manager);
    }

    /** The clustered Vert.x instance. */
    public Vertx vertx() {
        return vertx;
    }

    /** This member's node id, as {@link #nodes()} lists it. */
    public String nodeId() {
        return manager.getNodeId();
    }

    /** The node ids of the members now in the cluster, this one included. */
    public List<String> nodes() {
        return manager.getNodes();
    }

    @Override
    public void close() {
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            // Leaving anyway: the other members notice within seconds.
        }
    }
}
