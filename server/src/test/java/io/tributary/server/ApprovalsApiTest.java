package io.tributary.server;

import static io.tributary.server.OpenApiContract.assertConforms;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.server.auth.ApiKeys;
import io.tributary.server.auth.Role;
import io.tributary.server.store.Jdbc;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ApprovalsApiTest {
    /** Two self-signed certificates (openssl, prime256v1), base64 of their DER bytes. */
    private static final String CERT_A = "MIIBwjCCAWegAwIBAgIUN590qFwUXKASPwPcgGFpEK/iGFgwCgYIKoZIzj0EAwIwNTEZMBcGA1UEAwwQZGItYS5leGFtcGxlLmNvbTEYMBYGA1UECgwPVHJpYnV0YXJ5IFRlc3RzMCAXDTI2MTIwNDE4NDI0NFoYDzIxMjYxMTEwMTg0MjQ0WjA1MRkwFwYDVQQDDBBkYi1hLmV4YW1wbGUuY29tMRgwFgYDVQQKDA9UcmlidXRhcnkgVGVzdHMwWTATBgcqhkjOPQIBBggqhkjOPQMBBwNCAARz/ktK1w2iwhMqL5lzXQn5Zyg9K53NqYVDX1Ccisdvq8u11DLKfSheY1zCCJoVolPzYkiYMs2tsnpG+IglPUiJo1MwUTAdBgNVHQ4EFgQUjICcyBzqQq7YR+KDxOfCSRsjckYwHwYDVR0jBBgwFoAUjICcyBzqQq7YR+KDxOfCSRsjckYwDwYDVR0TAQH/BAUwAwEB/zAKBggqhkjOPQQDAgNJADBGAiEAv35UFq0kPaqg8xfRcqyQbkF/oLxmPwiRVFvLijWk3f8CIQCKOf7lE8zLrd3L0ccPbsIxmTamFXG54U8GZiCX2Sun2Q==";
    private static final String CERT_B = "MIIBwjCCAWegAwIBAgIUPhscrMpUfGJy89pRvC1nfjUX/uEwCgYIKoZIzj0EAwIwNTEZMBcGA1UEAwwQZGItYi5leGFtcGxlLmNvbTEYMBYGA1UECgwPVHJpYnV0YXJ5IFRlc3RzMCAXDTI2MTIwNDE4NDI0NFoYDzIxMjYxMTEwMTg0MjQ0WjA1MRkwFwYDVQQDDBBkYi1iLmV4YW1wbGUuY29tMRgwFgYDVQQKDA9UcmlidXRhcnkgVGVzdHMwWTATBgcqhkjOPQIBBggqhkjOPQMBBwNCAARih6VJkGBloA9+q86qgolMWSvcXT1pO0qHhwVK3m9hCl4/G1cZf+886LtsOdRrKL38KiW52XODzcgRSQGBaFpYo1MwUTAdBgNVHQ4EFgQUlWQPpi9ZQxciUyKbh8uiOPZS0skwHwYDVR0jBBgwFoAUlWQPpi9ZQxciUyKbh8uiOPZS0skwDwYDVR0TAQH/BAUwAwEB/zAKBggqhkjOPQQDAgNJADBGAiEA7sViCcLF7sxZtQM3TWuaHGkwWC17VU+8yxCxE54x8swCIQCwadtaMvXESL0wt4Pss/S4lMTyLqMbEZHy4JALTPTkPQ==";
    private static final String CERT_A_PEM = "-----BEGIN CERTIFICATE-----\nMIIBwjCCAWegAwIBAgIUN590qFwUXKASPwPcgGFpEK/iGFgwCgYIKoZIzj0EAwIw\nNTEZMBcGA1UEAwwQZGItYS5leGFtcGxlLmNvbTEYMBYGA1UECgwPVHJpYnV0YXJ5\nIFRlc3RzMCAXDTI2MTIwNDE4NDI0NFoYDzIxMjYxMTEwMTg0MjQ0WjA1MRkwFwYD\nVQQDDBBkYi1hLmV4YW1wbGUuY29tMRgwFgYDVQQKDA9UcmlidXRhcnkgVGVzdHMw\nWTATBgcqhkjOPQIBBggqhkjOPQMBBwNCAARz/ktK1w2iwhMqL5lzXQn5Zyg9K53N\nqYVDX1Ccisdvq8u11DLKfSheY1zCCJoVolPzYkiYMs2tsnpG+IglPUiJo1MwUTAd\nBgNVHQ4EFgQUjICcyBzqQq7YR+KDxOfCSRsjckYwHwYDVR0jBBgwFoAUjICcyBzq\nQq7YR+KDxOfCSRsjckYwDwYDVR0TAQH/BAUwAwEB/zAKBggqhkjOPQQDAgNJADBG\nAiEAv35UFq0kPaqg8xfRcqyQbkF/oLxmPwiRVFvLijWk3f8CIQCKOf7lE8zLrd3L\n0ccPbsIxmTamFXG54U8GZiCX2Sun2Q==\n-----END CERTIFICATE-----";
    /** {@code openssl x509 -noout -fingerprint -sha256} of CERT_A. */
    private static final String CERT_A_SHA256 = "F0:06:77:BD:0E:22:FC:28:C6:D2:C4:E1:82:94:3D:8D:75:05:62:2C:7F:03:83:FE:47:D9:0B:D8:AE:D0:EA:4A";
    private static final String SSH_KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl";

    @TempDir
    Path dir;

    private static String id(String hash) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(hash.getBytes(StandardCharsets.UTF_8));
    }

    private static String cert(String hash, String encoded) {
        return "{\"hash\": \"" + hash + "\", \"encoded_cert\": \"" + encoded.replace("\n", "\\n") + "\"}";
    }

    /**
     * The definition's 201 for approving a fingerprint is the bare fingerprint, without the envelope every other
     * operation has (and that Fivetran sends: go-fivetran reads code, message and data): hold the data to it.
     */
    private static Http.Answer assertApprovalConforms(String path, Http.Answer answer) {
        JsonNode data = answer.json() == null ? null : answer.json().get("data");
        if (answer.status() != 201 || data == null) {
            return assertConforms("POST", path, answer);
        }
        assertConforms("POST", path, new Http.Answer(201, answer.headers(), data.toString(), data));
        return answer;
    }

    /** The connection's and the destination's base paths, on a group with both. */
    private List<String> owners(ServerFixture f, String name) {
        String groupId = Connections.groupWithDestination(f, name, dir);
        String connectionId = Connections.create(f, groupId, name + "_schema");
        return List.of("/v1/connections/" + connectionId, "/v1/destinations/" + groupId);
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void certificatesAreApprovedListedReadAndRevoked(StoreKind store) {
        try (ServerFixture f = ServerFixture.start(store, dir)) {
            for (String owner : owners(f, "certs")) {
                String base = owner + "/certificates";
                Http.Answer approved = assertConforms("POST", base, f.admin.post(base, cert("hash-a", CERT_A)));
                assertThat(approved.status()).as(base).isEqualTo(200);
                assertThat(approved.json().path("message").asText()).isEqualTo("The certificate has been approved.");
                JsonNode c = approved.data();
                assertThat(c.path("id").asText()).isEqualTo(id("hash-a"));
                assertThat(c.path("hash").asText()).isEqualTo("hash-a");
                assertThat(c.path("type").asText()).isEqualTo("TLS");
                assertThat(c.path("name").asText()).contains("CN=db-a.example.com");
                assertThat(c.path("sha256").asText()).isEqualTo(CERT_A_SHA256);
                assertThat(c.path("sha1").asText()).matches("([0-9A-F]{2}:){19}[0-9A-F]{2}");
                assertThat(Base64.getDecoder().decode(c.path("public_key").asText())).isNotEmpty();
                assertThat(c.path("validated_by").asText()).isNotBlank();
                assertThat(c.path("validated_date").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");

                Http.Answer again = assertConforms("POST", base, f.admin.post(base, cert("hash-a", CERT_A_PEM)));
                assertThat(again.status()).as("the same certificate again, as PEM: idempotent").isEqualTo(200);
                assertThat(again.data().path("validated_date").asText()).isEqualTo(c.path("validated_date").asText());
                Http.Answer other = f.admin.post(base, cert("hash-a", CERT_B));
                assertThat(other.status()).as("another certificate under the same hash").isEqualTo(409);
                assertThat(other.code()).isEqualTo("Conflict");
                assertThat(f.admin.post(base, cert("hash/b+=", CERT_B)).status()).isEqualTo(200);

                Http.Answer list = assertConforms("GET", base, f.admin.get(base));
                assertThat(list.data().path("items")).extracting(n -> n.path("hash").asText())
                        .containsExactly("hash-a", "hash/b+=");
                Http.Answer page = assertConforms("GET", base + "?limit=1", f.admin.get(base + "?limit=1"));
                assertThat(page.data().path("next_cursor").asText()).isEqualTo("eyJza2lwIjoxfQ");

                Http.Answer details = assertConforms("GET", base + "/hash-a", f.admin.get(base + "/hash-a"));
                assertThat(details.data().path("sha256").asText()).isEqualTo(CERT_A_SHA256);
                Http.Answer byId = f.admin.get(base + "/" + id("hash/b+="));
                assertThat(byId.status()).as("a hash no path can hold, by its id").isEqualTo(200);
                assertThat(byId.data().path("name").asText()).contains("CN=db-b.example.com");

                Http.Answer revoked = assertConforms("DELETE", base + "/hash-a", f.admin.delete(base + "/hash-a"));
                String ownerId = owner.substring(owner.lastIndexOf('/') + 1);
                assertThat(revoked.json().path("message").asText()).isEqualTo("Certificate 'hash-a' has been revoked for "
                        + (owner.contains("destinations") ? "destination '" : "connection '") + ownerId + "'");
                Http.Answer gone = f.admin.get(base + "/hash-a");
                assertThat(gone.status()).isEqualTo(404);
                assertThat(gone.code()).isEqualTo("NotFound_Certificate");
                assertThat(f.admin.delete(base + "/hash-a").code()).isEqualTo("NotFound_Certificate");
                assertThat(f.admin.get(base).data().path("items")).hasSize(1);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void fingerprintsAreApprovedListedReadAndRevoked(StoreKind store) {
        try (ServerFixture f = ServerFixture.start(store, dir)) {
            for (String owner : owners(f, "prints")) {
                String base = owner + "/fingerprints";
                String body = "{\"hash\": \"SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8\", \"public_key\": \"" + SSH_KEY + "\"}";
                Http.Answer approved = assertApprovalConforms(base, f.admin.post(base, body));
                assertThat(approved.status()).isEqualTo(201);
                assertThat(approved.code()).isEqualTo("Success");
                assertThat(approved.json().path("message").asText()).isEqualTo("The fingerprint has been approved");
                String hash = approved.data().path("hash").asText();
                assertThat(hash).isEqualTo("SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8");
                assertThat(approved.data().path("public_key").asText()).isEqualTo(SSH_KEY);
                assertThat(approved.data().path("id").asText()).isEqualTo(id(hash));
                Http.Answer again = assertApprovalConforms(base, f.admin.post(base, body));
                assertThat(again.status()).as("idempotent").isEqualTo(201);
                assertThat(again.data().path("validated_date").asText())
                        .isEqualTo(approved.data().path("validated_date").asText());
                Http.Answer other = f.admin.post(base, body.replace("GKJl", "GKJm"));
                assertThat(other.status()).isEqualTo(409);
                assertThat(other.code()).isEqualTo("Conflict");

                Http.Answer list = assertConforms("GET", base, f.admin.get(base));
                assertThat(list.data().path("items")).hasSize(1);
                Http.Answer details = assertConforms("GET", base + "/" + hash, f.admin.get(base + "/" + hash));
                assertThat(details.data().path("public_key").asText()).isEqualTo(SSH_KEY);

                Http.Answer revoked = assertConforms("DELETE", base + "/" + hash, f.admin.delete(base + "/" + hash));
                assertThat(revoked.json().path("message").asText()).contains("Fingerprint with hash").contains(hash);
                Http.Answer gone = f.admin.get(base + "/" + hash);
                assertThat(gone.status()).isEqualTo(404);
                assertThat(gone.code()).isEqualTo("NotFound_Fingerprint");
            }
            Http.Answer legacyAlias = f.admin.get(owners(f, "alias").get(0).replace("/connections/", "/connectors/")
                    + "/fingerprints");
            assertThat(legacyAlias.status()).isEqualTo(200);
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void missingOwnersAndInvalidBodies(StoreKind store) {
        try (ServerFixture f = ServerFixture.start(store, dir)) {
            for (String path : List.of("/v1/connections/nope/certificates", "/v1/connections/nope/fingerprints/h")) {
                Http.Answer missing = f.admin.get(path);
                assertThat(missing.status()).isEqualTo(404);
                assertThat(missing.code()).isEqualTo("NotFound_Connection");
            }
            Http.Answer noDestination = f.admin.post("/v1/destinations/nope/certificates", cert("h", CERT_A));
            assertThat(noDestination.code()).isEqualTo("NotFound_Destination");

            String base = owners(f, "invalid").get(0);
            record Case(String path, String body, String field) {
            }
            for (Case c : List.of(
                    new Case("/certificates", "{\"encoded_cert\": \"" + CERT_A + "\"}", "'hash'"),
                    new Case("/certificates", "{\"hash\": \"h\"}", "'encoded_cert'"),
                    new Case("/certificates", cert("h", "bm90IGEgY2VydGlmaWNhdGU="), "'encoded_cert'"),
                    new Case("/certificates", cert("h", "%%% not base64"), "'encoded_cert'"),
                    new Case("/fingerprints", "{\"public_key\": \"" + SSH_KEY + "\"}", "'hash'"),
                    new Case("/fingerprints", "{\"hash\": \"h\", \"public_key\": \" \"}", "'public_key'"))) {
                Http.Answer answer = f.admin.post(base + c.path(), c.body());
                assertThat(answer.status()).as(c.body()).isEqualTo(400);
                assertThat(answer.code()).isEqualTo("InvalidInput");
                assertThat(answer.json().path("message").asText()).as(c.body()).contains(c.field());
            }
            assertThat(f.admin.get(base + "/certificates").data().path("items")).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void theDeprecatedAccountLevelRoutesNameTheOwnerInTheBody(StoreKind store) throws Exception {
        try (ServerFixture f = ServerFixture.start(store, dir)) {
            List<String> owners = owners(f, "legacy");
            String connectionId = owners.get(0).substring(owners.get(0).lastIndexOf('/') + 1);
            String destinationId = owners.get(1).substring(owners.get(1).lastIndexOf('/') + 1);

            Http.Answer approved = assertConforms("POST", "/v1/certificates", f.admin.post("/v1/certificates",
                    "{\"hash\": \"h1\", \"encoded_cert\": \"" + CERT_A + "\", \"connection_id\": \"" + connectionId + "\"}"));
            assertThat(approved.json().path("message").asText()).isEqualTo("The certificate has been approved.");
            assertThat(f.admin.get(owners.get(0) + "/certificates/h1").status()).isEqualTo(200);
            // Not in the current definition (the 2023 one has it): checked by hand.
            Http.Answer fingerprint = f.admin.post("/v1/fingerprints", "{\"hash\": \"h2\", \"public_key\": \"" + SSH_KEY
                    + "\", \"destination_id\": \"" + destinationId + "\"}");
            assertThat(fingerprint.status()).isEqualTo(200);
            assertThat(fingerprint.json().path("message").asText()).isEqualTo("The fingerprint has been approved");
            assertThat(f.admin.get(owners.get(1) + "/fingerprints/h2").status()).isEqualTo(200);

            for (String owner : List.of("", ", \"connection_id\": \"" + connectionId + "\", \"destination_id\": \""
                    + destinationId + "\"")) {
                Http.Answer answer = f.admin.post("/v1/certificates", "{\"hash\": \"h\", \"encoded_cert\": \"" + CERT_A
                        + "\"" + owner + "}");
                assertThat(answer.status()).isEqualTo(400);
                assertThat(answer.json().path("message").asText()).contains("'connection_id'").contains("'destination_id'");
            }
            assertThat(f.admin.post("/v1/fingerprints", "{\"hash\": \"h\", \"public_key\": \"k\", \"connection_id\": "
                    + "\"nope\"}").code()).isEqualTo("NotFound_Connection");

            // Approvals go with their connection.
            f.admin.delete("/v1/connections/" + connectionId);
            try (var c = f.server.database().connection(); var st = c.createStatement();
                 var rs = st.executeQuery("SELECT COUNT(*) FROM approvals WHERE connection_id IS NOT NULL")) {
                rs.next();
                assertThat(rs.getInt(1)).isZero();
            }
        }
    }

    @Test
    void aConnectionManagerCannotApproveForADestination() {
        try (ServerFixture f = ServerFixture.start(StoreKind.H2, dir)) {
            List<String> owners = owners(f, "roles");
            ApiKeys.Credentials key = new ApiKeys(new Jdbc(f.server.database())).create(Role.MANAGE_CONNECTION, "t");
            Http manager = new Http(f.server.port()).as(key.key(), key.secret());
            assertThat(manager.post(owners.get(0) + "/certificates", cert("h", CERT_A)).status()).isEqualTo(200);
            assertThat(manager.post(owners.get(1) + "/certificates", cert("h", CERT_A)).status()).isEqualTo(403);
            String destinationId = owners.get(1).substring(owners.get(1).lastIndexOf('/') + 1);
            Http.Answer legacy = manager.post("/v1/certificates", "{\"hash\": \"h\", \"encoded_cert\": \"" + CERT_A
                    + "\", \"destination_id\": \"" + destinationId + "\"}");
            assertThat(legacy.status()).isEqualTo(403);
            assertThat(f.admin.get(owners.get(1) + "/certificates").data().path("items")).isEmpty();
            assertThat(f.reviewer.delete(owners.get(0) + "/certificates/h").status()).isEqualTo(403);
        }
    }
}
