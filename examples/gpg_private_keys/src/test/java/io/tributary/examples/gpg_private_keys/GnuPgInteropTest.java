package io.tributary.examples.gpg_private_keys;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testkit.ConnectorTester;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.openpgp.api.OpenPGPKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the connector writes is checked by GnuPG itself, as a reader of the warehouse would check it. Runs only where
 * {@code gpg} is installed; {@code --no-autostart} keeps it from leaving an agent behind.
 */
@EnabledIf("gpgIsInstalled")
class GnuPgInteropTest {
    @TempDir
    Path home;

    @Test
    void gpgVerifiesWhatTheShippedKeySigned() throws Exception {
        String signed = signWith(TestKeys.shippedConfiguration());
        gpg("--import", write("key.asc", TestKeys.armoredPublic(TestKeys.shippedKey())));
        String status = gpg("--verify", write("message.asc", signed));
        assertThat(status).contains("[GNUPG:] GOODSIG 8F459E1E1425E1AD Tributary Example <example@tributary.invalid>")
                .contains("[GNUPG:] VALIDSIG 86CF5FECB781EB0CA90A21468F459E1E1425E1AD");
    }

    @Test
    void gpgVerifiesASignatureBySubkeyAndRejectsAnEditedText() throws Exception {
        OpenPGPKey key = TestKeys.withSigningSubkey("Subkey Signer <s@example.com>", "pw");
        Map<String, String> config = new HashMap<>(Map.of("private_key", TestKeys.armored(key), "passphrase", "pw"));
        config.put("message", "- starts with a dash\nends with blanks   ");
        String signed = signWith(config);
        gpg("--import", write("key.asc", TestKeys.armoredPublic(key)));

        assertThat(gpg("--verify", write("message.asc", signed))).contains("[GNUPG:] GOODSIG ");
        assertThat(gpg("--verify", write("edited.asc", signed.replace("ends with", "ENDS WITH"))))
                .contains("[GNUPG:] BADSIG ");
    }

    static boolean gpgIsInstalled() {
        try {
            return new ProcessBuilder("gpg", "--version").start().waitFor(10, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static String signWith(Map<String, String> configuration) {
        try (ConnectorTester tester = ConnectorTester.of(new GpgPrivateKeysConnector(Clock.systemUTC()))
                .configuration(configuration)) {
            tester.sync().assertSucceeded();
            return (String) tester.liveRows(GpgPrivateKeysConnector.TABLE).get(0).get("message");
        }
    }

    private String write(String name, String content) throws IOException {
        return Files.writeString(home.resolve(name), content, StandardCharsets.UTF_8).toString();
    }

    /** Runs gpg in the test's own home; returns its status lines (and the rest of its output). */
    private String gpg(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("gpg", "--homedir", home.toString(), "--batch",
                "--no-autostart", "--status-fd", "1", "--trust-model", "always"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("gpg finished").isTrue();
        return output;
    }
}
