package io.tributary.examples.ssh_tunnels;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Arrays;
import java.util.Base64;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyEncryptionContext;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;

/** Client key pairs for the tests, and their private keys as the text a user pastes into configuration.json. */
final class TestKeys {
    private TestKeys() {
    }

    /** RSA, as the originals' paramiko.RSAKey expects. */
    static KeyPair rsa() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    /** ECDSA on the NIST P-256 curve. */
    static KeyPair ecdsa() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        return generator.generateKeyPair();
    }

    /** Ed25519, what {@code ssh-keygen} makes by default. */
    static KeyPair ed25519() throws Exception {
        return KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256);
    }

    /** PKCS#8 PEM: {@code -----BEGIN PRIVATE KEY-----}. */
    static String pem(KeyPair key) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(key.getPrivate().getEncoded());
        return "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n";
    }

    /**
     * PKCS#1 PEM ({@code -----BEGIN RSA PRIVATE KEY-----}, as {@code ssh-keygen -m PEM} writes and paramiko reads):
     * the RSAPrivateKey inside the PKCS#8 encoding, which for a 2048-bit key starts at byte 26.
     */
    static String pkcs1(KeyPair rsa) {
        byte[] pkcs8 = rsa.getPrivate().getEncoded();
        if (pkcs8[22] != 0x04 || pkcs8[23] != (byte) 0x82) {
            throw new IllegalArgumentException("not the PKCS#8 encoding of a 2048-bit RSA key");
        }
        byte[] pkcs1 = Arrays.copyOfRange(pkcs8, 26, pkcs8.length);
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(pkcs1);
        return "-----BEGIN RSA PRIVATE KEY-----\n" + body + "\n-----END RSA PRIVATE KEY-----\n";
    }

    /** The OpenSSH format of {@code ssh-keygen}, encrypted with {@code passphrase} (AES-256-CTR, bcrypt KDF). */
    static String openSsh(KeyPair key, String passphrase) throws Exception {
        OpenSSHKeyEncryptionContext encryption = new OpenSSHKeyEncryptionContext();
        encryption.setPassword(passphrase);
        encryption.setCipherName("AES");
        encryption.setCipherType("256");
        encryption.setCipherMode("CTR");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(key, "tributary-test", encryption, out);
        return out.toString(StandardCharsets.US_ASCII);
    }

    /** The bastion original's format: the PEM text encoded in base64 on one line. */
    static String base64(String pem) {
        return Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.US_ASCII));
    }
}
