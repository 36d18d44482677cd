package io.tributary.examples.ssh_tunnels;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;
import org.apache.sshd.common.util.net.SshdSocketAddress;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.forward.AgentForwardingFilter;
import org.apache.sshd.server.forward.ForwardingFilter;
import org.apache.sshd.server.forward.TcpForwardingFilter;
import org.apache.sshd.server.forward.X11ForwardingFilter;

/**
 * A real SSH server (Apache MINA SSHD) on 127.0.0.1 and a free port, as the tunnel's server or jump host: one user
 * who logs in with {@link #PASSWORD} or an authorized key, and local port forwarding that it records and that a
 * test can refuse. It counts the sessions it accepted and the passwords it was sent.
 */
final class TestSshServer implements AutoCloseable {
    static final String USER = "tunnel";
    static final String PASSWORD = "ssh-pw-5c1e";

    private final SshServer server = SshServer.setUpDefaultServer();
    private final KeyPair hostKey;
    private final List<String> forwards = new CopyOnWriteArrayList<>();
    private final AtomicInteger sessions = new AtomicInteger();
    private final AtomicInteger passwordsTried = new AtomicInteger();
    private volatile boolean forwardingAllowed = true;

    private TestSshServer(List<PublicKey> authorizedKeys) throws Exception {
        hostKey = TestKeys.ecdsa();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
        server.setPasswordAuthenticator((user, password, session) -> {
            passwordsTried.incrementAndGet();
            return USER.equals(user) && PASSWORD.equals(password);
        });
        server.setPublickeyAuthenticator((user, key, session) ->
                USER.equals(user) && authorizedKeys.stream().anyMatch(k -> KeyUtils.compareKeys(k, key)));
        server.setForwardingFilter(ForwardingFilter.asForwardingFilter(AgentForwardingFilter.of(false),
                X11ForwardingFilter.of(false), new RecordingTcpFilter()));
        server.addSessionListener(new SessionListener() {
            @Override
            public void sessionCreated(Session session) {
                sessions.incrementAndGet();
            }
        });
        server.start();
    }

    /** Started; with no authorized keys, only the password logs in. */
    static TestSshServer start(PublicKey... authorizedKeys) throws Exception {
        return new TestSshServer(List.of(authorizedKeys));
    }

    int port() {
        return ((InetSocketAddress) server.getBoundAddresses().iterator().next()).getPort();
    }

    /** The host key's fingerprint as {@code ssh-keygen -lf} prints it: {@code SHA256:...}. */
    String hostKeyFingerprint() {
        return KeyUtils.getFingerPrint(hostKey.getPublic());
    }

    /** Every {@code host:port} a client asked this server to connect to, in order. */
    List<String> forwards() {
        return List.copyOf(forwards);
    }

    int sessionsAccepted() {
        return sessions.get();
    }

    int openSessions() {
        return server.getActiveSessions().size();
    }

    int passwordsTried() {
        return passwordsTried.get();
    }

    void refuseForwarding() {
        forwardingAllowed = false;
    }

    @Override
    public void close() throws IOException {
        server.stop(true);
    }

    private final class RecordingTcpFilter implements TcpForwardingFilter {
        @Override
        public boolean canListen(SshdSocketAddress address, Session session) {
            return false; // remote forwarding: the connector never asks for it
        }

        @Override
        public boolean canConnect(Type type, SshdSocketAddress address, Session session) {
            forwards.add(address.getHostName() + ":" + address.getPort());
            return forwardingAllowed;
        }
    }
}
