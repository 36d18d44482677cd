package io.tributary.examples.complexconfigurationoptions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.sdk.Configuration;
import io.tributary.sdk.Configuration.ConfigurationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The connection's settings, parsed from configuration values that are always strings: a list, an int, a
 * boolean and a JSON object. Parsed and checked once, up front, so a bad value fails the sync before any data
 * moves, with an error that names the key.
 */
record ApiSettings(List<String> regions, int apiQuota, boolean useBulkApi, List<CurrencyPair> currencies) {
    static final String REGIONS = "regions";
    static final String API_QUOTA = "api_quota";
    static final String USE_BULK_API = "use_bulk_api";
    static final String CURRENCIES = "currencies";
    private static final List<String> REQUIRED = List.of(REGIONS, API_QUOTA, USE_BULK_API, CURRENCIES);

    ApiSettings {
        regions = List.copyOf(regions);
        currencies = List.copyOf(currencies);
    }

    static ApiSettings from(Configuration configuration) {
        for (String key : REQUIRED) {
            if (!configuration.has(key)) {
                throw new ConfigurationException(key, "Missing required configuration value: " + key);
            }
        }
        // "us-east-1,us-east-4" or ["us-east-1", "us-east-4"]
        List<String> regions = configuration.getList(REGIONS);
        // "12345"
        int apiQuota = configuration.requireInt(API_QUOTA);
        // "true" or "false" (yes/no, 1/0 and on/off work too); the key is required, so the default is unused
        boolean useBulkApi = configuration.getBoolean(USE_BULK_API, false);
        // {"USD": ["EUR", "GBP"]}: each source currency with the currencies to convert it to
        List<CurrencyPair> currencies = currencyPairs(configuration.getJsonObject(CURRENCIES));

        checkRegions(regions);
        if (apiQuota < 1 || apiQuota > ApiConstants.MAX_API_QUOTA) {
            throw new ConfigurationException(API_QUOTA, "configuration key '" + API_QUOTA + "' must be between 1 and "
                    + ApiConstants.MAX_API_QUOTA + " (the API's daily limit), got " + apiQuota);
        }
        return new ApiSettings(regions, apiQuota, useBulkApi, currencies);
    }

    private static void checkRegions(List<String> regions) {
        if (regions.isEmpty()) {
            throw new ConfigurationException(REGIONS, "configuration key '" + REGIONS + "' must list at least one "
                    + "region, such as \"us-east-1,us-central-1\"");
        }
        for (String region : regions) {
            if (!ApiConstants.SUPPORTED_REGIONS.contains(region)) {
                throw new ConfigurationException(REGIONS, "configuration key '" + REGIONS + "': unknown region '"
                        + region + "'; supported: " + sorted(ApiConstants.SUPPORTED_REGIONS));
            }
        }
    }

    private static List<CurrencyPair> currencyPairs(ObjectNode json) {
        List<CurrencyPair> pairs = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : json.properties()) {
            String from = checkCurrency(field.getKey());
            JsonNode targets = field.getValue();
            if (!targets.isArray() || targets.isEmpty()) {
                throw new ConfigurationException(CURRENCIES, "configuration key '" + CURRENCIES + "': the value of \""
                        + from + "\" must be a non-empty JSON array of currency codes, such as [\"EUR\", \"GBP\"]");
            }
            for (JsonNode target : targets) {
                pairs.add(new CurrencyPair(from, checkCurrency(target.asText())));
            }
        }
        if (pairs.isEmpty()) {
            throw new ConfigurationException(CURRENCIES, "configuration key '" + CURRENCIES + "' must name at least "
                    + "one conversion, such as {\"USD\": [\"EUR\"]}");
        }
        return pairs;
    }

    private static String checkCurrency(String code) {
        if (!ApiConstants.SUPPORTED_CURRENCIES.contains(code)) {
            throw new ConfigurationException(CURRENCIES, "configuration key '" + CURRENCIES + "': unknown currency '"
                    + code + "'; supported: " + sorted(ApiConstants.SUPPORTED_CURRENCIES));
        }
        return code;
    }

    private static Set<String> sorted(Set<String> values) {
        return new TreeSet<>(values);
    }
}
