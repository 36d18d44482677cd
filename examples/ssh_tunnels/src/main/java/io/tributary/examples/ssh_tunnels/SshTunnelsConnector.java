package io.tributary.examples.ssh_tunnels;

import io.tributary.sdk.Configuration;
import io.tributary.sdk.Configuration.ConfigurationException;
import io.tributary.sdk.Connector;
import io.tributary.sdk.ConnectorException;
import io.tributary.sdk.Log;
import io.tributary.sdk.Operations;
import io.tributary.sdk.State;
import io.tributary.sdk.Table;
import io.tributary.sdk.http.RequestPolicy;
import java.util.List;
import java.util.Locale;

/**
 * A port of Fivetran's {@code ssh_tunnels} examples: reads a source that only an SSH server can reach, through a
 * local port forwarded over SSH. {@code source} picks what is behind the tunnel: {@code api}, the users of an HTTP
 * API (the key- and password-based originals), or {@code postgres}, a table read incrementally (the bastion
 * original). The SSH login uses {@code ssh_private_key}, {@code ssh_password} or both; {@code jump_host} adds a
 * jump host in front of the SSH server. The tunnel is closed when the sync ends, whether it succeeded or not.
 */
public class SshTunnelsConnector implements Connector {
    static final String SOURCE = "source";

    /** What is behind the tunnel. */
    enum Source { API, POSTGRES }

    private final RequestPolicy policy;

    public SshTunnelsConnector() {
        this(RequestPolicy.defaults());
    }

    /** For tests: a policy with short backoffs. */
    SshTunnelsConnector(RequestPolicy policy) {
        this.policy = policy;
    }

    @Override
    public List<Table> schema(Configuration configuration) {
        return List.of(source(configuration) == Source.API ? ApiUsers.table() : SampleUsers.table());
    }

    @Override
    public void update(Configuration configuration, State state, Operations operations) throws Exception {
        Log.warning("Example: Common Patterns For Connectors - SSH tunnels");
        Source source = source(configuration);
        // Every setting is checked before any server is contacted.
        SshLogin server = SshLogin.from(configuration, "ssh_");
        SshLogin jump = configuration.get("jump_host", "").isBlank() ? null : SshLogin.from(configuration, "jump_");
        String remoteHost = configuration.get("remote_host", SshTunnel.LOOPBACK).trim();
        int remotePort = configuration.getInt("remote_port",
                source == Source.API ? ApiUsers.DEFAULT_PORT : SampleUsers.DEFAULT_PORT);
        int localPort = configuration.getInt("local_port", 0);
        if (source == Source.API) {
            ApiUsers.checkConfiguration(configuration);
        } else {
            SampleUsers.checkConfiguration(configuration);
        }

        try (SshTunnel tunnel = SshTunnel.open(server, jump, remoteHost, remotePort, localPort)) {
            try {
                if (source == Source.API) {
                    ApiUsers.sync(tunnel, configuration, policy, state, operations);
                } else {
                    SampleUsers.sync(tunnel, configuration, state, operations);
                }
            } catch (Exception e) {
                ConnectorException refused = tunnel.refusal(e);
                throw refused != null ? refused : e;
            }
        }
    }

    private static Source source(Configuration configuration) {
        String value = configuration.get(SOURCE, "api").trim().toUpperCase(Locale.ROOT);
        try {
            return Source.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(SOURCE, "configuration key '" + SOURCE + "' must be api or postgres, "
                    + "got \"" + configuration.get(SOURCE) + "\"");
        }
    }
}
