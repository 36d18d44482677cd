package io.tributary.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CertificatesTest {
    private static final String CERT = "{\"id\":\"YWJj\",\"name\":\"CN=db\",\"hash\":\"abc\",\"type\":\"TLS\",\"sha1\":\"s1\","
            + "\"sha256\":\"s256\",\"public_key\":\"pk\",\"validated_date\":\"2024-01-01T00:00:00.000000Z\","
            + "\"validated_by\":\"me\"}";
    private static final String PRINT = "{\"id\":\"aGg\",\"hash\":\"hh\",\"public_key\":\"ssh-rsa AAA\","
            + "\"validated_date\":\"2024-01-01T00:00:00.000000Z\",\"validated_by\":\"me\"}";

    private static TributaryClient client(StubServer stub) {
        return TributaryClient.builder().baseUrl(stub.baseUrl()).apiKey("k").apiSecret("s").build();
    }

    @Test
    void approvesListsGetsAndRevokesCertificatesOfAConnection() throws Exception {
        try (StubServer stub = new StubServer((r, n) -> StubServer.Answer.json(200, switch (r.method()) {
            case "GET" -> r.uri().contains("?") ? "{\"code\":\"Success\",\"data\":{\"items\":[" + CERT + "]}}"
                    : "{\"code\":\"Success\",\"data\":" + CERT + "}";
            case "DELETE" -> "{\"code\":\"Success\",\"message\":\"revoked\"}";
            default -> "{\"code\":\"Success\",\"message\":\"The certificate has been approved.\",\"data\":" + CERT + "}";
        }))) {
            Certificates certs = client(stub).connectionCertificates("c 1");
            Certificate approved = certs.approveCertificate("abc", "MIIB");
            assertThat(approved).isEqualTo(new Certificate("YWJj", "CN=db", "abc", "TLS", "s1", "s256", "pk",
                    "2024-01-01T00:00:00.000000Z", "me"));
            assertThat(certs.certificates().toList()).containsExactly(approved);
            assertThat(certs.certificate("abc")).isEqualTo(approved);
            certs.revokeCertificate("abc");
            assertThat(stub.received).extracting(r -> r.method() + " " + r.uri()).containsExactly(
                    "POST /v1/connections/c%201/certificates",
                    "GET /v1/connections/c%201/certificates?limit=1000",
                    "GET /v1/connections/c%201/certificates/abc",
                    "DELETE /v1/connections/c%201/certificates/abc");
            assertThat(stub.received.get(0).body()).contains("\"hash\":\"abc\"", "\"encoded_cert\":\"MIIB\"");
        }
    }

    @Test
    void fingerprintsOfADestinationAndHashesThatAPathCannotHold() throws Exception {
        try (StubServer stub = new StubServer((r, n) -> StubServer.Answer.json(r.method().equals("POST") ? 201 : 200,
                r.uri().contains("?") ? "{\"code\":\"Success\",\"data\":{\"items\":[" + PRINT + "]}}"
                        : "{\"code\":\"Success\",\"data\":" + PRINT + "}"))) {
            Certificates prints = client(stub).destinationCertificates("dest");
            Fingerprint approved = prints.approveFingerprint("hh", "ssh-rsa AAA");
            assertThat(approved.publicKey()).isEqualTo("ssh-rsa AAA");
            assertThat(prints.fingerprints().toList()).containsExactly(approved);
            prints.fingerprint("SHA256:a/b+c=");
            prints.revokeFingerprint("hh");
            assertThat(stub.received).extracting(r -> r.method() + " " + r.uri()).containsExactly(
                    "POST /v1/destinations/dest/fingerprints",
                    "GET /v1/destinations/dest/fingerprints?limit=1000",
                    "GET /v1/destinations/dest/fingerprints/U0hBMjU2OmEvYitjPQ", // base64url("SHA256:a/b+c=")
                    "DELETE /v1/destinations/dest/fingerprints/hh");
            assertThat(stub.received.get(0).body()).contains("\"public_key\":\"ssh-rsa AAA\"");
        }
    }

    @Test
    void errorsAreApiErrorsAndMissingFieldsAreRefusedBeforeSending() throws Exception {
        try (StubServer stub = new StubServer((r, n) -> StubServer.Answer.json(404,
                "{\"code\":\"NotFound_Certificate\",\"message\":\"Certificate with hash 'x' is not approved\"}"))) {
            Certificates certs = client(stub).connectionCertificates("c");
            assertThatThrownBy(() -> certs.certificate("x")).isInstanceOfSatisfying(ApiError.class, e -> {
                assertThat(e.status()).isEqualTo(404);
                assertThat(e.code()).isEqualTo("NotFound_Certificate");
                assertThat(e.apiMessage()).contains("not approved");
            });
            assertThatThrownBy(() -> certs.approveCertificate("h", " ")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("encodedCert");
            assertThat(stub.received).hasSize(1);
        }
    }
}
