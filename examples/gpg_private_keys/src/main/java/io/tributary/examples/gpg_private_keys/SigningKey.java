package io.tributary.examples.gpg_private_keys;

import io.tributary.sdk.Configuration.ConfigurationException;
import java.io.IOException;
import java.util.Date;
import java.util.List;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.api.OpenPGPCertificate;
import org.bouncycastle.openpgp.api.OpenPGPCertificate.OpenPGPComponentKey;
import org.bouncycastle.openpgp.api.OpenPGPKey;
import org.bouncycastle.openpgp.api.OpenPGPKey.OpenPGPSecretKey;
import org.bouncycastle.openpgp.api.OpenPGPKeyReader;
import org.bouncycastle.util.encoders.Hex;

/**
 * The unlocked key that signs: read from an ASCII-armored private key (as {@code gpg --armor --export-secret-keys}
 * prints it) and its passphrase. Like gpg, it picks the key (primary or subkey) that may sign at the given time.
 * Errors name the configuration key to fix and never echo the key or the passphrase.
 */
final class SigningKey {
    static final String PRIVATE_KEY = "private_key";
    static final String PASSPHRASE = "passphrase";
    private static final String EXPORT_HINT = "export it with `gpg --armor --export-secret-keys <KEY_ID>` and put "
            + "it in configuration.json with its line breaks written as \\n";

    private final OpenPGPCertificate certificate;
    private final PGPPublicKey publicKey;
    private final PGPPrivateKey privateKey;

    private SigningKey(OpenPGPCertificate certificate, PGPPublicKey publicKey, PGPPrivateKey privateKey) {
        this.certificate = certificate;
        this.publicKey = publicKey;
        this.privateKey = privateKey;
    }

    static SigningKey unlock(String armoredKey, String passphrase, Date at) {
        OpenPGPKey key = parse(armoredKey);
        String which = "the private key in '" + PRIVATE_KEY + "' (" + fingerprint(key) + ")";
        List<OpenPGPComponentKey> signers = key.getSigningKeys(at);
        if (signers.isEmpty()) {
            throw new ConfigurationException(PRIVATE_KEY, which + " has no key that may sign on " + at.toInstant()
                    + ": it is expired, revoked or for encryption only; use a key with the sign capability (S)");
        }
        OpenPGPSecretKey secret = key.getSecretKey(signers.get(0));
        if (secret == null || secret.getPGPSecretKey().isPrivateKeyEmpty()) {
            throw new ConfigurationException(PRIVATE_KEY, which + " holds no secret part for its signing key "
                    + signers.get(0).getKeyIdentifier() + " (a gpg stub, as --export-secret-subkeys or a smartcard "
                    + "leaves); " + EXPORT_HINT);
        }
        if (secret.isLocked() && passphrase.isEmpty()) {
            throw new ConfigurationException(PASSPHRASE, which + " is protected by a passphrase; set '"
                    + PASSPHRASE + "' in configuration.json");
        }
        if (secret.isLocked() && !secret.isPassphraseCorrect(passphrase.toCharArray())) {
            throw new ConfigurationException(PASSPHRASE, "configuration key '" + PASSPHRASE + "' does not unlock "
                    + which + "; set the passphrase the key was exported with");
        }
        try {
            PGPPrivateKey unlocked = secret.isLocked()
                    ? secret.unlock(passphrase.toCharArray()).getKeyPair().getPrivateKey()
                    : secret.unlock().getKeyPair().getPrivateKey();
            return new SigningKey(key.toCertificate(), secret.getPGPSecretKey().getPublicKey(), unlocked);
        } catch (PGPException e) {
            throw new ConfigurationException(PRIVATE_KEY, "cannot unlock " + which + ": " + e.getMessage() + "; "
                    + EXPORT_HINT);
        }
    }

    private static OpenPGPKey parse(String armoredKey) {
        String text = armoredKey.strip();
        // A value escaped twice in JSON arrives with a literal backslash-n instead of line breaks.
        if (!text.contains("\n") && text.contains("\\n")) {
            text = text.replace("\\r", "").replace("\\n", "\n");
        }
        OpenPGPCertificate parsed;
        try {
            parsed = new OpenPGPKeyReader().parseKeyOrCertificate(text);
        } catch (IOException | RuntimeException e) {
            throw malformed(String.valueOf(e.getMessage()).replaceAll("\\.$", ""));
        }
        if (parsed == null) {
            throw malformed("no key found");
        }
        if (!(parsed instanceof OpenPGPKey key) || !parsed.isSecretKey()) {
            throw new ConfigurationException(PRIVATE_KEY, "configuration key '" + PRIVATE_KEY + "' holds a public "
                    + "key (" + fingerprint(parsed) + "), not a private key; " + EXPORT_HINT);
        }
        return key;
    }

    private static ConfigurationException malformed(String reason) {
        return new ConfigurationException(PRIVATE_KEY, "configuration key '" + PRIVATE_KEY + "' is not an "
                + "ASCII-armored OpenPGP private key (" + reason + "); " + EXPORT_HINT);
    }

    static String fingerprint(OpenPGPCertificate certificate) {
        return "fingerprint " + Hex.toHexString(certificate.getFingerprint()).toUpperCase(java.util.Locale.ROOT);
    }

    String fingerprint() {
        return fingerprint(certificate);
    }

    OpenPGPCertificate certificate() {
        return certificate;
    }

    PGPPublicKey publicKey() {
        return publicKey;
    }

    PGPPrivateKey privateKey() {
        return privateKey;
    }
}
