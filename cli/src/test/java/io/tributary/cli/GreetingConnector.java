package io.tributary.cli;

import io.tributary.sdk.Configuration;
import io.tributary.sdk.Connector;
import io.tributary.sdk.Log;
import io.tributary.sdk.Operations;
import io.tributary.sdk.State;
import io.tributary.sdk.Table;
import java.util.List;
import java.util.Map;

/** A connector the server's orchestrator runs in CLI tests: greets config.people, or fails when config.fail is set. */
public final class GreetingConnector implements Connector {
    @Override
    public List<Table> schema(Configuration configuration) {
        return List.of(Table.named("greeting").primaryKey("name"));
    }

    @Override
    public void update(Configuration configuration, State state, Operations ops) {
        List<String> people = List.of(configuration.get("people", "ada").split(","));
        Log.info("greeting " + people.size() + " people");
        for (String name : people) {
            ops.upsert("greeting", Map.of("name", name, "text", "hello, " + name));
        }
        ops.checkpoint(Map.of("greeted", people.size()));
        if (configuration.has("fail")) {
            throw new IllegalStateException(configuration.get("fail"));
        }
    }
}
