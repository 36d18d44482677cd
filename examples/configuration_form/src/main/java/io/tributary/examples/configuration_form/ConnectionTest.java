package io.tributary.examples.configuration_form;

import io.tributary.sdk.Configuration;
import io.tributary.sdk.Log;
import io.tributary.sdk.Test;
import io.tributary.sdk.http.Auth;
import io.tributary.sdk.http.HttpApi;
import io.tributary.sdk.http.HttpException;
import io.tributary.sdk.http.RequestPolicy;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/** The form's "Test connection": {@code GET api_base_url} with the key must answer 200. */
final class ConnectionTest {
    /** One attempt with the original's 10 s timeout: a setup test answers quickly rather than retrying. */
    static final RequestPolicy ONE_ATTEMPT = RequestPolicy.builder().maxRetries(0)
            .connectTimeout(Duration.ofSeconds(10)).readTimeout(Duration.ofSeconds(10)).build();

    private ConnectionTest() {
    }

    static Test run(Configuration configuration) {
        String baseUrl = configuration.get("api_base_url", "").trim();
        String apiKey = configuration.get("api_key", "");
        if (baseUrl.isEmpty()) {
            return Test.failure("api_base_url is required.");
        }
        if (apiKey.isBlank()) {
            return Test.failure("api_key is required.");
        }
        HttpApi api;
        try {
            api = HttpApi.builder().baseUrl(baseUrl).auth(Auth.bearer(apiKey)).policy(ONE_ATTEMPT).build();
        } catch (IllegalArgumentException e) {
            return Test.failure("api_base_url is not a valid URL: " + e.getMessage());
        }
        try (var response = api.get(baseUrl).send()) { // the base URL itself, as the original does
            if (response.status() == 200) {
                Log.info("Connection test passed: API returned 200");
                return Test.success();
            }
            return Test.failure("API returned status code: " + response.status());
        } catch (HttpException e) {
            if (e.status() > 0) {
                Log.warning("Connection test failed: API returned status " + e.status());
                return Test.failure("API returned status code: " + e.status()
                        + (e.status() == 401 || e.status() == 403 ? "; check api_key" : "; check api_base_url"));
            }
            if (causedBy(e, HttpTimeoutException.class)) {
                return Test.failure("Connection timed out. Verify your api_base_url is reachable.");
            }
            if (causedBy(e, ConnectException.class)) {
                return Test.failure("Could not connect to the API. Check your api_base_url.");
            }
            return Test.failure("Request failed: " + e.getMessage());
        }
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
