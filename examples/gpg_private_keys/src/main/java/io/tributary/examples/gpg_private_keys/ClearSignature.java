package io.tributary.examples.gpg_private_keys;

import io.tributary.sdk.ConnectorException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.bcpg.ArmoredInputStream;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.api.OpenPGPCertificate;
import org.bouncycastle.openpgp.api.OpenPGPCertificate.OpenPGPComponentKey;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentVerifierBuilderProvider;

/**
 * OpenPGP cleartext signatures (RFC 4880 §7), the form {@code gpg --clearsign} and python-gnupg's {@code sign()}
 * produce: the readable text, then an armored signature over it, which {@code gpg --verify} checks.
 */
final class ClearSignature {
    static final String BEGIN_MESSAGE = "-----BEGIN PGP SIGNED MESSAGE-----";
    static final String BEGIN_SIGNATURE = "-----BEGIN PGP SIGNATURE-----";

    private ClearSignature() {
    }

    /** Signs {@code text} as made at {@code at}; lines lose trailing blanks, which the signature ignores anyway. */
    static String sign(String text, SigningKey key, Date at) {
        List<String> lines = lines(text);
        try {
            PGPSignatureGenerator generator = new PGPSignatureGenerator(
                    new BcPGPContentSignerBuilder(key.publicKey().getAlgorithm(), HashAlgorithmTags.SHA512),
                    key.publicKey());
            generator.init(PGPSignature.CANONICAL_TEXT_DOCUMENT, key.privateKey());
            PGPSignatureSubpacketGenerator hashed = new PGPSignatureSubpacketGenerator();
            hashed.setSignatureCreationTime(true, at);
            hashed.setIssuerFingerprint(false, key.publicKey());
            generator.setHashedSubpackets(hashed.generate());
            generator.update(canonical(lines));

            StringBuilder out = new StringBuilder(BEGIN_MESSAGE).append("\nHash: SHA512\n\n");
            for (String line : lines) {
                // Dash-escaping keeps a line of the text from passing for an armor header.
                out.append(line.startsWith("-") ? "- " + line : line).append('\n');
            }
            return out.append(armor(generator.generate())).toString();
        } catch (PGPException | IOException e) {
            throw new ConnectorException("signing with the key in '" + SigningKey.PRIVATE_KEY + "' ("
                    + key.fingerprint() + ") failed: " + e.getMessage(), e);
        }
    }

    /** Returns the signed text when its signature was made by a signing key of {@code signer}; throws otherwise. */
    static String verify(String clearSigned, OpenPGPCertificate signer) {
        String[] parts = clearSigned.replace("\r\n", "\n").split("\n", -1);
        int i = 0;
        if (parts.length == 0 || !parts[0].equals(BEGIN_MESSAGE)) {
            throw invalid("it does not start with " + BEGIN_MESSAGE);
        }
        while (++i < parts.length && !parts[i].isEmpty()) {
            // Armor headers ("Hash: SHA512"); the signature packet itself names its hash.
        }
        List<String> lines = new ArrayList<>();
        while (++i < parts.length && !parts[i].equals(BEGIN_SIGNATURE)) {
            lines.add(parts[i].startsWith("- ") ? parts[i].substring(2) : parts[i]);
        }
        if (i >= parts.length) {
            throw invalid("it has no " + BEGIN_SIGNATURE + " block");
        }
        String armored = String.join("\n", List.of(parts).subList(i, parts.length));
        PGPSignature signature = readSignature(armored);
        OpenPGPComponentKey key = signer.getSigningKeyFor(signature);
        if (key == null) {
            throw invalid("it was signed by key " + signature.getKeyIdentifiers() + ", which is not a signing key of "
                    + SigningKey.fingerprint(signer));
        }
        try {
            signature.init(new BcPGPContentVerifierBuilderProvider(), key.getPGPPublicKey());
            signature.update(canonical(lines));
            if (!signature.verify()) {
                throw invalid("the signature does not match the text: it was changed after signing");
            }
        } catch (PGPException e) {
            throw invalid(e.getMessage());
        }
        return String.join("\n", lines);
    }

    private static PGPSignature readSignature(String armored) {
        try (ArmoredInputStream in = new ArmoredInputStream(
                new ByteArrayInputStream(armored.getBytes(StandardCharsets.US_ASCII)))) {
            Object packet = new BcPGPObjectFactory(in).nextObject();
            if (packet instanceof PGPSignatureList list && !list.isEmpty()) {
                return list.get(0);
            }
            throw invalid("its signature block holds no signature");
        } catch (IOException | RuntimeException e) {
            throw e instanceof ConnectorException c ? c
                    : invalid("its signature block is unreadable: " + e.getMessage());
        }
    }

    private static String armor(PGPSignature signature) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ArmoredOutputStream out = ArmoredOutputStream.builder().clearHeaders().build(bytes)) {
            signature.encode(out);
        }
        return bytes.toString(StandardCharsets.US_ASCII).replace("\r\n", "\n");
    }

    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        for (String line : text.replace("\r\n", "\n").split("\n", -1)) {
            lines.add(line.replaceAll("[ \t]+$", ""));
        }
        return lines;
    }

    /** The bytes a text signature covers: lines without trailing blanks, joined by CRLF, no final line break. */
    private static byte[] canonical(List<String> lines) {
        List<String> trimmed = lines.stream().map(l -> l.replaceAll("[ \t]+$", "")).toList();
        return String.join("\r\n", trimmed).getBytes(StandardCharsets.UTF_8);
    }

    private static ConnectorException invalid(String reason) {
        return new ConnectorException("the signed message is not valid and could not be verified: " + reason);
    }
}
