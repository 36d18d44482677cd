package io.tributary.examples.parsing_json_response_in_class;

import com.fasterxml.jackson.core.JsonProcessingException;
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
import io.tributary.sdk.http.RequestPolicy;
import java.util.List;

/**
 * A port of Fivetran's {@code parsing_json_response_in_class} quickstart: {@code GET {base_url}/posts} answers a
 * JSON array; each element is mapped into a {@link Post} record with Jackson and the record is upserted into
 * {@code posts}. Elements that do not map (a missing or mistyped field) are logged and skipped.
 */
public class ParsingJsonResponseInClassConnector implements Connector {
    static final String DEFAULT_BASE_URL = "https://jsonplaceholder.typicode.com";

    private final RequestPolicy policy;

    public ParsingJsonResponseInClassConnector() {
        this(RequestPolicy.defaults());
    }

    /** For tests: a policy with short backoffs. */
    ParsingJsonResponseInClassConnector(RequestPolicy policy) {
        this.policy = policy;
    }

    @Override
    public List<Table> schema(Configuration configuration) {
        return List.of(Table.named("posts").primaryKey("id")
                .column("id", DataType.INT)
                .column("userId", DataType.INT)
                .column("title", DataType.STRING)
                .column("body", DataType.STRING));
    }

    @Override
    public void update(Configuration configuration, State state, Operations operations) {
        HttpApi api = HttpApi.builder()
                .baseUrl(configuration.get("base_url", DEFAULT_BASE_URL))
                .policy(policy)
                .build();
        Log.info("Fetching posts from " + configuration.get("base_url", DEFAULT_BASE_URL));
        JsonNode posts = api.get("posts").json(); // retried on 429, 5xx and dropped connections
        if (!posts.isArray()) {
            throw new ConnectorException("GET posts answered " + posts.getNodeType()
                    + " instead of a JSON array; check base_url");
        }
        int synced = 0;
        for (JsonNode json : posts) {
            Post post;
            try {
                post = Post.from(json);
            } catch (JsonProcessingException e) {
                Log.warning("skipping a post that does not map to Post: " + e.getOriginalMessage() + " in " + json);
                continue;
            }
            operations.upsert("posts", post);
            synced++;
        }
        operations.checkpoint(state);
        Log.info("Synced " + synced + " posts");
    }
}
