package io.tributary.playground;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ClientCertificateApiTest {
    private static Playground pg;

    @BeforeAll
    static void start() {
        pg = Playground.start(0);
    }

    @AfterAll
    static void stop() {
        pg.close();
    }

    @Test
    void theTestClientGetsTheUsersWithItsSubject() throws Exception {
        HttpResponse<String> r = send(client("client.p12"), "/auth/certificate");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode body = Http.JSON.readTree(r.body());
        assertThat(body.get("client").asText()).isEqualTo("CN=tributary-playground-client");
        assertThat(body.get("data")).hasSize(200);
        assertThat(body.get("data")).isEqualTo(new Http(pg).json("/pagination/offset?limit=1000").get("data"));
    }

    @Test
    void noCertificateOrAStrangersIsRefusedInTheHandshake() throws Exception {
        assertThatThrownBy(() -> send(client((KeyStore) null), "/auth/certificate")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> send(client(pemIdentity("stranger")), "/auth/certificate"))
                .isInstanceOf(IOException.class);
        assertThat(send(client(pemIdentity("client")), "/auth/certificate").statusCode())
                .as("the PEM files of the test client are the same identity as client.p12").isEqualTo(200);
    }

    @Test
    void plainHttpIsRefusedAndFaultsPassThroughTheTlsFront() throws Exception {
        Http.Result plain = new Http(pg).get("/auth/certificate");
        assertThat(plain.status()).isEqualTo(401);
        assertThat(plain.json().get("message").asText()).contains(pg.certificateBaseUrl());

        HttpClient tls = client("client.p12");
        HttpResponse<String> limited = send(tls, "/auth/certificate?fault=429:1:7");
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).hasValue("7");
        assertThatThrownBy(() -> send(tls, "/auth/certificate?fault=reset:1,max:5")).isInstanceOf(IOException.class);
    }

    private static HttpResponse<String> send(HttpClient client, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(pg.certificateBaseUrl() + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A client that trusts the playground's CA and presents the PKCS#12 identity {@code p12}. */
    private static HttpClient client(String p12) throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(new ByteArrayInputStream(Credentials.certificateFile(p12)),
                Credentials.CERTIFICATE_PASSKEY.toCharArray());
        return client(keys);
    }

    /** {@code name.pem} with the key of {@code name.key.pem} (PKCS#8, encrypted with the passkey). */
    private static KeyStore pemIdentity(String name) throws Exception {
        String pem = new String(Credentials.certificateFile(name + ".key.pem"), StandardCharsets.US_ASCII);
        EncryptedPrivateKeyInfo info = new EncryptedPrivateKeyInfo(
                Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "")));
        String algorithm = info.getAlgParameters().toString(); // PBES2 is named by its parameters
        Cipher cipher = Cipher.getInstance(algorithm);
        cipher.init(Cipher.DECRYPT_MODE, SecretKeyFactory.getInstance(algorithm).generateSecret(
                new PBEKeySpec(Credentials.CERTIFICATE_PASSKEY.toCharArray())), info.getAlgParameters());
        PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(info.getKeySpec(cipher));
        Certificate cert = CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(Credentials.certificateFile(name + ".pem")));
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry(name, key, Credentials.CERTIFICATE_PASSKEY.toCharArray(), new Certificate[] {cert});
        return keys;
    }

    /** A client that trusts the playground's CA and presents {@code keys}' identity, or none when null. */
    private static HttpClient client(KeyStore keys) throws Exception {
        KeyManagerFactory kmf = null;
        if (keys != null) {
            kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, Credentials.CERTIFICATE_PASSKEY.toCharArray());
        }
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("ca", CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(Credentials.certificateFile("ca.pem"))));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trusted);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(tls).version(HttpClient.Version.HTTP_1_1).build();
    }
}
