package io.tributary.examples.base_64_encoding_decoding;

import io.tributary.sdk.Configuration;
import io.tributary.sdk.Connector;
import io.tributary.sdk.DataType;
import io.tributary.sdk.Log;
import io.tributary.sdk.Operations;
import io.tributary.sdk.State;
import io.tributary.sdk.Table;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A port of Fivetran's {@code base_64_encoding_decoding} quickstart: one user is upserted Base64-encoded and
 * then decoded back, so table {@code user} holds both forms. It also shows what the original leaves out: a
 * Base64 field that holds binary data (a PNG, as APIs send attachments) decoded into a BINARY column.
 */
public class Base64EncodingDecodingConnector implements Connector {
    static final Map<String, String> USER = orderedMap(
            "id", "12345", "name", "John Doe", "email", "john.doe@example.com");
    /** A 1x1 PNG as an API would send it: Base64 in a JSON string. */
    static final Map<String, String> DOCUMENT = orderedMap("name", "pixel.png", "content_base64",
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGOQz98PAAH+AU7LcH9QAAAAAElFTkSuQmCC");

    private final List<Map<String, String>> documents;

    public Base64EncodingDecodingConnector() {
        this(List.of(DOCUMENT));
    }

    /** For tests: other source documents. */
    Base64EncodingDecodingConnector(List<Map<String, String>> documents) {
        this.documents = documents;
    }

    @Override
    public List<Table> schema(Configuration configuration) {
        return List.of(
                Table.named("user").primaryKey("id")
                        .column("id", DataType.STRING)
                        .column("name", DataType.STRING)
                        .column("email", DataType.STRING),
                Table.named("document").primaryKey("name")
                        .column("name", DataType.STRING)
                        .column("content", DataType.BINARY));
    }

    @Override
    public void update(Configuration configuration, State state, Operations operations) {
        Log.warning("Example: QuickStart Examples - Using Base64 Encoding and Decoding");

        Map<String, String> encoded = Base64Fields.encodeAll(USER);
        operations.upsert("user", encoded);
        // Decoding what was just encoded gives the original back: a second row, keyed by the plain id.
        operations.upsert("user", Base64Fields.decodeAll(encoded));

        for (Map<String, String> document : documents) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", document.get("name"));
            row.put("content", Base64Fields.decodeBytes("content_base64", document.get("content_base64")));
            operations.upsert("document", row);
        }
        operations.checkpoint(state);
    }

    private static Map<String, String> orderedMap(String... keysAndValues) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }
}
