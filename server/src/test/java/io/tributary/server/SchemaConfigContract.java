package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The definition's schema-config responses declare their maps (schemas, tables, columns) as an object with one
 * placeholder property ({@code "schema": {$ref: SchemaConfigResponse}}) where {@code additionalProperties} was
 * meant, so the generic check never looks inside them. This reads such a property as the map it describes and holds
 * every entry to the referenced schema: required fields, types and enums, as the definition gives them.
 */
final class SchemaConfigContract {
    private static JsonNode components;

    private SchemaConfigContract() {
    }

    /** The generic check, then every nested schema, table and column against its component schema. */
    static Http.Answer assertConforms(String method, String path, Http.Answer answer) {
        OpenApiContract.assertConforms(method, path, answer);
        if (answer.status() == 200) {
            String component = path.endsWith("/columns") ? "TableColumnsConfigResponse" : "StandardConfigResponse";
            List<String> errors = new ArrayList<>();
            check(answer.data(), component(component), "data", errors);
            assertThat(errors).as("%s %s → %s", method, path, answer.text()).isEmpty();
        }
        return answer;
    }

    private static void check(JsonNode value, JsonNode schema, String at, List<String> errors) {
        if (schema.has("$ref")) {
            check(value, component(schema.path("$ref").asText().replace("#/components/schemas/", "")), at, errors);
            return;
        }
        String type = schema.path("type").asText("object");
        switch (type) {
            case "boolean" -> expect(value.isBoolean(), at + " is a boolean", errors);
            case "string" -> {
                expect(value.isTextual(), at + " is a string", errors);
                if (schema.has("enum") && value.isTextual()) {
                    List<String> allowed = new ArrayList<>();
                    schema.path("enum").forEach(e -> allowed.add(e.asText()));
                    expect(allowed.contains(value.asText()), at + " is one of " + allowed + ": " + value, errors);
                }
            }
            default -> checkObject(value, schema, at, errors);
        }
    }

    private static void checkObject(JsonNode value, JsonNode schema, String at, List<String> errors) {
        if (!value.isObject()) {
            errors.add(at + " is an object");
            return;
        }
        JsonNode properties = schema.path("properties");
        if (properties.size() == 1 && properties.elements().next().has("$ref")) {
            JsonNode entrySchema = properties.elements().next();
            value.fields().forEachRemaining(e -> check(e.getValue(), entrySchema, at + "." + e.getKey(), errors));
            return;
        }
        schema.path("required").forEach(r -> expect(value.has(r.asText()), at + " has " + r.asText(), errors));
        Iterator<Map.Entry<String, JsonNode>> fields = properties.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> p = fields.next();
            if (value.has(p.getKey())) {
                check(value.get(p.getKey()), p.getValue(), at + "." + p.getKey(), errors);
            }
        }
    }

    private static void expect(boolean holds, String what, List<String> errors) {
        if (!holds) {
            errors.add("expected: " + what);
        }
    }

    private static synchronized JsonNode component(String name) {
        if (components == null) {
            Path spec = OpenApiContract.SPEC;
            try {
                components = new ObjectMapper().readTree(spec.toFile()).path("components").path("schemas");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        JsonNode schema = components.path(name);
        assertThat(schema.isObject()).as("component %s in the definition", name).isTrue();
        return schema;
    }
}
