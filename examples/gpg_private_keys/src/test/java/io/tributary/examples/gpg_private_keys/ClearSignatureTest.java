package io.tributary.examples.gpg_private_keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.sdk.ConnectorException;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.openpgp.api.OpenPGPKey;
import org.junit.jupiter.api.Test;

/** The verify step the connector runs on its own signature, fed messages that must not pass. */
class ClearSignatureTest {
    private static final Date AT = Date.from(Instant.parse("2027-01-01T00:00:00Z"));
    private static final String PASSPHRASE = "pass";
    private static final OpenPGPKey KEY = TestKeys.withSigningSubkey("Signer <s@example.com>", PASSPHRASE);
    private static final SigningKey SIGNER = SigningKey.unlock(TestKeys.armored(KEY), PASSPHRASE, AT);

    @Test
    void aSignedTextVerifiesAndComesBackUnchanged() {
        String signed = ClearSignature.sign("Pay 100 EUR to Alice\nthen stop", SIGNER, AT);
        assertThat(ClearSignature.verify(signed, KEY.toCertificate())).isEqualTo("Pay 100 EUR to Alice\nthen stop");
        assertThat(ClearSignature.verify(signed.replace("\n", "\r\n"), KEY.toCertificate()))
                .as("CRLF line endings, as a Windows editor saves them").isEqualTo("Pay 100 EUR to Alice\nthen stop");
    }

    @Test
    void aChangedTextFails() {
        String signed = ClearSignature.sign("Pay 100 EUR to Alice", SIGNER, AT);
        assertThatThrownBy(() -> ClearSignature.verify(signed.replace("100", "900"), KEY.toCertificate()))
                .isInstanceOf(ConnectorException.class)
                .hasMessage("the signed message is not valid and could not be verified: the signature does not match "
                        + "the text: it was changed after signing");
    }

    @Test
    void aChangedSignatureFails() {
        String signed = ClearSignature.sign("Pay 100 EUR to Alice", SIGNER, AT);
        int body = signed.indexOf(ClearSignature.BEGIN_SIGNATURE) + ClearSignature.BEGIN_SIGNATURE.length() + 2;
        char flipped = signed.charAt(body + 20) == 'A' ? 'B' : 'A';
        String tampered = signed.substring(0, body + 20) + flipped + signed.substring(body + 21);
        assertThatThrownBy(() -> ClearSignature.verify(tampered, KEY.toCertificate()))
                .hasMessageStartingWith("the signed message is not valid and could not be verified: ");
    }

    @Test
    void aSignatureByAnotherKeyFails() {
        OpenPGPKey other = TestKeys.withSigningSubkey("Mallory <m@example.com>", PASSPHRASE);
        String signed = ClearSignature.sign("Pay 100 EUR to Mallory",
                SigningKey.unlock(TestKeys.armored(other), PASSPHRASE, AT), AT);
        assertThatThrownBy(() -> ClearSignature.verify(signed, KEY.toCertificate()))
                .hasMessageContaining("it was signed by key ")
                .hasMessageContaining(", which is not a signing key of " + SigningKey.fingerprint(KEY));
    }

    @Test
    void textThatIsNotAClearSignedMessageFails() {
        assertThatThrownBy(() -> ClearSignature.verify("just text", KEY.toCertificate()))
                .hasMessageEndingWith("it does not start with -----BEGIN PGP SIGNED MESSAGE-----");
        String signed = ClearSignature.sign("x", SIGNER, AT);
        String unsigned = signed.substring(0, signed.indexOf(ClearSignature.BEGIN_SIGNATURE));
        assertThatThrownBy(() -> ClearSignature.verify(unsigned, KEY.toCertificate()))
                .hasMessageEndingWith("it has no -----BEGIN PGP SIGNATURE----- block");
    }
}
