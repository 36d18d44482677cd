package io.tributary.examples.ssh_tunnels;

import static io.tributary.examples.ssh_tunnels.Configurations.tester;
import static io.tributary.examples.ssh_tunnels.Configurations.with;
import static io.tributary.examples.ssh_tunnels.TunnelChecks.assertTunnelClosed;
import static io.tributary.examples.ssh_tunnels.TunnelChecks.freePort;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.playground.Playground;
import io.tributary.testkit.ConnectorTester;
import io.tributary.testkit.SyncOutcome;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.security.KeyPair;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What goes wrong on the way through the tunnel fails the sync with the configuration key to fix, after a good
 * sync whose warehouse and state stay as they were, and leaves no tunnel open.
 */
class TunnelFailuresTest {
    private static KeyPair clientKey;
    private static KeyPair strangerKey;

    private Playground playground;
    private TestSshServer ssh;
    private int localPort;

    @BeforeAll
    static void generateKeys() throws Exception {
        clientKey = TestKeys.rsa();
        strangerKey = TestKeys.rsa();
    }

    @BeforeEach
    void start() throws Exception {
        playground = Playground.start(0);
        ssh = TestSshServer.start(clientKey.getPublic());
        localPort = freePort();
    }

    @AfterEach
    void stop() throws Exception {
        ssh.close();
        playground.close();
    }

    @Test
    void aWrongPasswordNamesTheKeysToCheck() {
        failsAfterAGoodSync(passwordConfiguration(), Map.of("ssh_password", "not-the-password"),
                "the SSH server at 127.0.0.1:" + ssh.port() + " did not accept the login of 'tunnel'",
                "Check ssh_user, ssh_password in configuration.json");
    }

    @Test
    void aKeyTheServerDoesNotKnowNamesTheKeysToCheck() {
        failsAfterAGoodSync(Map.of("ssh_private_key", TestKeys.pem(strangerKey)),
                "did not accept the login of 'tunnel'", "Check ssh_user, ssh_private_key in configuration.json");
    }

    @Test
    void anEncryptedKeyNeedsItsPassphrase() throws Exception {
        String encrypted = TestKeys.openSsh(clientKey, "right-pass");
        failsAfterAGoodSync(Map.of("ssh_private_key", encrypted),
                "cannot read the private key in configuration key 'ssh_private_key'",
                "the key is encrypted: put its passphrase in ssh_key_passphrase");
        failsAfterAGoodSync(Map.of("ssh_private_key", encrypted, "ssh_key_passphrase", "wrong-pass"),
                "cannot read the private key in configuration key 'ssh_private_key'",
                "check ssh_key_passphrase: it may not be this key's passphrase");
        assertThat(ssh.sessionsAccepted()).as("only the good syncs reached the server").isEqualTo(2);
    }

    @Test
    void textThatIsNoKeyOrOnlyPartOfOneIsNamed() {
        failsAfterAGoodSync(Map.of("ssh_private_key", "~/.ssh/id_rsa"),
                "configuration key 'ssh_private_key' is not a private key: expected the text of a key file");
        String pem = TestKeys.pem(clientKey);
        String firstHalf = pem.substring(0, pem.length() / 2) + "\n-----END PRIVATE KEY-----\n";
        failsAfterAGoodSync(Map.of("ssh_private_key", firstHalf),
                "cannot read the private key in configuration key 'ssh_private_key'",
                "paste the whole key file, from its -----BEGIN line to its -----END line");
    }

    @Test
    void anUnreachableSshServerIsNamed() throws Exception {
        int closedPort = freePort();
        failsAfterAGoodSync(Map.of("ssh_port", String.valueOf(closedPort)),
                "cannot reach the SSH server at 127.0.0.1:" + closedPort + ": Connection refused",
                "Check ssh_host and ssh_port, and that the server accepts connections from this machine");
    }

