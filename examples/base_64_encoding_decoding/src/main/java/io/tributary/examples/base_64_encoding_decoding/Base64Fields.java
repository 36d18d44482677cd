package io.tributary.examples.base_64_encoding_decoding;

import io.tributary.sdk.ConnectorException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** Base64 for whole rows and single fields, with errors that name the field instead of corrupting it. */
final class Base64Fields {
    private Base64Fields() {
    }

    /** Every value as the Base64 of its UTF-8 bytes (Python's {@code b64encode(v.encode("utf-8"))}). */
    static Map<String, String> encodeAll(Map<String, String> row) {
        Map<String, String> out = new LinkedHashMap<>();
        row.forEach((k, v) -> out.put(k, Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8))));
        return out;
    }

    /** Every value decoded from Base64 to UTF-8 text. */
    static Map<String, String> decodeAll(Map<String, String> row) {
        Map<String, String> out = new LinkedHashMap<>();
        row.forEach((k, v) -> out.put(k, decodeText(k, v)));
        return out;
    }

    /** The bytes a Base64 field holds, for a BINARY column. */
    static byte[] decodeBytes(String field, String base64) {
        try {
            return Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new ConnectorException("field '" + field + "' is not valid Base64 (" + e.getMessage()
                    + "); fix the value at the source or leave the field out");
        }
    }

    /**
     * The UTF-8 text a Base64 field holds. Fails on bytes that are not UTF-8, as Python's {@code decode("utf-8")}
     * does: {@code new String(bytes, UTF_8)} would silently turn them into U+FFFD and corrupt the value.
     */
    static String decodeText(String field, String base64) {
        byte[] bytes = decodeBytes(field, base64);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ConnectorException("field '" + field + "' decodes to " + bytes.length
                    + " bytes that are not UTF-8 text; declare its column BINARY and use decodeBytes");
        }
    }
}
