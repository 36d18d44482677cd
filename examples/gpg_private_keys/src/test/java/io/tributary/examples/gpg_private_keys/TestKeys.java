package io.tributary.examples.gpg_private_keys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.api.OpenPGPApi;
import org.bouncycastle.openpgp.api.OpenPGPKey;
import org.bouncycastle.openpgp.api.OpenPGPKeyReader;
import org.bouncycastle.openpgp.api.bc.BcOpenPGPApi;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** OpenPGP keys made in the test, the way gpg users have them, and the example's shipped key. */
final class TestKeys {
    /** Every test key exists from here on; the tests' clock reads a later time. */
    static final Instant CREATED = Instant.parse("2026-11-01T00:00:00Z");
    private static final OpenPGPApi API = new BcOpenPGPApi();

    private TestKeys() {
    }

    /**
     * gpg's shape since 2.3 (v4, legacy Ed25519 and X25519), but with a primary key that only certifies, so the
     * signature must come from the signing subkey.
     */
    static OpenPGPKey withSigningSubkey(String userId, String passphrase) {
        try {
            return API.generateKey(4, Date.from(CREATED))
                    .withPrimaryKey(g -> g.generateLegacyEd25519KeyPair())
                    .addUserId(userId)
                    .addSigningSubkey(g -> g.generateLegacyEd25519KeyPair())
                    .addEncryptionSubkey(g -> g.generateLegacyX25519KeyPair())
                    .build(chars(passphrase));
        } catch (PGPException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One RSA key that certifies, signs and encrypts, as older gpg setups make. */
    static OpenPGPKey rsa(String userId, String passphrase) {
        try {
            return API.generateKey(4, Date.from(CREATED)).singletonRSAKey(2048, userId).build(chars(passphrase));
        } catch (PGPException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A key that cannot sign data: its primary only certifies, its one subkey only encrypts. */
    static OpenPGPKey encryptionOnly(String userId, String passphrase) {
        try {
            return API.generateKey(4, Date.from(CREATED))
                    .withPrimaryKey(g -> g.generateLegacyEd25519KeyPair())
                    .addUserId(userId)
                    .addEncryptionSubkey(g -> g.generateLegacyX25519KeyPair())
                    .build(chars(passphrase));
        } catch (PGPException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A v6 (RFC 9580) key with Ed25519 and X25519, the newest format. */
    static OpenPGPKey v6(String userId, String passphrase) {
        try {
            return API.generateKey(6, Date.from(CREATED)).ed25519x25519Key(userId).build(chars(passphrase));
        } catch (PGPException e) {
            throw new IllegalStateException(e);
        }
    }

    static String armored(OpenPGPKey key) {
        try {
            return key.toAsciiArmoredString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String armoredPublic(OpenPGPKey key) {
        try {
            return key.toCertificate().toAsciiArmoredString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The example's configuration.json: a key made with gpg 2.2 ({@code future-default}), passphrase-protected. */
    static Map<String, String> shippedConfiguration() {
        try {
            return new ObjectMapper().readValue(Files.readString(Path.of("configuration.json")), new TypeReference<>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static OpenPGPKey shippedKey() {
        try {
            return new OpenPGPKeyReader().parseKey(shippedConfiguration().get("private_key"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static char[] chars(String passphrase) {
        return passphrase == null ? null : passphrase.toCharArray();
    }
}
