package io.tributary.server.destinations;

import io.tributary.api.model.SetupTest;
import io.tributary.server.http.ApiException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A kind of destination the server can load into: its configuration rules and its setup tests. */
public interface DestinationService {

    /** The service name of the API ({@code duckdb}, {@code postgres}). */
    String name();

    /** Configuration keys whose values are secrets: stored, never returned. */
    Set<String> secretKeys();

    /** Checks a complete configuration and returns it with typed values; {@link ApiException} names the field. */
    Map<String, Object> validate(Map<String, Object> config);

    /** Runs the setup tests against the destination itself. */
    List<SetupTest> test(Map<String, Object> config);

    static DestinationService of(String service) {
        if (service == null || service.isBlank()) {
            throw ApiException.required("service");
        }
        return switch (service) {
            case "duckdb" -> new DuckDbService();
            case "postgres", "postgres_warehouse" -> new PostgresService();
            default -> throw ApiException.invalid("Unsupported service '" + service + "': use duckdb or postgres_warehouse (postgres)");
        };
    }

    static String requireText(Map<String, Object> config, String key) {
        Object v = config.get(key);
        if (v == null || v.toString().isBlank()) {
            throw ApiException.invalid("Field 'config." + key + "' is required");
        }
        return v.toString();
    }

    static SetupTest passed(String title) {
        return new SetupTest(title, "PASSED", "");
    }

    static SetupTest failed(String title, String message) {
        return new SetupTest(title, "FAILED", message);
    }
}
