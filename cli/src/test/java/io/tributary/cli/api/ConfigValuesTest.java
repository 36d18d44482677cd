package io.tributary.cli.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.cli.project.UserError;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigValuesTest {
    private static ObjectNode json(String text) throws Exception {
        return (ObjectNode) new ObjectMapper().readTree(text);
    }

    @Test
    void parsesTextTypedValuesAndSecretsListEntries() throws Exception {
        ObjectNode config = ConfigValues.parse(List.of("host=db=1", "port:=5432", "ssl:=true",
                "secrets_list.token=a", "secrets_list.token=b", "secrets_list.other:=7"));
        assertThat(config).isEqualTo(json("{\"host\":\"db=1\",\"port\":5432,\"ssl\":true,"
                + "\"secrets_list\":[{\"key\":\"token\",\"value\":\"b\"},{\"key\":\"other\",\"value\":7}]}"));
        assertThatThrownBy(() -> ConfigValues.parse(List.of("port:=54x"))).isInstanceOf(UserError.class)
                .hasMessageContaining("needs a JSON value");
        assertThatThrownBy(() -> ConfigValues.parse(List.of("=x"))).isInstanceOf(UserError.class);
        assertThatThrownBy(() -> ConfigValues.parse(List.of("secrets_list.=x"))).isInstanceOf(UserError.class);
    }

    @Test
    void findsMaskedValuesAtTheTopInSecretsListsAndInsideObjects() throws Exception {
        ObjectNode shown = json("{\"password\":\"******\",\"user\":\"u\",\"port\":\"******x\","
                + "\"secrets_list\":[{\"key\":\"token\",\"value\":\"******\"},{\"key\":\"plain\",\"value\":\"p\"}],"
                + "\"tunnel\":{\"host\":\"h\",\"auth\":{\"key\":\"******\"}}}");
        List<String> masked = ConfigValues.masked(shown);
        assertThat(masked).containsExactly("password", "secrets_list.token", "tunnel.auth.key");
        assertThat(masked.stream().map(ConfigValues::flagFor)).containsExactly("password=…",
                "secrets_list.token=…", "tunnel:={\"auth\": {\"key\": …}}");
        ObjectNode given = ConfigValues.parse(List.of("password=p", "tunnel:={\"auth\":{\"key\":\"k\"}}"));
        assertThat(masked.stream().filter(m -> !ConfigValues.sets(given, m))).containsExactly("secrets_list.token");
    }

    @Test
    void overridesMergeIntoObjectsAndSecretsListsByKey() throws Exception {
        ObjectNode config = json("{\"user\":\"u\",\"tunnel\":{\"host\":\"h\",\"key\":\"******\"},"
                + "\"secrets_list\":[{\"key\":\"token\",\"value\":\"******\"},{\"key\":\"plain\",\"value\":\"p\"}]}");
        ConfigValues.apply(config, ConfigValues.parse(List.of("tunnel:={\"key\":\"k\"}", "secrets_list.token=t",
                "user=v")));
        assertThat(config).isEqualTo(json("{\"user\":\"v\",\"tunnel\":{\"host\":\"h\",\"key\":\"k\"},"
                + "\"secrets_list\":[{\"key\":\"token\",\"value\":\"t\"},{\"key\":\"plain\",\"value\":\"p\"}]}"));
    }
}
