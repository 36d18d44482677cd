package io.tributary.playground;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The users behind the pagination, incremental, CSV and auth endpoints: 200 on day 0, then every day 10 new
 * users and 15 updated ones (new address, company or job, later updatedAt). Users are never deleted.
 */
final class UserStore {
    static final List<String> COLUMNS = List.of("id", "name", "email", "address", "company", "job", "updatedAt",
            "createdAt");

    /** One user; {@code seq} is the 1-based creation number used by /incremental/step. */
    record User(int seq, String id, Instant updatedAt, Instant createdAt, Map<String, Object> fields) {
    }

    private final Evolution evolution;
    private final DataGenerator gen;
    private final PlaygroundState state;
    private final Map<Integer, List<User>> byDay = new ConcurrentHashMap<>();

    UserStore(PlaygroundState state) {
        this.state = state;
        this.gen = new DataGenerator(state.seed);
        this.evolution = new Evolution(state, new Evolution.Spec("users", 200, 10, 15, 0, 90));
    }

    /** Every user on the current day, in creation order. */
    List<User> current() {
        return on(state.day());
    }

    List<User> on(int day) {
        return byDay.computeIfAbsent(day, d -> {
            List<User> out = new ArrayList<>();
            for (Evolution.Entity e : evolution.alive(d)) {
                out.add(toUser(e));
            }
            return Collections.unmodifiableList(out);
        });
    }

    private User toUser(Evolution.Entity e) {
        int i = e.index();
        String first = gen.firstName("user", i);
        String last = gen.lastName("user", i);
        String id = gen.uuid("user", i);
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("id", id);
        f.put("name", first + " " + last);
        f.put("email", (first + "." + last + "." + (i + 1)).toLowerCase() + "@example.com");
        f.put("address", gen.address("user", i, e.version()));
        f.put("company", gen.company("user", i, e.version()));
        f.put("job", gen.job("user", i, e.version()));
        f.put("updatedAt", e.updatedAt().toString());
        f.put("createdAt", e.createdAt().toString());
        return new User(i + 1, id, e.updatedAt(), e.createdAt(), Collections.unmodifiableMap(f));
    }
}
