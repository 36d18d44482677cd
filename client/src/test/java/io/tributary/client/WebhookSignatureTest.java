package io.tributary.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {
    private static final byte[] BODY = "{\"event\":\"sync_end\",\"connector_id\":\"c\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void verifiesTheHmacOfTheRawBodyInAnyHexCase() {
        String signature = WebhookSignature.sign(BODY, "s3cret");
        assertThat(signature).hasSize(64).matches("[0-9a-f]+");
        assertThat(WebhookSignature.verify(BODY, "s3cret", signature)).isTrue();
        assertThat(WebhookSignature.verify(BODY, "s3cret", signature.toUpperCase(Locale.ROOT))).isTrue();
        // RFC 4231-style check against an independently computed value
        assertThat(WebhookSignature.sign("what do ya want for nothing?".getBytes(StandardCharsets.UTF_8), "Jefe"))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void rejectsATamperedBodyAWrongSecretAndAMissingHeader() {
        String signature = WebhookSignature.sign(BODY, "s3cret");
        byte[] tampered = "{\"event\":\"sync_end\",\"connector_id\":\"d\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(WebhookSignature.verify(tampered, "s3cret", signature)).isFalse();
        assertThat(WebhookSignature.verify(BODY, "other", signature)).isFalse();
        assertThat(WebhookSignature.verify(BODY, "s3cret", null)).isFalse();
    }
}
