package io.tributary.examples.authentication_certificate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.playground.Credentials;
import io.tributary.playground.Playground;
import io.tributary.sdk.http.RequestPolicy;
import io.tributary.testkit.ConnectorTester;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CertificateAuthConnectorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final RequestPolicy FAST = RequestPolicy.builder()
            .maxRetries(4).backoff(Duration.ofMillis(1), Duration.ofMillis(20)).build();
    /** One request per sync: its first two attempts always fail, the third is clean. */
    private static final String FAULTS = "429:0.3:0,500:0.3,503:0.2,reset:0.1,truncate:0.1";

    private Playground playground;

    @BeforeEach
    void start() {
        playground = Playground.start(0);
    }

    @AfterEach
    void stop() {
        playground.close();
    }

    @Test
    void theClientCertificateOpensTheEndpointAndEveryUserLands() throws Exception {
        try (ConnectorTester tester = newTester(pemConfig(Map.of()))) {
            assertThat(tester.sync().assertSucceeded().counters().upserts()).isEqualTo(200);
            assertThat(warehouse(tester)).hasSize(200).isEqualTo(apiUsers());
            assertThat(tester.state().isEmpty()).isTrue();

            playground.nextDay();
            tester.sync().assertSucceeded();
            assertThat(warehouse(tester)).hasSize(210).isEqualTo(apiUsers());
        }
    }

    @Test
    void aPkcs12FileWorksAsWellAsPemFiles() {
        Map<String, Object> fromPem;
        try (ConnectorTester tester = newTester(pemConfig(Map.of()))) {
            tester.sync().assertSucceeded();
            fromPem = tester.snapshot();
        }
        Map<String, String> pkcs12 = new HashMap<>(Map.of("ENCODED_PKCS12", base64("client.p12"),
                "PASSKEY", Credentials.CERTIFICATE_PASSKEY, "ENCODED_CA_CERTIFICATE", base64("ca.pem"),
                "base_url", playground.certificateBaseUrl()));
        try (ConnectorTester tester = newTester(pkcs12)) {
            tester.sync().assertSucceeded();
            assertThat(tester.snapshot()).isEqualTo(fromPem);
        }
    }

    @Test
    void aCertificateTheServerDoesNotTrustFailsTheHandshakeAndLosesNothing() {
        try (ConnectorTester tester = newTester(pemConfig(Map.of()))) {
            tester.sync().assertSucceeded();
            Map<String, Object> before = tester.snapshot();

            tester.configuration(pemConfig(Map.of("ENCODED_CERTIFICATE", base64("stranger.pem"),
                    "ENCODED_PRIVATE_KEY", base64("stranger.key.pem"))));
            tester.sync().assertFailedWith("the TLS handshake with " + playground.certificateBaseUrl() + " failed")
                    .assertFailedWith("Check ENCODED_CERTIFICATE and ENCODED_PRIVATE_KEY");
            assertThat(tester.snapshot()).isEqualTo(before);
        }
    }

    @Test
    void withoutTheServersCaTheJdkDoesNotTrustThePlayground() {
        Map<String, String> config = pemConfig(Map.of());
        config.remove("ENCODED_CA_CERTIFICATE");
        try (ConnectorTester tester = newTester(config)) {
            tester.sync().assertFailedWith("the TLS handshake with").assertFailedWith("ENCODED_CA_CERTIFICATE");
        }
    }

    @Test
    void aWrongPasskeyOrAnEncodingMistakeIsNamed() {
        try (ConnectorTester tester = newTester(pemConfig(Map.of("PASSKEY", "not-it")))) {
            tester.sync().assertFailedWith("PASSKEY does not decrypt ENCODED_PRIVATE_KEY; check PASSKEY");
        }
        try (ConnectorTester tester = newTester(pemConfig(Map.of("ENCODED_CERTIFICATE", "%%%")))) {
            tester.sync().assertFailedWith("ENCODED_CERTIFICATE is not Base64");
        }
        try (ConnectorTester tester = newTester(pemConfig(Map.of("ENCODED_PRIVATE_KEY", base64("client.pem"))))) {
            tester.sync().assertFailedWith("ENCODED_PRIVATE_KEY holds no PEM private key");
        }
    }

    @Test
    void injectedFaultsEndInTheSameWarehouseAsACleanRun() {
        Map<String, Object> clean;
        try (ConnectorTester tester = newTester(pemConfig(Map.of()))) {
            tester.sync().assertSucceeded();
            playground.nextDay();
            tester.sync().assertSucceeded();
            clean = tester.snapshot();
        }
        playground.setDay(0);
        playground.setFaults(FAULTS);
        try (ConnectorTester tester = newTester(pemConfig(Map.of()))) {
            tester.sync().assertSucceeded(); // faults pass through the TLS front; the toolkit retries them
            playground.nextDay();
            tester.sync().assertSucceeded();
            assertThat(tester.snapshot()).isEqualTo(clean);
        }
        assertThat(playground.injectedFaults().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(4);
    }

    @Test
    void theShippedConfigurationHoldsThePlaygroundsTestClient() throws Exception {
        JsonNode shipped = JSON.readTree(Files.readString(Path.of("configuration.json")));
        assertThat(Base64.getMimeDecoder().decode(shipped.get("ENCODED_CERTIFICATE").asText()))
                .isEqualTo(Credentials.certificateFile("client.pem"));
        assertThat(Base64.getMimeDecoder().decode(shipped.get("ENCODED_PRIVATE_KEY").asText()))
                .isEqualTo(Credentials.certificateFile("client.key.pem"));
        assertThat(Base64.getMimeDecoder().decode(shipped.get("ENCODED_CA_CERTIFICATE").asText()))
                .isEqualTo(Credentials.certificateFile("ca.pem"));
        assertThat(shipped.get("PASSKEY").asText()).isEqualTo(Credentials.CERTIFICATE_PASSKEY);
        assertThat(shipped.get("base_url").asText()).isEqualTo("https://127.0.0.1:" + (5001 + 442));
    }

    @Test
    void resumesFromEveryCheckpoint() {
        try (ConnectorTester tester = newTester(pemConfig(Map.of()))) {
            tester.assertReplayFromEveryCheckpoint();
        }
    }

    private static String base64(String file) {
        return Base64.getEncoder().encodeToString(Credentials.certificateFile(file));
    }

    /** The shipped configuration's kind of values (PEM files, encrypted key), for this playground. */
    private Map<String, String> pemConfig(Map<String, String> overrides) {
        Map<String, String> values = new HashMap<>(Map.of(
                "ENCODED_CERTIFICATE", base64("client.pem"),
                "ENCODED_PRIVATE_KEY", base64("client.key.pem"),
                "PASSKEY", Credentials.CERTIFICATE_PASSKEY,
                "ENCODED_CA_CERTIFICATE", base64("ca.pem"),
                "base_url", playground.certificateBaseUrl()));
        values.putAll(overrides);
        return values;
    }

    private static ConnectorTester newTester(Map<String, String> config) {
        return ConnectorTester.of(new CertificateAuthConnector(FAST)).configuration(config);
    }

    /** Today's users, read over plain HTTP from the list the certificate endpoint serves too. */
    private List<List<String>> apiUsers() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                playground.uri("/pagination/offset?limit=1000&fault=none")).build(), HttpResponse.BodyHandlers.ofString());
        List<List<String>> users = new ArrayList<>();
        for (JsonNode u : JSON.readTree(response.body()).get("data")) {
            users.add(List.of(u.get("id").asText(), u.get("name").asText(), u.get("email").asText(),
                    u.get("address").asText(), u.get("company").asText(), u.get("job").asText(),
                    u.get("updatedAt").asText(), u.get("createdAt").asText()));
        }
        users.sort(Comparator.comparing(u -> u.get(0)));
        return users;
    }

    private static List<List<String>> warehouse(ConnectorTester tester) {
        List<List<String>> users = new ArrayList<>();
        String sql = "SELECT * FROM tester.\"user\" WHERE NOT _fivetran_deleted ORDER BY id";
        for (Map<String, Object> r : tester.query(sql)) {
            users.add(List.of((String) r.get("id"), (String) r.get("name"), (String) r.get("email"),
                    (String) r.get("address"), (String) r.get("company"), (String) r.get("job"),
                    ((OffsetDateTime) r.get("updated_at")).toInstant().toString(),
                    ((OffsetDateTime) r.get("created_at")).toInstant().toString()));
        }
        return users;
    }
}
