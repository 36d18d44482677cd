package io.tributary.examples.marketstack;

import io.tributary.sdk.Configuration;
import io.tributary.sdk.http.Auth;
import io.tributary.sdk.http.HttpApi;
import io.tributary.sdk.http.Paginator;
import io.tributary.sdk.http.RequestPolicy;
import java.time.LocalDate;
import java.util.List;

/** Marketstack's end-of-day prices, {@code GET /eod}, with the API key sent as {@code access_key}. */
final class MarketstackApi {
    static final String DEFAULT_BASE_URL = "https://api.marketstack.com/v1";
    static final int PAGE_LIMIT = 1000;

    private final HttpApi api;

    MarketstackApi(Configuration configuration, RequestPolicy policy) {
        api = HttpApi.builder()
                .baseUrl(configuration.get("base_url", DEFAULT_BASE_URL))
                .policy(policy)
                .auth(Auth.apiKeyQuery("access_key", configuration.require("apiKey"))) // masked in logs
                .userAgent("tributary-example-marketstack")
                .build();
    }

    /** The date of the newest bar of any of these tickers ({@code /eod} is newest first), or null when none. */
    LocalDate latestDate(List<String> tickers) {
        String date = api.get("eod").query("symbols", String.join(",", tickers)).query("limit", 1).json()
                .path("data").path(0).path("date").asText("");
        return date.length() < 10 ? null : LocalDate.parse(date.substring(0, 10));
    }

    /** One ticker's bars from {@code from} to {@code to}, both included, 1000 a page. */
    Paginator prices(String ticker, LocalDate from, LocalDate to) {
        return Paginator.offset(api.get("eod").query("symbols", ticker).query("date_from", from)
                        .query("date_to", to), PAGE_LIMIT)
                .totalAt("/pagination/total").records("/data").build();
    }
}
