package io.tributary.client;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies a webhook's {@code X-Fivetran-Signature-256} header: HMAC-SHA256 of the raw body with the webhook's
 * secret, as hex. Compared in constant time, hex case-insensitively. Verify the raw bytes as received: a body
 * parsed and written again will not match.
 */
public final class WebhookSignature {
    private WebhookSignature() {
    }

    public static boolean verify(byte[] rawBody, String secret, String signatureHeader) {
        if (signatureHeader == null || secret == null) {
            return false;
        }
        byte[] expected = sign(rawBody, secret).getBytes(StandardCharsets.US_ASCII);
        byte[] given = signatureHeader.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given);
    }

    /** The lower-case hex signature of a body. */
    public static String sign(byte[] rawBody, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(rawBody));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
