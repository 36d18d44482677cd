package io.tributary.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.api.model.ConnectorSdkPackage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Packages} against a stub: multipart uploads, and a create that is never blindly sent twice. */
class PackagesTest {
    private static final String PACKAGE = """
            {"id":"p1","connection_id":null,"created_by":"u1","last_updated_by":"u1",
             "created_at":"2026-01-01T00:00:00Z","updated_at":"2026-01-01T00:00:00Z","file_sha256_hash":"ab12"}""";
    @TempDir
    Path dir;

    private static TributaryClient client(StubServer stub) {
        return TributaryClient.builder().baseUrl(stub.baseUrl()).apiKey("k").apiSecret("s")
                .retryPolicy(new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofSeconds(1))).build();
    }

    @Test
    void uploadsTheZipAsTheFileFieldOfAMultipartForm() throws Exception {
        Path zip = Files.writeString(dir.resolve("connector-package.zip"), "PK-not-really-a-zip");
        try (StubServer stub = new StubServer((r, n) -> StubServer.Answer.json(201,
                "{\"code\":\"Success\",\"data\":" + PACKAGE + "}"))) {
            ConnectorSdkPackage created = client(stub).packages().upload(zip);

            assertThat(created.id()).isEqualTo("p1");
            assertThat(created.connectionId()).isNull();
            assertThat(created.fileSha256Hash()).isEqualTo("ab12");
            StubServer.Received sent = stub.received.get(0);
            assertThat(sent.method() + " " + sent.uri()).isEqualTo("POST /v1/connector-sdk/packages");
            String boundary = sent.contentType().replaceFirst("^multipart/form-data; boundary=", "");
            assertThat(boundary).isNotEqualTo(sent.contentType()).isNotBlank();
            assertThat(sent.body()).isEqualTo("--" + boundary + "\r\n"
                    + "Content-Disposition: form-data; name=\"file\"; filename=\"connector-package.zip\"\r\n"
                    + "Content-Type: application/zip\r\n\r\n"
                    + "PK-not-really-a-zip\r\n--" + boundary + "--\r\n");
        }
    }

    @Test
    void aFailedUploadIsNotSentAgainButAnUpdateIs() throws Exception {
        Path zip = Files.writeString(dir.resolve("p.zip"), "zip");
        try (StubServer stub = new StubServer((r, n) -> r.method().equals("POST") || n == 2
                ? StubServer.Answer.json(503, "{\"code\":\"ServiceUnavailable\",\"message\":\"try later\"}")
                : StubServer.Answer.json(200, "{\"code\":\"Success\",\"data\":" + PACKAGE + "}"))) {
            assertThatThrownBy(() -> client(stub).packages().upload(zip)).isInstanceOf(ApiError.class)
                    .hasMessageContaining("503").hasMessageContaining("try later");
            assertThat(stub.received).hasSize(1);

            client(stub).packages().update("p1", zip);
            assertThat(stub.received).extracting(r -> r.method() + " " + r.uri()).containsExactly(
                    "POST /v1/connector-sdk/packages", "PATCH /v1/connector-sdk/packages/p1",
                    "PATCH /v1/connector-sdk/packages/p1");
        }
    }
}
