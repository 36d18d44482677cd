package io.tributary.examples.pyproject_toml;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.sdk.Configuration;
import io.tributary.sdk.Connector;
import io.tributary.sdk.ConnectorException;
import io.tributary.sdk.DataType;
import io.tributary.sdk.Log;
import io.tributary.sdk.Operations;
import io.tributary.sdk.State;
import io.tributary.sdk.Table;
import io.tributary.sdk.http.HttpApi;
import io.tributary.sdk.http.HttpException;
import io.tributary.sdk.http.RequestPolicy;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A port of Fivetran's {@code pyproject_toml} quickstart: the latest exchange rate of one currency pair from the
 * Frankfurter API ({@code GET /v2/rates/latest?base=USD&quotes=INR}), upserted into {@code exchange_rates}, one
 * row per publication date. The original's retries come from tenacity, declared in pyproject.toml; here they
 * come from the HTTP toolkit, declared in pom.xml, with the same budget: 3 attempts, backoff from 2 s to 10 s.
 */
public class ExchangeRatesConnector implements Connector {
    static final String DEFAULT_BASE_URL = "https://api.frankfurter.dev";
    /** tenacity's stop_after_attempt(3) and wait_exponential(min=2, max=10); a 60 s read timeout. */
    static final RequestPolicy ORIGINAL_RETRIES = RequestPolicy.builder()
            .maxRetries(2)
            .backoff(Duration.ofSeconds(2), Duration.ofSeconds(10))
            .readTimeout(Duration.ofSeconds(60))
            .build();

    private final RequestPolicy policy;

    public ExchangeRatesConnector() {
        this(ORIGINAL_RETRIES);
    }

    /** For tests: the same attempts with short backoffs. */
    ExchangeRatesConnector(RequestPolicy policy) {
        this.policy = policy;
    }

    @Override
    public List<Table> schema(Configuration configuration) {
        return List.of(Table.named("exchange_rates")
                .primaryKey("date", "from_currency", "to_currency")
                .column("date", DataType.NAIVE_DATE)
                .column("from_currency", DataType.STRING)
                .column("to_currency", DataType.STRING)
                .decimal("rate", 15, 6));
    }

    @Override
    public void update(Configuration configuration, State state, Operations operations) {
        Log.warning("Example: QuickStart Examples - pyproject.toml");
        String from = configuration.require("from_currency");
        String to = configuration.require("to_currency");
        HttpApi api = HttpApi.builder()
                .baseUrl(configuration.get("base_url", DEFAULT_BASE_URL))
                .policy(policy) // each retry is logged as a WARNING, as the original's before_sleep callback does
                .build();
        Log.info("Fetching latest exchange rate for " + from + " -> " + to);

        JsonNode rates;
        try {
            rates = api.get("v2/rates/latest").query("base", from).query("quotes", to).json();
        } catch (HttpException e) {
            if (e.status() == 404 || e.status() == 422) {
                throw new ConnectorException("no exchange rate for " + from + " -> " + to + " (HTTP " + e.status()
                        + "); check from_currency and to_currency in configuration.json: " + e.body(), e);
            }
            throw new ConnectorException("failed to fetch exchange rates after " + (policy.maxRetries() + 1)
                    + " attempts: " + e.getMessage(), e);
        }
        if (!rates.isArray() || rates.isEmpty()) {
            Log.warning("API returned no exchange rate records");
            return;
        }
        JsonNode record = rates.get(0);
        Log.info("Exchange rate for " + record.path("date").asText() + ": " + record.path("base").asText()
                + " -> " + record.path("quote").asText() + " = " + record.path("rate").asText());

        Map<String, Object> row = new LinkedHashMap<>();
        row.put("date", record.path("date").asText());
        row.put("from_currency", record.path("base").asText());
        row.put("to_currency", record.path("quote").asText());
        row.put("rate", record.path("rate").decimalValue()); // exact: the toolkit parses decimals as BigDecimal
        operations.upsert("exchange_rates", row);
        operations.checkpoint(state);
    }
}
