package io.tributary.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Helpers for the user and team tests. */
final class People {
    /** Stand-ins used only while checking an answer against the definition; see {@link #assertConforms}. */
    private static final String SOME_TIME = "2024-01-01T00:00:00.000000Z";
    private static final String SOME_ROLE = "(no role)";

    private People() {
    }

    /** Invites a user with an account role and returns their id. */
    static String user(ServerFixture f, String email) {
        Http.Answer created = f.admin.post("/v1/users", "{\"email\": \"" + email + "\", \"given_name\": \"Given\", "
                + "\"family_name\": \"Family\", \"role\": \"Account Reviewer\"}");
        if (created.status() != 201) {
            throw new AssertionError("invite failed: " + created.text());
        }
        return created.data().path("id").asText();
    }

    static String team(ServerFixture f, String name) {
        Http.Answer created = f.admin.post("/v1/teams", "{\"name\": \"" + name + "\", \"role\": \"Account Analyst\"}");
        if (created.status() != 201) {
            throw new AssertionError("team create failed: " + created.text());
        }
        return created.data().path("id").asText();
    }

    /**
     * Checks a user or team answer against the definition. The definition requires a user's {@code logged_in_at}
     * and a user's or team's {@code role} as strings, and never allows null; but nobody logs in to this server and
     * the account role can be removed ({@code DELETE .../role}), so these are null, as Fivetran's own API sends
     * them. Only those nulls are replaced by stand-ins for the check; every other field is held to the
     * definition, and the tests assert the nulls themselves.
     */
    static Http.Answer assertConforms(String method, String path, Http.Answer answer) {
        if (answer.json() == null || !answer.json().has("data")) {
            return OpenApiContract.assertConforms(method, path, answer);
        }
        ObjectNode copy = answer.json().deepCopy();
        JsonNode data = copy.path("data");
        if (data.has("items")) {
            data.path("items").forEach(People::standIns);
        } else {
            standIns(data);
        }
        OpenApiContract.assertConforms(method, path, new Http.Answer(answer.status(), answer.headers(), copy.toString(), copy));
        return answer;
    }

    private static void standIns(JsonNode item) {
        if (item instanceof ObjectNode o) {
            if (o.has("logged_in_at") && o.get("logged_in_at").isNull()) {
                o.put("logged_in_at", SOME_TIME);
            }
            if (o.has("role") && o.get("role").isNull()) {
                o.put("role", SOME_ROLE);
            }
        }
    }

    /** Rows left in a table, to see what a delete took with it. */
    static long rows(ServerFixture f, String table) {
        try (var c = f.server.database().connection(); var st = c.createStatement();
             var rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
