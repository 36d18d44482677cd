package io.tributary.examples.ssh_tunnels;

import io.tributary.sdk.Log;
import java.net.SocketAddress;
import java.security.PublicKey;
import java.util.Locale;
import org.apache.sshd.client.keyverifier.ServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.KeyUtils;

/**
 * Checks the host key an SSH server presents against the login's {@code *_host_key_fingerprint} (SHA256, as
 * {@code ssh-keygen -lf} prints it). Without one, any key is accepted, as the Python original (sshtunnel with
 * paramiko's auto-add policy) does, with a warning that shows the fingerprint to pin.
 */
final class HostKeyCheck implements ServerKeyVerifier {
    private final SshLogin login;
    private volatile String presented;
    private volatile boolean refused;

    HostKeyCheck(SshLogin login) {
        this.login = login;
    }

    @Override
    public boolean verifyServerKey(ClientSession session, SocketAddress remoteAddress, PublicKey serverKey) {
        presented = KeyUtils.getFingerPrint(serverKey);
        String expected = login.hostKeyFingerprint();
        if (expected == null) {
            Log.warning("the SSH server at " + login.address() + " presented host key " + presented + ", accepted "
                    + "unchecked because " + login.key("host_key_fingerprint") + " is not set; set it to that "
                    + "fingerprint to refuse any other server");
            return true;
        }
        refused = !normalized(expected).equals(normalized(presented));
        return !refused;
    }

    /** Whether the server's key did not match the configured fingerprint. */
    boolean refused() {
        return refused;
    }

    String refusalMessage() {
        String key = login.key("host_key_fingerprint");
        return "the SSH server at " + login.address() + " presented host key " + presented + ", not the "
                + login.hostKeyFingerprint() + " in " + key + "; nothing was sent to it. If the server's key changed "
                + "on purpose, put its new fingerprint in " + key + "; otherwise something is intercepting the "
                + "connection";
    }

    /** Comparable form: without the {@code SHA256:} label and the base64 padding that tools add or leave out. */
    private static String normalized(String fingerprint) {
        String value = fingerprint.strip();
        if (value.toUpperCase(Locale.ROOT).startsWith("SHA256:")) {
            value = value.substring("SHA256:".length());
        }
        return value.replaceAll("=+$", "");
    }
}
