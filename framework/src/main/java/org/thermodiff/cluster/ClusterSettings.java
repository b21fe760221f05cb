package org.thermodiff.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Where a cluster member listens and whom it looks for: Hazelcast with TCP-IP discovery only (no
 * multicast, no cloud auto-detection), bound to one interface — loopback unless told otherwise.
 *
 * @param name    the cluster's name: members of clusters with other names never join each other
 * @param host    the IP address this member binds to (Hazelcast and the event bus alike)
 * @param port    the first Hazelcast port tried; the next {@link #PORT_COUNT} − 1 are tried in turn,
 *                so several members can share a host
 * @param members where to look for other members, as {@code host} (its ports {@code port} to
 *                {@code port + PORT_COUNT − 1}) or {@code host:port}
 */
public record ClusterSettings(String name, String host, int port, List<String> members) {

    /** Hazelcast's customary first port. */
    public static final int DEFAULT_PORT = 5701;
    /** Ports tried from {@link #port}: up to this many members on one host. */
    public static final int PORT_COUNT = 20;
    /** Name of the cluster when none is given. */
    public static final String DEFAULT_NAME = "thermodiff";
    /** The default interface: only processes on this machine can join. */
    public static final String LOOPBACK = "127.0.0.1";

    private static final Pattern MEMBER = Pattern.compile("[A-Za-z0-9.-]+(:\\d{1,5})?");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    /**
     * Validated settings.
     *
     * @throws IllegalArgumentException naming the setting, what was given and what is allowed
     */
    public ClusterSettings {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("cluster name '" + name + "' must be 1 to 64 letters, digits, '.', '_' or '-'");
        }
        try {
            host = InetAddress.getByName(host).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("cluster host '" + host + "' is not an address of this machine");
        }
        if (port < 1 || port > 65535 - PORT_COUNT) {
            throw new IllegalArgumentException("cluster port must be between 1 and " + (65535 - PORT_COUNT) + ", got " + port);
        }
        members = List.copyOf(members);
        for (String m : members) {
            if (!MEMBER.matcher(m).matches()) {
                throw new IllegalArgumentException("cluster member '" + m + "' must be host or host:port");
            }
        }
    }

    /**
     * Settings on loopback.
     *
     * @param name    the cluster's name
     * @param port    the first port
     * @param members the members to look for; empty: loopback
     */
    public static ClusterSettings loopback(String name, int port, List<String> members) {
        return new ClusterSettings(name, LOOPBACK, port, members.isEmpty() ? List.of(LOOPBACK) : members);
    }

    /**
     * The Hazelcast configuration: Vert.x's defaults for its own maps, with the network restricted as
     * described above, failure detection within seconds (a worker killed mid-run must have its runs
     * re-dispatched promptly, not after Hazelcast's default minute), Hazelcast's logs through
     * java.util.logging, and no phoning home.
     */
    Config hazelcast() {
        Config config = ConfigUtil.loadConfig();
        config.setClusterName(name);
        config.setProperty("hazelcast.logging.type", "jdk");
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.socket.bind.any", "false");
        config.setProperty("hazelcast.heartbeat.interval.seconds", "1");
        config.setProperty("hazelcast.max.no.heartbeat.seconds", "5");
        config.setProperty("hazelcast.wait.seconds.before.join", "1");
        // Members started at the same moment may each found a cluster; merge them within seconds, not minutes.
        config.setProperty("hazelcast.merge.first.run.delay.seconds", "5");
        config.setProperty("hazelcast.merge.next.run.delay.seconds", "5");
        config.setProperty("hazelcast.tcp.join.port.try.count", Integer.toString(PORT_COUNT)); // a member given without port
        NetworkConfig network = config.getNetworkConfig();
        network.setPort(port).setPortAutoIncrement(true).setPortCount(PORT_COUNT);
        network.getInterfaces().setEnabled(true).setInterfaces(List.of(host));
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).setMembers(members);
        return config;
    }

    /**
     * A first cluster port that was free a moment ago, with room for {@link #PORT_COUNT} members after
     * it: for clusters of tests and benchmarks that must not meet another cluster on this machine.
     */
    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return Math.min(s.getLocalPort(), 65535 - 2 * PORT_COUNT);
        }
    }

    /** One line for logs. */
    public String describe() {
        return "cluster '" + name + "' on " + host + " (ports from " + port + ", looking for " + String.join(", ", members) + ")";
    }
}
