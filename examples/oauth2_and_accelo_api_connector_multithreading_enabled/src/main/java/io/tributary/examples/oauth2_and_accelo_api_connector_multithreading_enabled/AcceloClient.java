package io.tributary.examples.oauth2_and_accelo_api_connector_multithreading_enabled;

import io.tributary.sdk.http.HttpApi;
import io.tributary.sdk.http.JsonRecords;
import io.tributary.sdk.http.OAuth2;
import io.tributary.sdk.http.RequestPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Accelo API behind an OAuth2 client-credentials token ({@code scope=read(all)}), shared by every worker
 * thread: one token, one hourly request budget.
 */
final class AcceloClient {
    /** Accelo's largest page, the original's batch size. */
    static final int MAX_PAGE_SIZE = 100;
    private final HttpApi api;
    private final int pageSize;

    /** {@code root} is the deployment's address, such as {@code https://acme.api.accelo.com}. */
    AcceloClient(String root, String clientId, String clientSecret, RequestPolicy policy, int pageSize) {
        this.pageSize = pageSize;
        String base = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
        api = HttpApi.builder()
                .baseUrl(base + "/api/v0/")
                .policy(policy)
                .auth(OAuth2.clientCredentials(base + "/oauth2/v0/token", clientId, clientSecret)
                        .scope("read(all)").credentialsInBody().build())
                .userAgent("tributary-example-accelo")
                .build();
    }

    int pageSize() {
        return pageSize;
    }

    /** One page (from 0) of an entity's records modified after {@code afterUnix}, oldest first. */
    List<Map<String, Object>> page(Entity entity, long afterUnix, int page) {
        List<Map<String, Object>> out = new ArrayList<>();
        try (JsonRecords records = api.get(entity.table())
                .query("_fields", entity.fieldsParameter())
                .query("_filters", entity.dateField() + "_after(" + afterUnix + ")")
                .query("_limit", pageSize)
                .query("_page", page)
                .query("_order_by", entity.dateField())
                .send().jsonRecords("/response")) {
            records.forEach(out::add);
        }
        return out;
    }
}
