package io.tributary.examples.authentication_certificate;

import io.tributary.sdk.Configuration;
import io.tributary.sdk.Configuration.ConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.KeySpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Builds the TLS context of a client certificate from the configuration, in memory: the key never touches the
 * disk (the original writes it to temporary files). Either {@code ENCODED_CERTIFICATE} + {@code ENCODED_PRIVATE_KEY}
 * (Base64 of PEM files; the key PKCS#8, encrypted with {@code PASSKEY} or not) or {@code ENCODED_PKCS12} +
 * {@code PASSKEY}. {@code ENCODED_CA_CERTIFICATE} (Base64 of PEM) is trusted for the server instead of the JDK's CAs.
 */
final class ClientCertificates {
    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

    private ClientCertificates() {
    }

    static SSLContext tlsContext(Configuration c) {
        try {
            KeyStore identity = c.has("ENCODED_PKCS12") ? pkcs12(c) : pem(c);
            char[] pass = c.get("PASSKEY", "").toCharArray();
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(identity, pass);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(c.has("ENCODED_CA_CERTIFICATE") ? trusted(c) : null); // null: the JDK's own CAs
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            return tls;
        } catch (GeneralSecurityException e) {
            throw new ConfigurationException(null, "cannot use the client certificate: " + e);
        }
    }

    private static KeyStore pkcs12(Configuration c) throws GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try {
            store.load(new ByteArrayInputStream(decode(c, "ENCODED_PKCS12")), c.require("PASSKEY").toCharArray());
        } catch (IOException e) {
            throw new ConfigurationException("PASSKEY", "ENCODED_PKCS12 cannot be opened with PASSKEY (" + e.getMessage()
                    + "); check both");
        }
        return store;
    }

    private static KeyStore pem(Configuration c) throws GeneralSecurityException {
        Certificate[] chain = certificates(c, "ENCODED_CERTIFICATE");
        PrivateKey key = privateKey(c);
        KeyStore store = KeyStore.getInstance("PKCS12");
        try {
            store.load(null, null);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        store.setKeyEntry("client", key, c.get("PASSKEY", "").toCharArray(), chain);
        return store;
    }

    private static KeyStore trusted(Configuration c) throws GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try {
            store.load(null, null);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Certificate[] cas = certificates(c, "ENCODED_CA_CERTIFICATE");
        for (int i = 0; i < cas.length; i++) {
            store.setCertificateEntry("ca-" + i, cas[i]);
        }
        return store;
    }

    private static Certificate[] certificates(Configuration c, String key) {
        String pem = new String(decode(c, key), StandardCharsets.US_ASCII);
        try {
            Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
            if (certs.isEmpty()) {
                throw new CertificateException("no certificate found");
            }
            return certs.toArray(Certificate[]::new);
        } catch (CertificateException e) {
            throw new ConfigurationException(key, key + " holds no PEM certificate (-----BEGIN CERTIFICATE-----): "
                    + e.getMessage());
        }
    }

    /** The PKCS#8 key, decrypted with PASSKEY when it is encrypted. The same PEM may also hold the certificate. */
    private static PrivateKey privateKey(Configuration c) throws GeneralSecurityException {
        String pem = new String(decode(c, "ENCODED_PRIVATE_KEY"), StandardCharsets.US_ASCII);
        Matcher m = PEM.matcher(pem);
        while (m.find()) {
            byte[] der = Base64.getMimeDecoder().decode(m.group(2).strip());
            switch (m.group(1)) {
                case "PRIVATE KEY" -> {
                    return parse(new PKCS8EncodedKeySpec(der));
                }
                case "ENCRYPTED PRIVATE KEY" -> {
                    return parse(decrypt(der, c.require("PASSKEY")));
                }
                case "RSA PRIVATE KEY", "EC PRIVATE KEY" -> throw new ConfigurationException("ENCODED_PRIVATE_KEY",
                        "ENCODED_PRIVATE_KEY is a " + m.group(1) + " (PKCS#1/SEC1); convert it to PKCS#8 with "
                                + "`openssl pkcs8 -topk8 -in key.pem -out key8.pem` and encode that");
                default -> {
                    // a certificate in the same file: keep looking
                }
            }
        }
        throw new ConfigurationException("ENCODED_PRIVATE_KEY",
                "ENCODED_PRIVATE_KEY holds no PEM private key (-----BEGIN PRIVATE KEY----- or ENCRYPTED PRIVATE KEY)");
    }

    private static PKCS8EncodedKeySpec decrypt(byte[] der, String passkey) throws GeneralSecurityException {
        EncryptedPrivateKeyInfo info;
        try {
            info = new EncryptedPrivateKeyInfo(der);
        } catch (IOException e) {
            throw new ConfigurationException("ENCODED_PRIVATE_KEY", "ENCODED_PRIVATE_KEY is not a valid encrypted key");
        }
        // openssl 3 writes PBES2; the JDK names that scheme by its parameters (PBEWithHmacSHA256AndAES_256).
        String algorithm = info.getAlgParameters() != null ? info.getAlgParameters().toString() : info.getAlgName();
        try {
            Cipher cipher = Cipher.getInstance(algorithm);
            cipher.init(Cipher.DECRYPT_MODE, SecretKeyFactory.getInstance(algorithm)
                    .generateSecret(new PBEKeySpec(passkey.toCharArray())), info.getAlgParameters());
            return info.getKeySpec(cipher);
        } catch (InvalidKeySpecException e) {
            throw new ConfigurationException("PASSKEY", "PASSKEY does not decrypt ENCODED_PRIVATE_KEY; check PASSKEY");
        }
    }

    private static PrivateKey parse(KeySpec spec) throws GeneralSecurityException {
        for (String algorithm : new String[] {"RSA", "EC", "Ed25519"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (InvalidKeySpecException e) {
                // not this algorithm
            }
        }
        throw new ConfigurationException("ENCODED_PRIVATE_KEY", "ENCODED_PRIVATE_KEY is not an RSA, EC or Ed25519 key");
    }

    private static byte[] decode(Configuration c, String key) {
        try {
            return Base64.getDecoder().decode(c.require(key).replaceAll("\\s", "")); // openssl base64 breaks lines
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(key, key + " is not Base64 (" + e.getMessage()
                    + "); encode the PEM file with `openssl base64 -A -in FILE`");
        }
    }
}
