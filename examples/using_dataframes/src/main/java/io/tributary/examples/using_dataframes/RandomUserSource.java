package io.tributary.examples.using_dataframes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.sdk.http.HttpApi;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The original's source: {@code GET https://randomuser.me/api/}, one random person per call. */
final class RandomUserSource implements PersonSource {
    static final String DEFAULT_BASE_URL = "https://randomuser.me";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpApi api;

    RandomUserSource(HttpApi api) {
        this.api = api;
    }

    @Override
    public Optional<Person> fetch(int id) {
        JsonNode results = api.get("api/").json().path("results");
        if (results.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(toPerson(id, results.get(0)));
    }

    /** The original's field mapping. */
    static Person toPerson(int id, JsonNode data) {
        JsonNode name = data.path("name");
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("id", id);
        profile.put("fullName", text(name, "title") + " " + text(name, "first") + " " + text(name, "last"));
        profile.put("gender", text(data, "gender"));
        profile.put("email", text(data, "email"));
        profile.put("age", data.path("dob").path("age").isNumber() ? data.path("dob").path("age").asInt() : null);
        profile.put("date", text(data.path("dob"), "date"));
        profile.put("mobile", text(data, "cell"));
        profile.put("nationality", text(data, "nat"));
        profile.put("picture", JSON.convertValue(data.path("picture"), Map.class)); // kept as JSON
        JsonNode place = data.path("location");
        Map<String, Object> location = new LinkedHashMap<>();
        location.put("profileId", id);
        location.put("street", place.path("street").path("number").asText() + " " + text(place.path("street"), "name"));
        location.put("city", text(place, "city"));
        location.put("state", text(place, "state"));
        location.put("country", text(place, "country"));
        location.put("postcode", text(place, "postcode")); // a number or text, depending on the country
        JsonNode login = data.path("login");
        Map<String, Object> loginRow = new LinkedHashMap<>();
        loginRow.put("profileId", id);
        loginRow.put("uuid", text(login, "uuid"));
        loginRow.put("username", text(login, "username"));
        loginRow.put("password", text(login, "password"));
        return new Person(profile, location, loginRow);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? null : value.asText();
    }
}
