package io.tributary.examples.ssh_tunnels;

import io.tributary.sdk.Configuration.ConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.util.security.SecurityUtils;

/**
 * Reads a private key from configuration text: PEM (PKCS#1, PKCS#8) or OpenSSH, pasted as it is (the key-based
 * original) or encoded in base64 (the bastion original), and decrypted with its passphrase when it has one.
 */
final class PrivateKeys {
    private static final String PEM_START = "-----BEGIN ";

    private PrivateKeys() {
    }

    /** The login's key pairs; none when it has no private key. */
    static List<KeyPair> load(SshLogin login) {
        if (login.privateKey() == null) {
            return List.of();
        }
        String keyName = login.key("private_key");
        String text = keyText(keyName, login.privateKey());
        FilePasswordProvider passphrase = login.keyPassphrase() == null ? null
                : FilePasswordProvider.of(login.keyPassphrase());
        List<KeyPair> keys = new ArrayList<>();
        try {
            SecurityUtils.loadKeyPairIdentities(null, NamedResource.ofName(keyName),
                    new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), passphrase).forEach(keys::add);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw unreadable(login, keyName, e);
        }
        if (keys.isEmpty()) {
            throw new ConfigurationException(keyName, "configuration key '" + keyName + "' holds no private key "
                    + "this connector can read (Ed25519, ECDSA, RSA); paste the private key file's text");
        }
        return keys;
    }

    /** The key as PEM/OpenSSH text: as given, with escaped line breaks restored, or decoded from base64. */
    private static String keyText(String keyName, String value) {
        String text = value.strip().replace("\\n", "\n");
        if (text.startsWith(PEM_START)) {
            return text;
        }
        try {
            String decoded = new String(Base64.getMimeDecoder().decode(text), StandardCharsets.UTF_8).strip();
            if (decoded.startsWith(PEM_START)) {
                return decoded;
            }
        } catch (IllegalArgumentException notBase64) {
            // reported below with the other unrecognised values
        }
        throw new ConfigurationException(keyName, "configuration key '" + keyName + "' is not a private key: "
                + "expected the text of a key file (starting with \"-----BEGIN\"), or that text encoded in base64");
    }

    private static ConfigurationException unreadable(SshLogin login, String keyName, Exception e) {
        if (e instanceof NoSuchAlgorithmException) {
            return new ConfigurationException(keyName, "configuration key '" + keyName + "' holds a kind of key this "
                    + "connector cannot use (" + e.getMessage() + "); use an Ed25519, ECDSA or RSA key");
        }
        String passphraseKey = login.key("key_passphrase");
        String reason = String.valueOf(e.getMessage());
        String fix = login.keyPassphrase() != null
                ? "check " + passphraseKey + ": it may not be this key's passphrase"
                : reason.toLowerCase(Locale.ROOT).contains("encrypted")
                ? "the key is encrypted: put its passphrase in " + passphraseKey
                : "paste the whole key file, from its -----BEGIN line to its -----END line";
        return new ConfigurationException(keyName, "cannot read the private key in configuration key '" + keyName
                + "': " + reason + "; " + fix);
    }
}
