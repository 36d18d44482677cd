package io.tributary.examples.configuration;

import com.macasaet.fernet.Key;
import com.macasaet.fernet.StringValidator;
import com.macasaet.fernet.Token;
import com.macasaet.fernet.TokenValidationException;
import io.tributary.sdk.ConnectorException;
import java.time.Duration;
import java.time.temporal.TemporalAmount;
import java.util.Base64;

/** Decrypts Fernet tokens as Python's {@code cryptography.fernet.Fernet(key).decrypt(token)} does. */
final class FernetDecryptor {
    private static final int KEY_BYTES = 32;

    /** Python checks no age unless asked to, so a token made years ago still decrypts. */
    private static final StringValidator NO_EXPIRY = new StringValidator() {
        @Override
        public TemporalAmount getTimeToLive() {
            return Duration.ofDays(365L * 1000);
        }
    };

    private final Key key;

    /** {@code base64Key}: 32 bytes in URL-safe base64, the form {@code Fernet.generate_key()} prints. */
    FernetDecryptor(String keyName, String base64Key) {
        this.key = parseKey(keyName, base64Key);
    }

    String decrypt(String tokenName, String token) {
        Token parsed;
        try {
            parsed = Token.fromString(token.trim());
        } catch (IllegalArgumentException e) {
            throw new ConnectorException("'" + tokenName + "' is not a Fernet token (" + e.getMessage()
                    + "); it should look like gAAAAAB...", e);
        }
        try {
            return parsed.validateAndDecrypt(key, NO_EXPIRY);
        } catch (TokenValidationException e) {
            String reason = e.getMessage().endsWith(".") ? e.getMessage() : e.getMessage() + ".";
            throw new ConnectorException("cannot decrypt '" + tokenName + "': " + reason
                    + " Was it encrypted with this key?", e);
        }
    }

    private static Key parseKey(String keyName, String base64Key) {
        // Checked here because the library fails on a short key with an unhelpful array error.
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(base64Key.trim());
        } catch (IllegalArgumentException e) {
            bytes = new byte[0];
        }
        if (bytes.length != KEY_BYTES) {
            throw new ConnectorException("'" + keyName + "': Fernet key must be " + KEY_BYTES
                    + " url-safe base64-encoded bytes");
        }
        return new Key(bytes);
    }
}
