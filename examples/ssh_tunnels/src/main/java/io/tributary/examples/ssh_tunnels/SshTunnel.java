package io.tributary.examples.ssh_tunnels;

import io.tributary.sdk.ConnectorException;
import io.tributary.sdk.Log;
import java.io.IOException;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.client.session.forward.ExplicitPortForwardingTracker;
import org.apache.sshd.common.keyprovider.KeyIdentityProvider;
import org.apache.sshd.common.util.net.SshdSocketAddress;

/**
 * A local port forwarded through an SSH server to a target, as sshtunnel's {@code SSHTunnelForwarder} does:
 * connections to {@code 127.0.0.1:localPort()} come out of the SSH server and go on to the target. With a jump
 * host, the SSH server is itself reached through a forward on the jump host ({@code ssh -J}). Closing the tunnel
 * closes every forward, session and client, with their threads.
 */
final class SshTunnel implements AutoCloseable {
    static final Duration TIMEOUT = Duration.ofSeconds(30);
    static final String LOOPBACK = "127.0.0.1";

    /** What to close, last opened first. */
    private final Deque<AutoCloseable> opened = new ArrayDeque<>();
    private Forward toTarget;

    private SshTunnel() {
    }

    /**
     * Logs in to {@code server} (through {@code jump} when not null) and forwards {@code localPort} (0: any free
     * port) to {@code targetHost:targetPort} as the server sees it.
     */
    static SshTunnel open(SshLogin server, SshLogin jump, String targetHost, int targetPort, int localPort) {
        // Keys first: a key that cannot be read fails before any server is contacted.
        List<KeyPair> serverKeys = PrivateKeys.load(server);
        List<KeyPair> jumpKeys = jump == null ? List.of() : PrivateKeys.load(jump);
        SshTunnel tunnel = new SshTunnel();
        try {
            ClientSession session;
            if (jump == null) {
                session = tunnel.login(server, serverKeys, server.host(), server.port());
            } else {
                ClientSession jumpSession = tunnel.login(jump, jumpKeys, jump.host(), jump.port());
                Forward toServer = tunnel.forward(jumpSession, jump, 0, new SshdSocketAddress(server.host(),
                        server.port()), server.key("host") + " and " + server.key("port"));
                try {
                    session = tunnel.login(server, serverKeys, LOOPBACK, toServer.port());
                } catch (Unreachable e) {
                    ConnectorException refused = toServer.refusal(e);
                    throw refused != null ? refused : e;
                }
            }
            tunnel.toTarget = tunnel.forward(session, server, localPort,
                    new SshdSocketAddress(targetHost, targetPort), "remote_host and remote_port");
            Log.info("SSH tunnel open: " + LOOPBACK + ":" + tunnel.localPort() + " -> " + server.address()
                    + (jump == null ? "" : " (through " + jump.address() + ")") + " -> " + tunnel.target());
            return tunnel;
        } catch (RuntimeException e) {
            tunnel.close();
            throw e;
        }
    }

    /** The port on {@value #LOOPBACK} that leads to the target. */
    int localPort() {
        return toTarget.port();
    }

    /** Where the tunnel leads, as the SSH server sees it: {@code host:port}. */
    String target() {
        return toTarget.target();
    }

    /**
     * For a failure of the source behind the tunnel: when the SSH server refuses to connect to the target, its
     * reason and what to fix (the source only saw its connection dropped); otherwise null.
     */
    ConnectorException refusal(Exception failure) {
        return toTarget.refusal(failure);
    }

    private ClientSession login(SshLogin login, List<KeyPair> keys, String host, int port) {
        HostKeyCheck hostKey = new HostKeyCheck(login);
        SshClient client = SshClient.setUpDefaultClient();
        client.setServerKeyVerifier(hostKey);
        // Only what the configuration says: not the ~/.ssh/config or ~/.ssh/id_* keys of whoever runs the connector.
        client.setHostConfigEntryResolver(HostConfigEntryResolver.EMPTY);
        client.setKeyIdentityProvider(KeyIdentityProvider.EMPTY_KEYS_PROVIDER);
        client.start();
        opened.push(client::stop);
        ClientSession session;
        try {
            session = client.connect(login.user(), host, port).verify(TIMEOUT).getClientSession();
        } catch (IOException e) {
            throw hostKey.refused() ? new ConnectorException(hostKey.refusalMessage(), e) : unreachable(login, e);
        }
        opened.push(session);
        keys.forEach(session::addPublicKeyIdentity);
        if (login.password() != null) {
            session.addPasswordIdentity(login.password());
        }
        try {
            session.auth().verify(TIMEOUT);
        } catch (IOException e) {
            if (hostKey.refused()) {
                throw new ConnectorException(hostKey.refusalMessage(), e);
            }
            if (session.getServerVersion() == null) {
                throw unreachable(login, e); // dropped before the server said hello: no SSH server there
            }
            throw new ConnectorException("the SSH server at " + login.address() + " did not accept the login of '"
                    + login.user() + "': " + Forward.rootMessage(e) + ". Check " + login.credentialKeys()
                    + " in configuration.json", e);
        }
        return session;
    }

    private Forward forward(ClientSession session, SshLogin from, int port, SshdSocketAddress target,
                            String targetKeys) {
        try {
            ExplicitPortForwardingTracker tracker = session.createLocalPortForwardingTracker(
                    new SshdSocketAddress(LOOPBACK, port), target);
            opened.push(tracker);
            return new Forward(session, from, target, targetKeys, tracker.getBoundAddress().getPort());
        } catch (IOException e) {
            throw new ConnectorException("cannot listen on " + LOOPBACK + ":" + port + " for the SSH tunnel: "
                    + Forward.rootMessage(e) + ". Choose another local_port, or leave it out to take any free port", e);
        }
    }

    private static Unreachable unreachable(SshLogin login, IOException e) {
        return new Unreachable("cannot reach the SSH server at " + login.address() + ": "
                + Forward.rootMessage(e) + ". Check " + login.key("host") + " and " + login.key("port")
                + ", and that the server accepts connections from this machine", e);
    }

    /** No SSH server answered: the connection was refused, timed out or dropped before the server's greeting. */
    private static final class Unreachable extends ConnectorException {
        Unreachable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    @Override
    public void close() {
        while (!opened.isEmpty()) {
            try {
                opened.pop().close();
            } catch (Exception e) {
                Log.warning("closing the SSH tunnel: " + e.getMessage());
            }
        }
    }
}
