package io.tributary.runtime.sync;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeyTrackerTest {
    private static final boolean[] FIRST_IS_KEY = {true, false};

    private static long key(Object id) {
        return KeyTracker.hash(new Object[] {id, "payload"}, FIRST_IS_KEY);
    }

    @Test
    void reportsARepeatedKeyOnlyOnceItRepeats() {
        KeyTracker keys = new KeyTracker();
        for (long i = 0; i < 100_000; i++) {
            keys.add(key(i));
        }
        assertThat(keys.mayRepeat()).isFalse();
        keys.add(key(42L));
        assertThat(keys.mayRepeat()).isTrue();
        keys.clear();
        assertThat(keys.mayRepeat()).as("a new transaction starts clean").isFalse();
    }

    @Test
    void stringAndCompositeKeysAreDistinguished() {
        KeyTracker keys = new KeyTracker();
        boolean[] both = {true, true};
        keys.add(KeyTracker.hash(new Object[] {"a", 1}, both));
        keys.add(KeyTracker.hash(new Object[] {"a", 2}, both));
        keys.add(KeyTracker.hash(new Object[] {"b", 1}, both));
        keys.add(key("Aa"));
        keys.add(key("BB")); // same String.hashCode as "Aa"; the 64-bit hash tells them apart
        assertThat(keys.mayRepeat()).isFalse();
    }

    @Test
    void givesUpPastItsBoundRatherThanGrowing() {
        KeyTracker keys = new KeyTracker();
        for (long i = 0; i <= KeyTracker.MAX_KEYS; i++) {
            keys.add(key(i));
        }
        assertThat(keys.mayRepeat()).as("unknown past the bound, so the destination deduplicates").isTrue();
    }
}
