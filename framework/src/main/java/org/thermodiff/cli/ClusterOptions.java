package org.thermodiff.cli;

import java.util.ArrayList;
import java.util.List;
import org.thermodiff.cluster.ClusterSettings;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Options of the commands that can join a cluster ({@code run --cluster}, {@code worker --cluster}). */
final class ClusterOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--cluster", description = "join a cluster of thermodiff JVMs over the clustered Vert.x event bus "
            + "(Hazelcast, TCP-IP discovery, no multicast)")
    boolean enabled;

    @Option(names = "--cluster-name", paramLabel = "NAME", description = "members only join a cluster of the same name "
            + "(default: ${DEFAULT-VALUE})")
    String name = ClusterSettings.DEFAULT_NAME;

    @Option(names = "--cluster-host", paramLabel = "IP", description = "the interface to listen on (default: "
            + "${DEFAULT-VALUE}, so only this machine can join; give a LAN address to span machines)")
    String host = ClusterSettings.LOOPBACK;

    @Option(names = "--cluster-port", paramLabel = "PORT", description = "first cluster port; the next "
            + (ClusterSettings.PORT_COUNT - 1) + " are tried in turn (default: ${DEFAULT-VALUE})")
    int port = ClusterSettings.DEFAULT_PORT;

    @Option(names = "--members", paramLabel = "HOST[:PORT]", split = ",", description = "where to look for the "
            + "other members; a host without port is tried on the cluster ports (default: --cluster-host)")
    List<String> members = new ArrayList<>();

    /** The validated settings; a bad value is a usage error (exit 2) naming the option. */
    ClusterSettings settings() {
        try {
            return new ClusterSettings(name, host, port, members.isEmpty() ? List.of(host) : members);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
