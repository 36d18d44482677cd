package io.tributary.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigurationTest {
    private final Configuration config = Configuration.of(Map.of(
            "regions", "eu, us ,,ap", "json_list", "[\"a\", \"b\"]", "page_size", "50", "enabled", "Yes",
            "limits", "{\"max\": 3}", "api_key", "s3cr3t", "bad_int", "fifty", "client_secret", "x"));

    @Test
    void typedGettersParseStrings() {
        assertThat(config.getList("regions")).containsExactly("eu", "us", "ap");
        assertThat(config.getList("json_list")).containsExactly("a", "b");
        assertThat(config.getList("absent")).isEmpty();
        assertThat(config.requireInt("page_size")).isEqualTo(50);
        assertThat(config.getInt("absent", 7)).isEqualTo(7);
        assertThat(config.getLong("page_size", 0)).isEqualTo(50L);
        assertThat(config.getBoolean("enabled", false)).isTrue();
        assertThat(config.getBoolean("absent", true)).isTrue();
        assertThat(config.getJsonObject("limits").get("max").asInt()).isEqualTo(3);
    }

    @Test
    void errorsNameTheKeyAndHideSecrets() {
        assertThatThrownBy(() -> config.require("host"))
                .hasMessage("configuration key 'host' is required; add it to configuration.json");
        assertThatThrownBy(() -> config.requireInt("bad_int"))
                .hasMessage("configuration key 'bad_int' must be a whole number, got \"fifty\"");
        assertThatThrownBy(() -> config.requireInt("api_key"))
                .hasMessage("configuration key 'api_key' must be a whole number, got ******");
        assertThatThrownBy(() -> config.getBoolean("page_size", false)).hasMessageContaining("true or false");
        assertThatThrownBy(() -> config.getJsonObject("json_list")).hasMessageContaining("must be a JSON object");
        assertThatThrownBy(() -> config.getJsonObject("regions")).hasMessageContaining("is not valid JSON");
        assertThat(config.toString()).contains("api_key=******", "client_secret=******", "page_size=50")
                .doesNotContain("s3cr3t");
    }

    @Test
    void atMostOneHundredKeys() {
        Map<String, String> many = new HashMap<>();
        for (int i = 0; i < 101; i++) {
            many.put("k" + i, "v");
        }
        assertThatThrownBy(() -> Configuration.of(many)).hasMessageContaining("101 keys; at most 100");
    }

    @Test
    void secretKeysAreRecognised() {
        for (String key : List.of("password", "db_password", "apiKey", "my_key", "access_token", "client_secret",
                "fernet_key", "private_key_pem", "passphrase", "gpg_passphrase")) {
            assertThat(Configuration.isSecretKey(key)).as(key).isTrue();
        }
        for (String key : List.of("host", "port", "region", "page_size")) {
            assertThat(Configuration.isSecretKey(key)).as(key).isFalse();
        }
    }

    @Test
    void aLocalRunHasFivetransLocalDebugEnvironmentAndARunnerCanGiveAnother() {
        SyncEnvironment local = config.environment();
        assertThat(local.isLocalDebug()).isTrue();
        assertThat(local.variable("FIVETRAN_CONNECTION_ID")).isEqualTo("test_connection_id");
        assertThat(local.variable("FIVETRAN_GROUP_ID")).isEqualTo("test_group_id");
        assertThat(local.variable("FIVETRAN_CONNECTION_NAME")).isEqualTo("test_connection_name");
        assertThat(local.variable("FIVETRAN_DEPLOYMENT_MODEL")).isEqualTo("local_debug");

        Configuration deployed = config.withEnvironment(SyncEnvironment.server("conn_1", "group_1", "shop"));
        assertThat(deployed.environment().isLocalDebug()).isFalse();
        assertThat(deployed.environment().variable("FIVETRAN_CONNECTION_ID")).isEqualTo("conn_1");
        assertThat(deployed.environment().variable("FIVETRAN_DEPLOYMENT_MODEL")).isEqualTo("server");
        assertThat(deployed.asMap()).isEqualTo(config.asMap());
        assertThat(config.environment()).isEqualTo(local);
        // Other names are the process's own environment variables.
        assertThat(local.variable("PATH")).isEqualTo(System.getenv("PATH"));
        assertThat(local.variable("TRIBUTARY_NO_SUCH_VARIABLE")).isNull();
    }
}
