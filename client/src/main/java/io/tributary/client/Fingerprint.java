package io.tributary.client;

/** An approved SSH host key fingerprint of a connection or destination. {@code id} is the base64url form of {@code hash}. */
public record Fingerprint(String id, String hash, String publicKey, String validatedDate, String validatedBy) {
}
