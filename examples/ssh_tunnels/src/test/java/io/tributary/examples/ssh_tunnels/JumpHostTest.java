package io.tributary.examples.ssh_tunnels;

import static io.tributary.examples.ssh_tunnels.Configurations.tester;
import static io.tributary.examples.ssh_tunnels.Configurations.with;
import static io.tributary.examples.ssh_tunnels.TunnelChecks.assertTunnelClosed;
import static io.tributary.examples.ssh_tunnels.TunnelChecks.freePort;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.playground.Playground;
import io.tributary.playground.PlaygroundUsers;
import io.tributary.testkit.ConnectorTester;
import java.security.KeyPair;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A jump host in front of the SSH server ({@code ssh -J}): the connector logs in to the bastion with a password,
 * reaches the internal SSH server only through a forward on the bastion, logs in there with a key, and forwards
 * to the API from the internal server.
 */
class JumpHostTest {
    private static KeyPair clientKey;

    private Playground playground;
    private TestSshServer bastion;
    private TestSshServer internal;

    @BeforeAll
    static void generateKey() throws Exception {
        clientKey = TestKeys.rsa();
    }

    @BeforeEach
    void start() throws Exception {
        playground = Playground.start(0);
        bastion = TestSshServer.start();
        internal = TestSshServer.start(clientKey.getPublic());
    }

    @AfterEach
    void stop() throws Exception {
        internal.close();
        bastion.close();
        playground.close();
    }

    @Test
    void theTunnelGoesThroughTheBastionToTheInternalServerAndOnToTheApi() throws Exception {
        int localPort = freePort();
        try (ConnectorTester tester = tester(with(throughBastion(), Map.of("local_port", String.valueOf(localPort),
                "jump_host_key_fingerprint", bastion.hostKeyFingerprint(),
                "ssh_host_key_fingerprint", internal.hostKeyFingerprint())))) {
            tester.sync().assertSucceeded();
            assertThat(PlaygroundUsers.warehouse(tester::query)).isEqualTo(PlaygroundUsers.expected(playground));
        }
        assertThat(bastion.forwards()).as("the bastion only opened connections to the internal SSH server")
                .isNotEmpty().containsOnly("127.0.0.1:" + internal.port());
        assertThat(internal.forwards()).as("the internal server opened the connections to the API")
                .isNotEmpty().containsOnly("127.0.0.1:" + playground.port());
        assertThat(bastion.sessionsAccepted()).isEqualTo(1);
        assertThat(internal.sessionsAccepted()).isEqualTo(1);
        assertThat(bastion.passwordsTried()).isEqualTo(1);
        assertThat(internal.passwordsTried()).as("the internal server was logged in to with the key").isZero();
        assertTunnelClosed(localPort, bastion, internal);
    }

    @Test
    void aBastionThatRefusesToForwardStopsTheSyncBeforeTheInternalServerIsReached() {
        bastion.refuseForwarding();
        try (ConnectorTester tester = tester(throughBastion())) {
            tester.sync().assertFailedWith("the SSH server at 127.0.0.1:" + bastion.port() + " did not open a "
                            + "connection to 127.0.0.1:" + internal.port() + ": administratively prohibited")
                    .assertFailedWith("or check ssh_host and ssh_port");
            assertThat(tester.state().isEmpty()).isTrue();
        }
        assertThat(internal.sessionsAccepted()).as("no way to the internal server but through the bastion").isZero();
        TunnelChecks.assertNoClientThreadsLeft();
    }

    @Test
    void eachHopsCredentialsAndHostKeyAreNamedByTheirOwnKeys() {
        try (ConnectorTester tester = tester(with(throughBastion(), Map.of("jump_password", "wrong")))) {
            tester.sync().assertFailedWith("the SSH server at 127.0.0.1:" + bastion.port() + " did not accept the "
                    + "login of 'tunnel'").assertFailedWith("Check jump_user, jump_password in configuration.json");
        }
        try (ConnectorTester tester = tester(with(throughBastion(),
                Map.of("jump_host_key_fingerprint", internal.hostKeyFingerprint())))) {
            tester.sync().assertFailedWith("the SSH server at 127.0.0.1:" + bastion.port() + " presented host key "
                    + bastion.hostKeyFingerprint() + ", not the " + internal.hostKeyFingerprint()
                    + " in jump_host_key_fingerprint");
        }
        assertThat(internal.sessionsAccepted()).as("no attempt got past the bastion").isZero();
        try (ConnectorTester tester = tester(with(throughBastion(),
                Map.of("ssh_host_key_fingerprint", bastion.hostKeyFingerprint())))) {
            tester.sync().assertFailedWith("the SSH server at 127.0.0.1:" + internal.port() + " presented host key "
                    + internal.hostKeyFingerprint() + ", not the " + bastion.hostKeyFingerprint()
                    + " in ssh_host_key_fingerprint");
        }
        assertThat(internal.sessionsAccepted()).as("the last attempt reached the internal server, and stopped "
                + "at its key").isEqualTo(1);
        TunnelChecks.assertNoClientThreadsLeft();
    }

    /** The internal server as ssh_*, with a key; the bastion as jump_*, with a password. */
    private Map<String, String> throughBastion() {
        Map<String, String> configuration = with(Configurations.api(internal, playground),
                Map.of("ssh_private_key", TestKeys.pem(clientKey)));
        configuration.put("jump_host", "127.0.0.1");
        configuration.put("jump_port", String.valueOf(bastion.port()));
        configuration.put("jump_user", TestSshServer.USER);
        configuration.put("jump_password", TestSshServer.PASSWORD);
        return configuration;
    }
}
