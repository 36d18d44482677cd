package io.tributary.server.trust;

import io.tributary.server.http.ApiException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/**
 * What the API shows of an approved certificate, read from its {@code encoded_cert}: base64 of the DER bytes, as
 * Fivetran takes it, or a PEM block (or base64 of one), which users paste as often.
 *
 * @param encoded   the DER bytes as base64, the form stored and compared
 * @param name      the subject's distinguished name
 * @param sha1      colon-separated upper-case hex digests of the DER bytes, as openssl and keytool print them
 * @param publicKey base64 of the subject public key (X.509 SubjectPublicKeyInfo)
 */
public record CertificateSummary(String encoded, String name, String sha1, String sha256, String publicKey) {

    /** 400 naming {@code encoded_cert} when it is not an X.509 certificate. */
    public static CertificateSummary parse(String encodedCert) {
        byte[] der = der(encodedCert);
        try {
            X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
            byte[] encoded = cert.getEncoded();
            return new CertificateSummary(Base64.getEncoder().encodeToString(encoded),
                    cert.getSubjectX500Principal().getName(), digest("SHA-1", encoded), digest("SHA-256", encoded),
                    Base64.getEncoder().encodeToString(cert.getPublicKey().getEncoded()));
        } catch (CertificateException | ClassCastException e) {
            throw invalid();
        }
    }

    private static byte[] der(String text) {
        String pem = text.contains("-----BEGIN") ? text : decodedPem(text);
        String base64 = pem == null ? text : pem.replaceAll("-----(BEGIN|END) [A-Z ]+-----", "");
        try {
            return Base64.getMimeDecoder().decode(base64.replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    /** The PEM text inside base64, or null when the base64 holds DER. */
    private static String decodedPem(String base64) {
        try {
            String decoded = new String(Base64.getMimeDecoder().decode(base64.replaceAll("\\s", "")),
                    StandardCharsets.ISO_8859_1);
            return decoded.contains("-----BEGIN") ? decoded : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static ApiException invalid() {
        return ApiException.invalid("Field 'encoded_cert' must be an X.509 certificate: base64 of its DER bytes, or "
                + "PEM");
    }

    private static String digest(String algorithm, byte[] bytes) {
        try {
            String hex = HexFormat.ofDelimiter(":").formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
            return hex.toUpperCase(Locale.ROOT);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is unavailable", e);
        }
    }
}
