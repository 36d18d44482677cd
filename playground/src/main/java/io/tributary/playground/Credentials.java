package io.tributary.playground;

/** The fixed credentials every protected endpoint accepts. Documented in the README. */
public final class Credentials {
    /** API key for NPS ({@code api_key} / {@code X-Api-Key}), Marketstack ({@code access_key}), /auth/api_key. */
    public static final String API_KEY = "playground-api-key";
    /** OAuth2 client for /oauth/token, HubSpot, Accelo and Toast. */
    public static final String CLIENT_ID = "playground-client";
    public static final String CLIENT_SECRET = "playground-secret";
    /** A long-lived refresh token accepted by the refresh_token grant. */
    public static final String REFRESH_TOKEN = "playground-refresh-token";
    /** HTTP basic user and the session-login user. */
    public static final String USERNAME = "playground";
    public static final String PASSWORD = "playground";
    /** Static bearer token for Smartsheet and /auth/http_bearer. */
    public static final String BEARER_TOKEN = "playground-bearer-token";

    /** Passkey of the test client's encrypted key and PKCS#12 file (and of the stranger's key). */
    public static final String CERTIFICATE_PASSKEY = ClientCertificateApi.PASSWORD;

    private Credentials() {
    }

    /**
     * A file of the playground's test PKI for the client-certificate endpoint (made once by {@code mtls/generate.sh}):
     * {@code ca.pem} (the CA that signed the server and the client), {@code client.pem}, {@code client.key.pem}
     * (PKCS#8, encrypted with {@link #CERTIFICATE_PASSKEY}), {@code client.p12}, and {@code stranger.pem} /
     * {@code stranger.key.pem}, a self-signed client the playground refuses.
     */
    public static byte[] certificateFile(String name) {
        try (java.io.InputStream in = ClientCertificateApi.resource(name)) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
