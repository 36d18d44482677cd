package io.tributary.examples.ssh_tunnels;

import io.tributary.sdk.ConnectorException;
import java.io.IOException;
import org.apache.sshd.client.channel.ChannelDirectTcpip;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.channel.exception.SshChannelOpenException;
import org.apache.sshd.common.util.net.SshdSocketAddress;

/**
 * One local port forwarded through an SSH session to a target. When the server refuses to connect to the target,
 * the client behind the local port (HTTP, JDBC, or the SSH client of the next hop) only sees its connection
 * dropped; {@link #refusal} asks the server again to learn why.
 */
final class Forward {
    private final ClientSession session;
    private final SshLogin from;
    private final SshdSocketAddress target;
    private final String targetKeys;
    private final int port;

    Forward(ClientSession session, SshLogin from, SshdSocketAddress target, String targetKeys, int port) {
        this.session = session;
        this.from = from;
        this.target = target;
        this.targetKeys = targetKeys;
        this.port = port;
    }

    /** The local port that leads to the target. */
    int port() {
        return port;
    }

    String target() {
        return target.getHostName() + ":" + target.getPort();
    }

    /**
     * After {@code failure} of whatever used this forward: opens one connection to the target through the server.
     * If the server refuses it, returns the server's reason and what to fix, with {@code failure} as the cause;
     * otherwise (it connects, or the session is gone) returns null and {@code failure} stands. Only failed syncs
     * pay for this extra connection.
     */
    ConnectorException refusal(Throwable failure) {
        if (!session.isOpen()) {
            return null;
        }
        try (ChannelDirectTcpip probe = session.createDirectTcpipChannel(
                new SshdSocketAddress(SshTunnel.LOOPBACK, 0), target)) {
            probe.open().verify(SshTunnel.TIMEOUT);
            return null;
        } catch (IOException e) {
            SshChannelOpenException refused = openFailure(e);
            return refused == null ? null : new ConnectorException(refusalMessage(refused), failure);
        }
    }

    private String refusalMessage(SshChannelOpenException refused) {
        String failed = "the SSH server at " + from.address() + " did not open a connection to " + target() + ": ";
        return switch (refused.getReasonCode()) {
            case SshConstants.SSH_OPEN_ADMINISTRATIVELY_PROHIBITED -> failed + "administratively prohibited. The "
                    + "server does not forward there: allow it in its sshd_config (AllowTcpForwarding, PermitOpen), "
                    + "or check " + targetKeys;
            case SshConstants.SSH_OPEN_CONNECT_FAILED -> failed + "connect failed. Check " + targetKeys
                    + ": as that server sees it, nothing accepts connections there";
            default -> failed + refused.getMessage() + ". Check " + targetKeys + " (the address as that server "
                    + "sees it), and that the server allows TCP forwarding (AllowTcpForwarding in its sshd_config)";
        };
    }

    /** The server's answer that it will not open the channel, if that is what {@code e} is about. */
    private static SshChannelOpenException openFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SshChannelOpenException refused) {
                return refused;
            }
        }
        return null;
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    }
}
