package io.tributary.playground;

import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The life of one family of records across days: an initial population on day 0, then on every later day some
 * records are created, some updated and some deleted, at seeded times. A record's content is derived from its
 * index and version elsewhere; this class only decides when things happen.
 *
 * <p>Every event time in a family is unique and later days are strictly later, so cursors on the update time
 * (with a strict "greater than") never skip or repeat a record.
 */
final class Evolution {
    /** How a family grows and changes. Day 0's records are spread over the {@code initialSpanDays} before day 0. */
    record Spec(String family, int initial, int createdPerDay, int updatedPerDay, int deletedPerDay,
                int initialSpanDays) {
    }

    /** One record's state on a given day. {@code deletedAt} is null while the record exists. */
    record Entity(int index, int createdDay, Instant createdAt, Instant updatedAt, int version, Instant deletedAt) {
        boolean deleted() {
            return deletedAt != null;
        }

        /** The time of the last event that touched the record (its update, or its deletion). */
        Instant lastChange() {
            return deletedAt != null ? deletedAt : updatedAt;
        }
    }

    private static final long DAY_SECONDS = 86_400;
    private final PlaygroundState state;
    private final Spec spec;
    private final ConcurrentHashMap<Integer, List<Entity>> snapshots = new ConcurrentHashMap<>();

    Evolution(PlaygroundState state, Spec spec) {
        this.state = state;
        this.spec = spec;
    }

    Spec spec() {
        return spec;
    }

    /** Every record created up to the end of {@code day}, deleted ones included, in index order. */
    List<Entity> snapshot(int day) {
        List<Entity> cached = snapshots.get(day);
        if (cached != null) {
            return cached;
        }
        int from = day;
        while (from > 0 && !snapshots.containsKey(from)) {
            from--;
        }
        List<Entity> current = snapshots.computeIfAbsent(from, d -> d == 0 ? initial() : null);
        for (int d = from + 1; d <= day; d++) {
            List<Entity> next = advance(current, d);
            snapshots.putIfAbsent(d, next);
            current = snapshots.get(d);
        }
        return current;
    }

    /** The records that exist at the end of {@code day}. */
    List<Entity> alive(int day) {
        List<Entity> out = new ArrayList<>();
        for (Entity e : snapshot(day)) {
            if (!e.deleted()) {
                out.add(e);
            }
        }
        return out;
    }

    private List<Entity> initial() {
        long span = spec.initialSpanDays() * DAY_SECONDS;
        long spacing = Math.max(4, span / Math.max(1, spec.initial()));
        long start = state.dayStart(0).getEpochSecond() - span;
        List<Entity> out = new ArrayList<>(spec.initial());
        for (int i = 0; i < spec.initial(); i++) {
            SplittableRandom rnd = Seeded.random(state.seed, spec.family(), "initial", i);
            long created = start + i * spacing + rnd.nextLong(spacing / 4);
            long updated = created + rnd.nextLong(spacing / 2);
            out.add(new Entity(i, 0, Instant.ofEpochSecond(created), Instant.ofEpochSecond(updated), 0, null));
        }
        return Collections.unmodifiableList(out);
    }

    private List<Entity> advance(List<Entity> previous, int day) {
        List<Entity> next = new ArrayList<>(previous);
        List<Integer> aliveIdx = new ArrayList<>();
        for (Entity e : previous) {
            if (!e.deleted()) {
                aliveIdx.add(e.index());
            }
        }
        SplittableRandom rnd = Seeded.random(state.seed, spec.family(), "day", day);
        BitSet touched = new BitSet();
        List<Integer> updates = choose(aliveIdx, spec.updatedPerDay(), touched, rnd);
        List<Integer> deletes = choose(aliveIdx, spec.deletedPerDay(), touched, rnd);

        // One slot per event; shuffled so creations, updates and deletions interleave during the day.
        int events = spec.createdPerDay() + updates.size() + deletes.size();
        List<Integer> slots = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            slots.add(i);
        }
        Collections.shuffle(slots, new java.util.Random(rnd.nextLong()));
        long spacing = DAY_SECONDS / (events + 1);
        long dayStart = state.dayStart(day).getEpochSecond();
        int slot = 0;
        for (int c = 0; c < spec.createdPerDay(); c++) {
            Instant at = slotTime(dayStart, spacing, slots.get(slot++), rnd);
            next.add(new Entity(previous.size() + c, day, at, at, 0, null));
        }
        for (int idx : updates) {
            Entity e = next.get(idx);
            Instant at = slotTime(dayStart, spacing, slots.get(slot++), rnd);
            next.set(idx, new Entity(e.index(), e.createdDay(), e.createdAt(), at, e.version() + 1, null));
        }
        for (int idx : deletes) {
            Entity e = next.get(idx);
            Instant at = slotTime(dayStart, spacing, slots.get(slot++), rnd);
            next.set(idx, new Entity(e.index(), e.createdDay(), e.createdAt(), e.updatedAt(), e.version(), at));
        }
        return Collections.unmodifiableList(next);
    }

    private static Instant slotTime(long dayStart, long spacing, int slot, SplittableRandom rnd) {
        return Instant.ofEpochSecond(dayStart + 60 + slot * spacing + rnd.nextLong(Math.max(1, spacing / 2)));
    }

    private static List<Integer> choose(List<Integer> pool, int count, BitSet taken, SplittableRandom rnd) {
        List<Integer> out = new ArrayList<>();
        int free = pool.size() - taken.cardinality();
        int want = Math.min(count, Math.max(0, free));
        while (out.size() < want) {
            int candidate = pool.get(rnd.nextInt(pool.size()));
            if (!taken.get(candidate)) {
                taken.set(candidate);
                out.add(candidate);
            }
        }
        return out;
    }
}
