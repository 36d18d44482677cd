package io.tributary.cli.api;

import io.tributary.client.ApiError;
import java.util.Optional;

/** What to do next after the API refused a command, for the refusals people meet first. */
public final class ApiHints {
    private ApiHints() {
    }

    public static Optional<String> forError(ApiError e) {
        if (e.status() == 401) {
            return Optional.of("check the API key and secret: --key/--secret, TRIBUTARY_API_KEY/TRIBUTARY_API_SECRET, "
                    + "or ~/.tributary/config.json (a Tributary server prints its first key when it first starts)");
        }
        if (e.status() == 403) {
            return Optional.of("this key's role may not do that; use a key with a role that may (GET /v1/roles lists them)");
        }
        if ("NotFound_SchemaConfig".equals(e.code())) {
            return Optional.of("create the schema config first: tributary api schemas reload CONNECTION_ID");
        }
        if (e.status() == 0) {
            return Optional.of("the API did not answer: check --url (or TRIBUTARY_API_URL) and that the server is running");
        }
        return Optional.empty();
    }
}
