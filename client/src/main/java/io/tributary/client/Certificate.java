package io.tributary.client;

/**
 * An approved TLS certificate of a connection or destination. {@code id} is the base64url form of {@code hash};
 * {@code validatedDate} is when it was approved and {@code validatedBy} who approved it.
 */
public record Certificate(String id, String name, String hash, String type, String sha1, String sha256,
                          String publicKey, String validatedDate, String validatedBy) {
}
