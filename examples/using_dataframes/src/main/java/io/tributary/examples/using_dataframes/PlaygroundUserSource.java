package io.tributary.examples.using_dataframes;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.sdk.http.HttpApi;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The playground has no RandomUser endpoint; its closest is {@code GET /incremental/step?start_id&end_id}, the
 * users by creation number. Profile id n is the playground's n-th user. Its users have a name, email, one-line
 * address, company and job, but no gender, birth date, phone, nationality, picture or login.
 */
final class PlaygroundUserSource implements PersonSource {
    private final HttpApi api;

    PlaygroundUserSource(HttpApi api) {
        this.api = api;
    }

    @Override
    public Optional<Person> fetch(int id) {
        JsonNode data = api.get("incremental/step").query("start_id", id).query("end_id", id).json().path("data");
        if (data.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(toPerson(id, data.get(0)));
    }

    static Person toPerson(int id, JsonNode user) {
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("id", id);
        profile.put("fullName", user.path("name").asText(null));
        profile.put("email", user.path("email").asText(null));
        profile.put("company", user.path("company").asText(null));
        profile.put("job", user.path("job").asText(null));
        // "2665 Hill Street, Tucson, AZ": street, city, state.
        String[] address = user.path("address").asText("").split(",\\s*", 3);
        Map<String, Object> location = new LinkedHashMap<>();
        location.put("profileId", id);
        location.put("street", address.length > 0 && !address[0].isEmpty() ? address[0] : null);
        location.put("city", address.length > 1 ? address[1] : null);
        location.put("state", address.length > 2 ? address[2] : null);
        Map<String, Object> login = new LinkedHashMap<>();
        login.put("profileId", id);
        login.put("uuid", user.path("id").asText(null));
        return new Person(profile, location, login);
    }
}
