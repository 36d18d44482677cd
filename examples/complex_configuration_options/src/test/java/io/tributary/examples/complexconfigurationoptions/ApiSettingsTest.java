package io.tributary.examples.complexconfigurationoptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.sdk.Configuration;
import io.tributary.sdk.Configuration.ConfigurationException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ApiSettingsTest {

    /** The shipped configuration.json with one key replaced (or removed, for a null value). */
    static Map<String, String> shippedWith(String key, String value) throws IOException {
        Map<String, String> values = new HashMap<>(new ObjectMapper().readValue(
                Path.of("configuration.json").toFile(), new TypeReference<Map<String, String>>() { }));
        if (value == null) {
            values.remove(key);
        } else {
            values.put(key, value);
        }
        return values;
    }

    private static ApiSettings parse(String key, String value) throws IOException {
        return ApiSettings.from(Configuration.of(shippedWith(key, value)));
    }

    @Test
    void shippedConfigurationParsesToTypedValues() throws IOException {
        ApiSettings settings = parse("unused", null);

        assertThat(settings.regions()).containsExactly("us-east-1", "us-east-4", "us-central-1");
        assertThat(settings.apiQuota()).isEqualTo(12345);
        assertThat(settings.useBulkApi()).isTrue();
        assertThat(settings.currencies())
                .containsExactly(new CurrencyPair("USD", "EUR"), new CurrencyPair("USD", "GBP"));
    }

    @Test
    void regionsMayBeAJsonArrayAndBlanksAreDropped() throws IOException {
        assertThat(parse("regions", "[\"eu-west-1\", \"ap-south-1\"]").regions())
                .containsExactly("eu-west-1", "ap-south-1");
        assertThat(parse("regions", " us-east-1 , ,eu-west-1 ").regions()).containsExactly("us-east-1", "eu-west-1");
    }

    @ParameterizedTest
    @CsvSource({"false, false", "FALSE, false", "no, false", "0, false", "True, true", "yes, true", "on, true"})
    void booleanTextIsParsedCaseInsensitively(String text, boolean expected) throws IOException {
        assertThat(parse("use_bulk_api", text).useBulkApi()).isEqualTo(expected);
    }

    @Test
    void everySourceCurrencyExpandsToItsTargets() throws IOException {
        assertThat(parse("currencies", "{\"USD\": [\"EUR\"], \"GBP\": [\"JPY\", \"CHF\"]}").currencies())
                .containsExactly(new CurrencyPair("USD", "EUR"), new CurrencyPair("GBP", "JPY"),
                        new CurrencyPair("GBP", "CHF"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"regions", "api_quota", "use_bulk_api", "currencies"})
    void eachKeyIsRequired(String key) {
        assertThatThrownBy(() -> parse(key, null))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("Missing required configuration value: " + key)
                .extracting(e -> ((ConfigurationException) e).key()).isEqualTo(key);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "api_quota    | lots              | configuration key 'api_quota' must be a whole number, got \"lots\"",
            "api_quota    | 0                 | configuration key 'api_quota' must be between 1 and 100000",
            "api_quota    | 100001            | configuration key 'api_quota' must be between 1 and 100000",
            "use_bulk_api | maybe             | configuration key 'use_bulk_api' must be true or false, got \"maybe\"",
            "regions      | ' , '             | configuration key 'regions' must list at least one region",
            "regions      | us-east-1,mars-1  | configuration key 'regions': unknown region 'mars-1'; supported: [ap-south-1,",
            "currencies   | {USD: [EUR]}      | configuration key 'currencies' is not valid JSON",
            "currencies   | '[\"USD\"]'       | configuration key 'currencies' must be a JSON object",
            "currencies   | {}                | configuration key 'currencies' must name at least one conversion",
            "currencies   | '{\"USD\": \"EUR\"}' | the value of \"USD\" must be a non-empty JSON array",
            "currencies   | '{\"USD\": []}'   | the value of \"USD\" must be a non-empty JSON array",
            "currencies   | '{\"XYZ\": [\"EUR\"]}' | configuration key 'currencies': unknown currency 'XYZ'",
            "currencies   | '{\"USD\": [\"EUR\", \"ABC\"]}' | unknown currency 'ABC'; supported: [CHF, EUR, GBP, JPY, USD]"})
    void badValuesFailNamingTheKey(String key, String value, String message) {
        assertThatThrownBy(() -> parse(key, value))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(message)
                .extracting(e -> ((ConfigurationException) e).key()).isEqualTo(key);
    }

    @Test
    void settingsAreImmutable() throws IOException {
        ApiSettings settings = parse("unused", null);
        assertThatThrownBy(() -> settings.regions().add("eu-west-1")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> settings.currencies().clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}
