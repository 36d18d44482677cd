package io.tributary.cli.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.cli.project.UserError;
import io.tributary.client.TributaryClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Where the API is and who calls it: flags first, then TRIBUTARY_API_URL / TRIBUTARY_API_KEY /
 * TRIBUTARY_API_SECRET, then {@code ~/.tributary/config.json}. That file may be
 * {@code {"url", "api_key", "api_secret"}} or the api_framework seed's
 * {@code {"fivetran": {"api_key", "api_secret", ...}}}.
 */
public final class ApiConnection {
    @Option(names = "--url", description = "API base URL (default: Fivetran's cloud, https://api.fivetran.com/v1).")
    String url;

    @Option(names = "--key", description = "API key.")
    String key;

    @Option(names = "--secret", description = "API secret.")
    String secret;

    @Option(names = "--credentials", paramLabel = "FILE", description = "Credentials file (default: ~/.tributary/config.json).")
    Path configFile;

    /** For tests and embedding: values that stand in for the environment. */
    static Map<String, String> environment = System.getenv();

    public TributaryClient client() {
        ApiLog.enable();
        JsonNode file = readConfig();
        String u = first(url, environment.get("TRIBUTARY_API_URL"), text(file, "url"), TributaryClient.FIVETRAN_CLOUD);
        String k = first(key, environment.get("TRIBUTARY_API_KEY"), text(file, "api_key"),
                text(file.path("fivetran"), "api_key"));
        String s = first(secret, environment.get("TRIBUTARY_API_SECRET"), text(file, "api_secret"),
                text(file.path("fivetran"), "api_secret"));
        if (k == null || s == null) {
            throw new UserError("no API credentials: pass --key and --secret, set TRIBUTARY_API_KEY and "
                    + "TRIBUTARY_API_SECRET, or write them to ~/.tributary/config.json as {\"api_key\": …, \"api_secret\": …}");
        }
        return TributaryClient.builder().baseUrl(u).apiKey(k).apiSecret(s).userAgent("tributary-cli/0.1").build();
    }

    private JsonNode readConfig() {
        Path file = configFile != null ? configFile : Path.of(System.getProperty("user.home"), ".tributary", "config.json");
        if (!Files.exists(file)) {
            if (configFile != null) {
                throw new UserError("credentials file " + file + " does not exist");
            }
            return new ObjectMapper().createObjectNode();
        }
        try {
            return new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new UserError(file + " is not valid JSON: " + e.getMessage());
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText();
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }
}
