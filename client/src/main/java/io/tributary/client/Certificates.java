package io.tributary.client;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The approved TLS certificates and SSH fingerprints of one connection or destination:
 * {@code /v1/connections/{id}/certificates|fingerprints} or {@code /v1/destinations/{id}/…}. Get it from
 * {@link TributaryClient#connectionCertificates} or {@link TributaryClient#destinationCertificates}.
 * To trust whatever a connection's setup tests meet instead, see {@link Connections#test}.
 */
public final class Certificates {
    /** Characters a hash may keep in a path as they are; other hashes are sent as their base64url id. */
    private static final Pattern PATH_SAFE = Pattern.compile("[A-Za-z0-9._~-]+");
    private final TributaryClient client;
    private final String owner;

    Certificates(TributaryClient client, String ownerPath) {
        this.client = client;
        this.owner = ownerPath;
    }

    public Certificate approveCertificate(String hash, String encodedCert) {
        Map<String, String> body = Map.of("hash", required(hash, "hash"), "encoded_cert", required(encodedCert, "encodedCert"));
        return client.read(client.call("POST", owner + "/certificates", body).path("data"), Certificate.class);
    }

    public Stream<Certificate> certificates() {
        return client.list(owner + "/certificates", Certificate.class);
    }

    public Certificate certificate(String hash) {
        return client.read(client.call("GET", owner + "/certificates/" + hashSegment(hash), null).path("data"),
                Certificate.class);
    }

    public void revokeCertificate(String hash) {
        client.call("DELETE", owner + "/certificates/" + hashSegment(hash), null);
    }

    public Fingerprint approveFingerprint(String hash, String publicKey) {
        Map<String, String> body = Map.of("hash", required(hash, "hash"), "public_key", required(publicKey, "publicKey"));
        return client.read(client.call("POST", owner + "/fingerprints", body).path("data"), Fingerprint.class);
    }

    public Stream<Fingerprint> fingerprints() {
        return client.list(owner + "/fingerprints", Fingerprint.class);
    }

    public Fingerprint fingerprint(String hash) {
        return client.read(client.call("GET", owner + "/fingerprints/" + hashSegment(hash), null).path("data"),
                Fingerprint.class);
    }

    public void revokeFingerprint(String hash) {
        client.call("DELETE", owner + "/fingerprints/" + hashSegment(hash), null);
    }

    /**
     * The hash as a path segment. Base64 hashes hold '/' and '+', which servers may refuse or decode in a path
     * (an encoded slash is "ambiguous" to Jetty), so those go as the approval's id, base64url of the hash, which
     * the API answers to as well.
     */
    static String hashSegment(String hash) {
        String h = required(hash, "hash");
        return PATH_SAFE.matcher(h).matches() ? h
                : Base64.getUrlEncoder().withoutPadding().encodeToString(h.getBytes(StandardCharsets.UTF_8));
    }

    private static String required(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }
}
