package io.tributary.examples.ssh_tunnels;

import io.tributary.playground.Playground;
import io.tributary.sdk.http.RequestPolicy;
import io.tributary.testkit.ConnectorTester;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** Configurations the tests start from, and the tester they run in. */
final class Configurations {
    static final RequestPolicy FAST = RequestPolicy.builder()
            .maxRetries(2).backoff(Duration.ofMillis(1), Duration.ofMillis(10)).build();

    private Configurations() {
    }

    /** The playground's users API behind {@code ssh}, without SSH credentials. */
    static Map<String, String> api(TestSshServer ssh, Playground playground) {
        Map<String, String> configuration = sshServer(ssh);
        configuration.put("source", "api");
        configuration.put("remote_port", String.valueOf(playground.port()));
        configuration.put("api_key", "playground-api-key");
        return configuration;
    }

    /** {@code ssh} as the tunnel's server, logged in to as {@link TestSshServer#USER}. */
    static Map<String, String> sshServer(TestSshServer ssh) {
        Map<String, String> configuration = new HashMap<>();
        configuration.put("ssh_host", "127.0.0.1");
        configuration.put("ssh_port", String.valueOf(ssh.port()));
        configuration.put("ssh_user", TestSshServer.USER);
        return configuration;
    }

    static ConnectorTester tester(Map<String, String> configuration) {
        return ConnectorTester.of(new SshTunnelsConnector(FAST)).configuration(configuration);
    }

    static Map<String, String> with(Map<String, String> base, Map<String, String> overrides) {
        Map<String, String> out = new HashMap<>(base);
        out.putAll(overrides);
        return out;
    }
}
