package io.tributary.examples.toast;

import io.tributary.sdk.Log;
import io.tributary.sdk.http.HttpApi;
import io.tributary.sdk.http.HttpException;
import io.tributary.sdk.http.JsonRecords;
import io.tributary.sdk.http.Page;
import io.tributary.sdk.http.Paginator;
import io.tributary.sdk.http.Request;
import io.tributary.sdk.http.RequestPolicy;
import io.tributary.sdk.http.Response;
import io.tributary.sdk.http.SessionLogin;
import io.tributary.sdk.http.TokenAuth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The Toast calls: a login for a bearer token (kept and renewed by the toolkit), then lists per restaurant,
 * which Toast selects with the {@code Toast-Restaurant-External-ID} header.
 */
final class ToastClient {
    static final String RESTAURANT_HEADER = "Toast-Restaurant-External-ID";
    static final int ORDERS_PAGE_SIZE = 100;
    private static final int MAX_RESTARTS = 3;
    private final HttpApi api;

    ToastClient(String baseUrl, String clientId, String clientSecret, String userAccessType, RequestPolicy policy) {
        Map<String, String> login = new LinkedHashMap<>();
        login.put("clientId", clientId);
        login.put("clientSecret", clientSecret);
        login.put("userAccessType", userAccessType);
        TokenAuth auth = TokenAuth.builder(SessionLogin.with(a -> a.post("authentication/v1/authentication/login")
                        .jsonBody(login))
                .tokenAt("/token/accessToken").expiresInAt("/token/expiresIn").build()).build();
        api = HttpApi.builder()
                .baseUrl(baseUrl)
                .policy(policy)
                .auth(auth)
                .header("Accept", "application/json")
                .userAgent("tributary-example-toast")
                .build();
    }

    /** The partner's restaurants. */
    List<Map<String, Object>> restaurants() {
        return readAll(api.get("partners/v1/restaurants"));
    }

    /**
     * Every record of a list endpoint for one restaurant, following {@code Toast-Next-Page-Token}. As in the
     * original, a 400 skips the endpoint (logged), and a 409 on a page token starts the endpoint over.
     */
    void forEach(String path, String restaurantId, Map<String, String> params, Consumer<Map<String, Object>> action) {
        Request first = api.get(path).header(RESTAURANT_HEADER, restaurantId);
        for (Map.Entry<String, String> p : params.entrySet()) {
            first = first.query(p.getKey(), p.getValue());
        }
        String token = null;
        int restarts = 0;
        while (true) {
            Request request = first.query("pageToken", token);
            List<Map<String, Object>> records;
            try (Response response = request.send()) {
                token = response.header("Toast-Next-Page-Token").filter(t -> !t.isBlank()).orElse(null);
                records = readAll(response);
            } catch (HttpException e) {
                if (e.status() == 400) {
                    Log.info("Bad request, skipping " + e.url() + ": " + e.body());
                    return;
                }
                if (e.status() == 409 && token != null && restarts++ < MAX_RESTARTS) {
                    Log.info("HTTP 409 on a page token; reading " + path + " again from the first page");
                    token = null;
                    continue;
                }
                throw e;
            }
            records.forEach(action);
            if (token == null) {
                return;
            }
        }
    }

    /** Orders modified in [start, end), 100 a page; a short page is the last. A 400 skips them, as above. */
    void forEachOrder(String restaurantId, String start, String end, Consumer<Map<String, Object>> action) {
        Paginator pages = Paginator.pageNumber(api.get("orders/v2/ordersBulk").header(RESTAURANT_HEADER, restaurantId)
                        .query("startDate", start).query("endDate", end))
                .pageSize("pageSize", ORDERS_PAGE_SIZE)
                .build();
        try {
            for (Page page : pages) {
                page.records().forEach(action);
                if (page.items().size() < ORDERS_PAGE_SIZE) {
                    break;
                }
            }
        } catch (HttpException e) {
            if (e.status() != 400) {
                throw e;
            }
            Log.info("Bad request, skipping " + e.url() + ": " + e.body());
        }
    }

    private static List<Map<String, Object>> readAll(Request request) {
        try (Response response = request.send()) {
            return readAll(response);
        }
    }

    private static List<Map<String, Object>> readAll(Response response) {
        List<Map<String, Object>> out = new ArrayList<>();
        try (JsonRecords records = response.jsonRecords("")) {
            records.forEach(out::add);
        }
        return out;
    }
}
