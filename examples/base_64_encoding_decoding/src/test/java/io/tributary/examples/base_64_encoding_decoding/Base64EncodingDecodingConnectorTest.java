package io.tributary.examples.base_64_encoding_decoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.sdk.ConnectorException;
import io.tributary.testkit.ConnectorTester;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class Base64EncodingDecodingConnectorTest {
    /** SHA-256 of the 69-byte PNG, computed outside Java (Python hashlib) when the example was written. */
    private static final String PNG_SHA256 = "b1b20b0d7bfc4eff484560cac3fc1e7638e2900c2d29e79271760e9de88020d4";

    @Test
    void upsertsTheEncodedAndTheDecodedUserAndTheBinaryDocument() throws Exception {
        try (ConnectorTester tester = ConnectorTester.of(new Base64EncodingDecodingConnector())) {
            var outcome = tester.sync().assertSucceeded();
            assertThat(outcome.counters().upserts()).isEqualTo(3);

            // The two rows of the original example's "Resulting table".
            assertThat(tester.query("SELECT id, name, email FROM tester.\"user\" WHERE NOT _fivetran_deleted "
                    + "ORDER BY id")).containsExactly(
                    Map.of("id", "12345", "name", "John Doe", "email", "john.doe@example.com"),
                    Map.of("id", "MTIzNDU=", "name", "Sm9obiBEb2U=", "email", "am9obi5kb2VAZXhhbXBsZS5jb20="));

            var document = tester.rows("document");
            assertThat(document).singleElement().satisfies(row -> assertThat(row).containsEntry("name", "pixel.png"));
            byte[] content = (byte[]) document.get(0).get("content");
            assertThat(content).hasSize(69).startsWith(0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n');
            assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)))
                    .isEqualTo(PNG_SHA256);
            assertThat(tester.state().isEmpty()).isTrue();
        }
    }

    @Test
    void syncingAgainKeepsTheSameRows() {
        try (ConnectorTester tester = ConnectorTester.of(new Base64EncodingDecodingConnector())) {
            tester.sync().assertSucceeded();
            Map<String, Object> first = tester.snapshot();
            tester.sync().assertSucceeded();
            assertThat(tester.snapshot()).isEqualTo(first);
            assertThat(tester.rows("user")).hasSize(2);
        }
    }

    @Test
    void resumesFromEveryCheckpoint() {
        try (ConnectorTester tester = ConnectorTester.of(new Base64EncodingDecodingConnector())) {
            tester.assertReplayFromEveryCheckpoint();
        }
    }

    @Test
    void invalidBase64FailsTheSyncNamingTheFieldAndWritesNothing() {
        var broken = List.of(Map.of("name", "broken.png", "content_base64", "not base64!"));
        try (ConnectorTester tester = ConnectorTester.of(new Base64EncodingDecodingConnector(broken))) {
            tester.sync().assertFailedWith("field 'content_base64' is not valid Base64");
            if (!tester.query("SELECT 1 FROM information_schema.tables WHERE table_schema = 'tester' "
                    + "AND table_name = 'user'").isEmpty()) {
                assertThat(tester.rows("user")).as("nothing is committed without a checkpoint").isEmpty();
            }
            assertThat(tester.state().isEmpty()).isTrue();
        }
    }

    @Test
    void decodingTextRefusesBytesThatAreNotUtf8() {
        String png = Base64EncodingDecodingConnector.DOCUMENT.get("content_base64");
        assertThatThrownBy(() -> Base64Fields.decodeText("avatar", png))
                .isInstanceOf(ConnectorException.class)
                .hasMessageContaining("field 'avatar' decodes to 69 bytes that are not UTF-8 text");
    }

    @Test
    void textRoundTripsThroughBase64IncludingNonAscii() {
        Map<String, String> row = Map.of("name", "Zoë Ångström", "city", "東京");
        Map<String, String> encoded = Base64Fields.encodeAll(row);
        assertThat(encoded.get("name")).isEqualTo("Wm/DqyDDhW5nc3Ryw7Zt"); // python: b64encode("Zoë Ångström".encode())
        assertThat(Base64Fields.decodeAll(encoded)).isEqualTo(row);
    }
}