    @Test
    void aServerThatRefusesToForwardIsNamedWithTheTarget() {
        try (ConnectorTester tester = tester(goodConfiguration())) {
            tester.sync().assertSucceeded();
            Map<String, Object> before = tester.snapshot();
            ssh.refuseForwarding();
            tester.sync().assertFailedWith("the SSH server at 127.0.0.1:" + ssh.port() + " did not open a "
                            + "connection to 127.0.0.1:" + playground.port() + ": administratively prohibited")
                    .assertFailedWith("allow it in its sshd_config (AllowTcpForwarding, PermitOpen), or check "
                            + "remote_host and remote_port");
            assertThat(tester.snapshot()).isEqualTo(before);
        }
        assertTunnelClosed(localPort, ssh);
    }

    @Test
    void aTargetNothingListensOnIsNamed() throws Exception {
        int closedPort = freePort();
        failsAfterAGoodSync(Map.of("remote_port", String.valueOf(closedPort)),
                "did not open a connection to 127.0.0.1:" + closedPort + ": connect failed. Check remote_host and "
                        + "remote_port: as that server sees it, nothing accepts connections there");
    }

    @Test
    void aWrongApiKeyBehindTheTunnelIsNamed() {
        failsAfterAGoodSync(Map.of("api_key", "not-the-key"),
                "the API behind the SSH tunnel refused the API key (HTTP 401); check api_key in configuration.json");
    }

    @Test
    void aLocalPortInUseIsNamed() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            failsAfterAGoodSync(Map.of("local_port", String.valueOf(port)),
                    "cannot listen on 127.0.0.1:" + port + " for the SSH tunnel",
                    "Choose another local_port, or leave it out to take any free port");
        }
    }

    @Test
    void settingsAreCheckedBeforeAnyServerIsContacted() {
        Map<String, String> noCredentials = Configurations.api(ssh, playground);
        try (ConnectorTester tester = tester(noCredentials)) {
            tester.sync().assertFailedWith("configuration needs ssh_private_key or ssh_password to log in to the SSH "
                    + "server at 127.0.0.1:" + ssh.port() + "; add one to configuration.json");
        }
        try (ConnectorTester tester = tester(with(goodConfiguration(), Map.of("source", "mysql")))) {
            tester.sync().assertFailedWith("configuration key 'source' must be api or postgres, got \"mysql\"");
        }
        Map<String, String> noApiKey = with(goodConfiguration(), Map.of());
        noApiKey.remove("api_key");
        try (ConnectorTester tester = tester(noApiKey)) {
            tester.sync().assertFailedWith("configuration key 'api_key' is required; add it to configuration.json");
        }
        assertThat(ssh.sessionsAccepted()).isZero();
    }

    private void failsAfterAGoodSync(Map<String, String> overrides, String... messages) {
        failsAfterAGoodSync(goodConfiguration(), overrides, messages);
    }

    /** A good sync with {@code good}, then one with {@code overrides} that fails with every one of {@code messages}. */
    private void failsAfterAGoodSync(Map<String, String> good, Map<String, String> overrides, String... messages) {
        try (ConnectorTester tester = tester(good)) {
            tester.sync().assertSucceeded();
            Map<String, Object> before = tester.snapshot();
            tester.configuration(with(good, overrides));
            SyncOutcome outcome = tester.sync();
            for (String message : messages) {
                outcome.assertFailedWith(message);
            }
            assertThat(tester.snapshot()).as("warehouse and state after the failed sync").isEqualTo(before);
        }
        if (!overrides.containsKey("local_port")) {
            assertTunnelClosed(localPort, ssh);
        }
    }

    private Map<String, String> passwordConfiguration() {
        return with(Configurations.api(ssh, playground), Map.of("ssh_password", TestSshServer.PASSWORD,
                "local_port", String.valueOf(localPort)));
    }

    private Map<String, String> goodConfiguration() {
        return with(Configurations.api(ssh, playground), Map.of("ssh_private_key", TestKeys.pem(clientKey),
                "local_port", String.valueOf(localPort)));
    }
}
