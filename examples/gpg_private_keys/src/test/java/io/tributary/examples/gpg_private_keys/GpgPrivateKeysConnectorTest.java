package io.tributary.examples.gpg_private_keys;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testkit.ConnectorTester;
import io.tributary.testkit.SyncOutcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.openpgp.api.OpenPGPKey;
import org.bouncycastle.openpgp.api.OpenPGPKeyReader;
import org.junit.jupiter.api.Test;

class GpgPrivateKeysConnectorTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2027-01-01T00:00:00Z"), ZoneOffset.UTC);
    private static final String PASSPHRASE = "correct horse battery staple";

    @Test
    void theShippedGpgKeySignsTheOriginalMessage() throws Exception {
        try (ConnectorTester tester = tester(TestKeys.shippedConfiguration())) {
            tester.sync().assertSucceeded();

            String signed = onlyMessage(tester);
            assertThat(signed).startsWith("-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA512\n\n"
                    + GpgPrivateKeysConnector.DEFAULT_MESSAGE + "\n-----BEGIN PGP SIGNATURE-----\n");
            assertThat(signed).endsWith("-----END PGP SIGNATURE-----\n");
            // Checked with the public half only, as a reader of the warehouse would.
            String publicOnly = TestKeys.armoredPublic(TestKeys.shippedKey());
            assertThat(ClearSignature.verify(signed, new OpenPGPKeyReader().parseCertificate(publicOnly)))
                    .isEqualTo(GpgPrivateKeysConnector.DEFAULT_MESSAGE);
            assertThat(tester.state().toJson()).isEqualTo("{}");
        }
    }

    @Test
    void aKeyWhosePrimaryOnlyCertifiesSignsWithItsSigningSubkey() throws Exception {
        OpenPGPKey key = TestKeys.withSigningSubkey("Subkey Signer <s@example.com>", PASSPHRASE);
        try (ConnectorTester tester = tester(config(TestKeys.armored(key), PASSPHRASE))) {
            tester.sync().assertSucceeded();

            String signed = onlyMessage(tester);
            assertThat(ClearSignature.verify(signed, key.toCertificate()))
                    .isEqualTo(GpgPrivateKeysConnector.DEFAULT_MESSAGE);
            long subkeyId = key.getSigningKeys().get(0).getKeyIdentifier().getKeyId();
            assertThat(subkeyId).isNotEqualTo(key.getPrimaryKey().getKeyIdentifier().getKeyId());
            assertThat(issuer(signed)).isEqualTo(subkeyId);
        }
    }

    @Test
    void rsaAndV6KeysSignToo() {
        for (OpenPGPKey key : List.of(TestKeys.rsa("Rsa <r@example.com>", PASSPHRASE),
                TestKeys.v6("Six <six@example.com>", PASSPHRASE))) {
            try (ConnectorTester tester = tester(config(TestKeys.armored(key), PASSPHRASE))) {
                tester.sync().assertSucceeded();
                assertThat(ClearSignature.verify(onlyMessage(tester), key.toCertificate()))
                        .isEqualTo(GpgPrivateKeysConnector.DEFAULT_MESSAGE);
            }
        }
    }

    @Test
    void repeatedSyncsKeepOneRowAndAFixedClockTheSameSignature() {
        try (ConnectorTester tester = tester(TestKeys.shippedConfiguration())) {
            tester.sync().assertSucceeded();
            Map<String, Object> first = tester.snapshot();
            tester.sync().assertSucceeded();
            assertThat(tester.snapshot()).as("EdDSA signatures are deterministic").isEqualTo(first);
            assertThat(tester.rows(GpgPrivateKeysConnector.TABLE)).hasSize(1);
        }
    }

    @Test
    void aConfiguredMessageWithDashesAndTrailingBlanksVerifies() {
        Map<String, String> config = new HashMap<>(TestKeys.shippedConfiguration());
        config.put("message", "Line one   \n-- a line that looks like armor\n-----BEGIN PGP SIGNATURE-----\nlast\t");
        try (ConnectorTester tester = tester(config)) {
            tester.sync().assertSucceeded();
            String signed = onlyMessage(tester);
            assertThat(signed).contains("\n- -- a line that looks like armor\n- -----BEGIN PGP SIGNATURE-----\n");
            assertThat(ClearSignature.verify(signed, TestKeys.shippedKey().toCertificate()))
                    .isEqualTo("Line one\n-- a line that looks like armor\n-----BEGIN PGP SIGNATURE-----\nlast");
        }
    }

    @Test
    void aKeyEscapedTwiceInJsonAndAKeyWithoutPassphraseWork() {
        OpenPGPKey unprotected = TestKeys.withSigningSubkey("Open <o@example.com>", null);
        String escapedTwice = TestKeys.armored(unprotected).replace("\n", "\\n");
        try (ConnectorTester tester = tester(config(escapedTwice, ""))) {
            tester.sync().assertSucceeded();
            assertThat(ClearSignature.verify(onlyMessage(tester), unprotected.toCertificate()))
                    .isEqualTo(GpgPrivateKeysConnector.DEFAULT_MESSAGE);
        }
    }

    @Test
    void aWrongPassphraseFailsNamingItAndChangesNothing() {
        try (ConnectorTester tester = tester(TestKeys.shippedConfiguration())) {
            tester.sync().assertSucceeded();
            Map<String, Object> before = tester.snapshot();

            Map<String, String> wrong = new HashMap<>(TestKeys.shippedConfiguration());
            wrong.put("passphrase", "not-the-passphrase");
            SyncOutcome outcome = tester.configuration(wrong).sync().assertFailedWith(
                    "configuration key 'passphrase' does not unlock the private key in 'private_key' (fingerprint "
                            + "86CF5FECB781EB0CA90A21468F459E1E1425E1AD); set the passphrase the key was exported "
                            + "with");
            assertThat(outcome.error()).doesNotContain("not-the-passphrase");
            assertThat(tester.snapshot()).isEqualTo(before);
        }
    }

    @Test
    void aMalformedKeyIsNamedWithoutEchoingIt() {
        String armored = TestKeys.armored(TestKeys.withSigningSubkey("Cut <c@example.com>", PASSPHRASE));
        for (String bad : List.of("my-secret-key-material", armored.substring(0, armored.length() / 2),
                armored.replace(armored.substring(200, 260), "A".repeat(60)))) {
            try (ConnectorTester tester = tester(config(bad, PASSPHRASE))) {
                SyncOutcome outcome = tester.sync().assertFailedWith(
                        "configuration key 'private_key' is not an ASCII-armored OpenPGP private key (");
                outcome.assertFailedWith("export it with `gpg --armor --export-secret-keys <KEY_ID>`");
                assertThat(outcome.error()).doesNotContain("my-secret-key-material")
                        .doesNotContain(armored.substring(40, 80));
                assertThat(tester.state().isEmpty()).isTrue();
            }
        }
    }

    @Test
    void aPublicKeyInsteadOfThePrivateOneIsNamed() {
        OpenPGPKey key = TestKeys.withSigningSubkey("Pub <p@example.com>", PASSPHRASE);
        try (ConnectorTester tester = tester(config(TestKeys.armoredPublic(key), PASSPHRASE))) {
            tester.sync().assertFailedWith("configuration key 'private_key' holds a public key (fingerprint ")
                    .assertFailedWith("), not a private key; export it with `gpg --armor --export-secret-keys");
        }
    }

    @Test
    void aKeyThatCannotSignIsNamed() {
        OpenPGPKey key = TestKeys.encryptionOnly("Enc <e@example.com>", PASSPHRASE);
        try (ConnectorTester tester = tester(config(TestKeys.armored(key), PASSPHRASE))) {
            tester.sync().assertFailedWith("the private key in 'private_key' (fingerprint ")
                    .assertFailedWith(" has no key that may sign on 2027-01-01T00:00:00Z: it is expired, revoked or "
                            + "for encryption only; use a key with the sign capability (S)");
        }
    }

    @Test
    void aKeyExportedWithoutItsSigningSecretIsNamed() throws Exception {
        // gpg --export-secret-subkeys of the shipped key: the primary, which signs, is a stub without secret.
        String subkeysOnly = Files.readString(Path.of("src/test/resources/shipped-key-subkeys-only.asc"));
        try (ConnectorTester tester = tester(config(subkeysOnly, "tributary-example"))) {
            tester.sync().assertFailedWith("the private key in 'private_key' (fingerprint "
                    + "86CF5FECB781EB0CA90A21468F459E1E1425E1AD) holds no secret part for its signing key "
                    + "86CF5FECB781EB0CA90A21468F459E1E1425E1AD (a gpg stub, as --export-secret-subkeys or a "
                    + "smartcard leaves); export it with `gpg --armor --export-secret-keys <KEY_ID>`");
        }
    }

    @Test
    void aKeyUsedBeforeItExistsCannotSign() {
        Clock before = Clock.fixed(TestKeys.CREATED.minusSeconds(60), ZoneOffset.UTC);
        OpenPGPKey key = TestKeys.withSigningSubkey("Early <e@example.com>", PASSPHRASE);
        try (ConnectorTester tester = ConnectorTester.of(new GpgPrivateKeysConnector(before))
                .configuration(config(TestKeys.armored(key), PASSPHRASE))) {
            tester.sync().assertFailedWith(" has no key that may sign on 2026-10-31T23:59:00Z");
        }
    }

    @Test
    void missingKeysAndAMissingPassphraseForAProtectedKeyAreNamed() {
        String armored = TestKeys.armored(TestKeys.withSigningSubkey("Locked <l@example.com>", PASSPHRASE));
        try (ConnectorTester tester = tester(Map.of("passphrase", PASSPHRASE))) {
            tester.sync().assertFailedWith("configuration key 'private_key' is required; add it to configuration.json");
        }
        try (ConnectorTester tester = tester(Map.of("private_key", armored))) {
            tester.sync().assertFailedWith("configuration key 'passphrase' is required; add it to configuration.json "
                    + "(\"\" for a key without a passphrase)");
        }
        try (ConnectorTester tester = tester(config(armored, ""))) {
            tester.sync().assertFailedWith(") is protected by a passphrase; set 'passphrase' in configuration.json");
        }
    }

    @Test
    void resumesFromEveryCheckpoint() {
        try (ConnectorTester tester = tester(TestKeys.shippedConfiguration())) {
            tester.assertReplayFromEveryCheckpoint();
        }
    }

    private static ConnectorTester tester(Map<String, String> configuration) {
        return ConnectorTester.of(new GpgPrivateKeysConnector(CLOCK)).configuration(configuration);
    }

    private static Map<String, String> config(String privateKey, String passphrase) {
        return Map.of("private_key", privateKey, "passphrase", passphrase);
    }

    private static String onlyMessage(ConnectorTester tester) {
        List<Map<String, Object>> rows = tester.liveRows(GpgPrivateKeysConnector.TABLE);
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("id")).isEqualTo(1);
        return (String) rows.get(0).get("message");
    }

    /** The key ID that the signature block of a clear-signed message names as its issuer. */
    private static long issuer(String signed) throws Exception {
        String block = signed.substring(signed.indexOf(ClearSignature.BEGIN_SIGNATURE));
        try (var in = new org.bouncycastle.bcpg.ArmoredInputStream(
                new java.io.ByteArrayInputStream(block.getBytes(java.nio.charset.StandardCharsets.US_ASCII)))) {
            var list = (org.bouncycastle.openpgp.PGPSignatureList)
                    new org.bouncycastle.openpgp.bc.BcPGPObjectFactory(in).nextObject();
            return list.get(0).getKeyID();
        }
    }
}
