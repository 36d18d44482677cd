package io.tributary.examples.ssh_tunnels;

import static io.tributary.examples.ssh_tunnels.TunnelChecks.assertTunnelClosed;
import static io.tributary.examples.ssh_tunnels.TunnelChecks.freePort;
import static io.tributary.examples.ssh_tunnels.Configurations.tester;
import static io.tributary.examples.ssh_tunnels.Configurations.with;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.playground.Playground;
import io.tributary.playground.PlaygroundUsers;
import io.tributary.sdk.Configuration;
import io.tributary.sdk.Connector;
import io.tributary.sdk.Operations;
import io.tributary.sdk.State;
import io.tributary.sdk.Table;
import io.tributary.testkit.ConnectorTester;
import io.tributary.testkit.ForwardingOperations;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The key- and password-based originals: the playground's users API, reachable only through the SSH server. */
class ApiThroughTunnelTest {
    private static KeyPair clientKey;
    private static KeyPair ecdsaKey;
    private static KeyPair ed25519Key;

    private Playground playground;
    private TestSshServer ssh;

    @BeforeAll
    static void generateKey() throws Exception {
        clientKey = TestKeys.rsa();
        ecdsaKey = TestKeys.ecdsa();
        ed25519Key = TestKeys.ed25519();
    }

    @BeforeEach
    void start() throws Exception {
        playground = Playground.start(0);
        ssh = TestSshServer.start(clientKey.getPublic(), ecdsaKey.getPublic(), ed25519Key.getPublic());
    }

    @AfterEach
    void stop() throws Exception {
        ssh.close();
        playground.close();
    }

    @Test
    void aKeyLoginSyncsEveryUserThroughTheTunnelAndClosesItAfterwards() throws Exception {
        int localPort = freePort();
        List<String> threadsDuringSync = new ArrayList<>();
        Connector watched = new WatchedConnector(new SshTunnelsConnector(Configurations.FAST),
                () -> threadsDuringSync.addAll(TunnelChecks.clientThreads()));
        try (ConnectorTester tester = ConnectorTester.of(watched)
                .configuration(with(keyLogin(), Map.of("local_port", String.valueOf(localPort))))) {
            assertThat(tester.sync().assertSucceeded().counters().upserts()).isEqualTo(200);
            assertThat(PlaygroundUsers.warehouse(tester::query)).isEqualTo(PlaygroundUsers.expected(playground));
            assertThat(tester.state().isEmpty()).as("the original keeps no state").isTrue();
        }
        assertThat(ssh.forwards()).as("every connection went to the API through the SSH server")
                .isNotEmpty().containsOnly("127.0.0.1:" + playground.port());
        assertThat(ssh.sessionsAccepted()).isEqualTo(1);
        assertThat(ssh.passwordsTried()).as("a key login sends no password").isZero();
        assertThat(threadsDuringSync).as("the SSH client's threads while the tunnel was open").isNotEmpty();
        assertTunnelClosed(localPort, ssh);
    }

    @Test
    void aPasswordLoginSyncsTheNextDaysUsersToo() throws Exception {
        try (ConnectorTester tester = tester(passwordLogin())) {
            tester.sync().assertSucceeded();
            playground.nextDay();
            tester.sync().assertSucceeded();
            assertThat(PlaygroundUsers.warehouse(tester::query)).hasSize(210)
                    .isEqualTo(PlaygroundUsers.expected(playground));
        }
        assertThat(ssh.sessionsAccepted()).as("one tunnel per sync").isEqualTo(2);
        assertThat(ssh.passwordsTried()).isEqualTo(2);
    }

