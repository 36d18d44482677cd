package io.tributary.examples.weather;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.sdk.Configuration;
import io.tributary.sdk.Log;
import io.tributary.sdk.http.HttpApi;
import io.tributary.sdk.http.RequestPolicy;

/**
 * The two public APIs of the example: Zippopotam.us turns a ZIP code into a place with coordinates, and the
 * National Weather Service turns coordinates into a forecast URL ({@code /points}), whose answer holds the
 * forecast periods. Neither needs a key; NWS asks for a User-Agent that identifies the caller.
 */
final class WeatherApis {
    static final String DEFAULT_ZIPPOPOTAM_URL = "https://api.zippopotam.us";
    static final String DEFAULT_NWS_URL = "https://api.weather.gov";
    private static final String USER_AGENT = "Tributary Weather Connector (contact: developers@example.com)";

    private final HttpApi zippopotam;
    private final HttpApi nws;

    WeatherApis(Configuration configuration, RequestPolicy policy) {
        zippopotam = HttpApi.builder().baseUrl(configuration.get("zippopotam_base_url", DEFAULT_ZIPPOPOTAM_URL))
                .policy(policy).userAgent(USER_AGENT).build();
        nws = HttpApi.builder().baseUrl(configuration.get("nws_base_url", DEFAULT_NWS_URL))
                .policy(policy).userAgent(USER_AGENT).header("Accept", "application/geo+json").build();
    }

    /** The first place of a US ZIP code: {@code {"place name", "longitude", "state", "state abbreviation", "latitude"}}. */
    JsonNode place(String zipCode) {
        Log.info("Requesting coordinates for ZIP code " + zipCode);
        JsonNode place = zippopotam.get("us/" + zipCode).json().path("places").path(0);
        if (!place.isObject()) {
            throw new IllegalStateException("Zippopotam knows no place for ZIP code " + zipCode);
        }
        return place;
    }

    /** The NWS two-step lookup: the grid point's metadata names its forecast URL, which has the periods. */
    JsonNode forecastPeriods(String latitude, String longitude) {
        String forecastUrl = nws.get("points/" + latitude + "," + longitude).json().path("properties")
                .path("forecast").asText("");
        if (forecastUrl.isEmpty()) {
            throw new IllegalStateException("NWS gave no forecast URL for point " + latitude + "," + longitude);
        }
        Log.info("Got forecast URL for " + latitude + "," + longitude + ": " + forecastUrl);
        return nws.get(forecastUrl).json().path("properties").path("periods");
    }
}