    @Test
    void theKeyMayBeRsaEcdsaOrEd25519InOpenSshOrPemFormatAsTextOrBase64() throws Exception {
        Map<String, String> encrypted = with(keyLogin(), Map.of(
                "ssh_private_key", TestKeys.openSsh(clientKey, "key-pass-91"), "ssh_key_passphrase", "key-pass-91"));
        Map<String, String> base64 = with(keyLogin(),
                Map.of("ssh_private_key", TestKeys.base64(TestKeys.pem(clientKey))));
        Map<String, String> escaped = with(keyLogin(), Map.of(
                "ssh_private_key", TestKeys.pem(clientKey).replace("\n", "\\n")));
        Map<String, String> ecdsa = with(keyLogin(), Map.of("ssh_private_key", TestKeys.openSsh(ecdsaKey, "ec-pass"),
                "ssh_key_passphrase", "ec-pass"));
        Map<String, String> pkcs1 = with(keyLogin(), Map.of("ssh_private_key", TestKeys.pkcs1(clientKey)));
        Map<String, String> ed25519 = with(keyLogin(), Map.of("ssh_private_key",
                TestKeys.openSsh(ed25519Key, "ed-pass"), "ssh_key_passphrase", "ed-pass"));
        for (Map<String, String> configuration : List.of(encrypted, base64, escaped, ecdsa, pkcs1, ed25519)) {
            try (ConnectorTester tester = tester(configuration)) {
                assertThat(tester.sync().assertSucceeded().counters().upserts()).isEqualTo(200);
            }
        }
        assertThat(ssh.passwordsTried()).isZero();
    }

    @Test
    void withAKeyAndAPasswordTheKeyGoesFirstAndThePasswordIsTheFallback() throws Exception {
        try (ConnectorTester tester = tester(with(keyLogin(), Map.of("ssh_password", TestSshServer.PASSWORD)))) {
            tester.sync().assertSucceeded();
        }
        assertThat(ssh.passwordsTried()).isZero();
        try (ConnectorTester tester = tester(with(passwordLogin(),
                Map.of("ssh_private_key", TestKeys.pem(TestKeys.rsa()))))) {
            tester.sync().assertSucceeded();
        }
        assertThat(ssh.passwordsTried()).as("after a key the server does not know").isEqualTo(1);
    }

    @Test
    void aPinnedHostKeyIsEnforced() throws Exception {
        try (ConnectorTester tester = tester(with(passwordLogin(),
                Map.of("ssh_host_key_fingerprint", ssh.hostKeyFingerprint())))) {
            tester.sync().assertSucceeded();
        }
        assertThat(ssh.passwordsTried()).isEqualTo(1);

        String otherServersKey;
        try (TestSshServer other = TestSshServer.start()) {
            otherServersKey = other.hostKeyFingerprint();
        }
        try (ConnectorTester tester = tester(with(passwordLogin(),
                Map.of("ssh_host_key_fingerprint", otherServersKey)))) {
            tester.sync().assertFailedWith("the SSH server at 127.0.0.1:" + ssh.port() + " presented host key "
                            + ssh.hostKeyFingerprint() + ", not the " + otherServersKey
                            + " in ssh_host_key_fingerprint; nothing was sent to it")
                    .assertFailedWith("put its new fingerprint in ssh_host_key_fingerprint");
            assertThat(tester.state().isEmpty()).isTrue();
        }
        assertThat(ssh.passwordsTried()).as("no password for a server with the wrong key").isEqualTo(1);
        TunnelChecks.assertNoClientThreadsLeft();
    }

    @Test
    void resumesFromEveryCheckpoint() {
        try (ConnectorTester tester = tester(keyLogin())) {
            tester.assertReplayFromEveryCheckpoint();
        }
    }

    private Map<String, String> keyLogin() {
        return with(Configurations.api(ssh, playground), Map.of("ssh_private_key", TestKeys.pem(clientKey)));
    }

    private Map<String, String> passwordLogin() {
        return with(Configurations.api(ssh, playground), Map.of("ssh_password", TestSshServer.PASSWORD));
    }

    /** Runs {@code atFirstUpsert} once, while the tunnel is open. */
    private record WatchedConnector(Connector delegate, Runnable atFirstUpsert) implements Connector {
        @Override
        public List<Table> schema(Configuration configuration) throws Exception {
            return delegate.schema(configuration);
        }

        @Override
        public void update(Configuration configuration, State state, Operations operations) throws Exception {
            boolean[] seen = {false};
            delegate.update(configuration, state, new ForwardingOperations(operations) {
                @Override
                public void upsert(String table, Object row) {
                    if (!seen[0]) {
                        seen[0] = true;
                        atFirstUpsert.run();
                    }
                    super.upsert(table, row);
                }
            });
        }
    }
}
