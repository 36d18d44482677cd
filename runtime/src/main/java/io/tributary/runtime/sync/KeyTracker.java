package io.tributary.runtime.sync;

/**
 * Remembers 64-bit hashes of the keys a table received since the last commit, to tell the destination when
 * no key repeats (so a merge need not deduplicate). A hash collision only reports a repeat that is not there,
 * which costs speed, never correctness. Past {@value #MAX_KEYS} keys it stops and reports "may repeat", so its
 * memory stays bounded (16 MiB at most).
 */
final class KeyTracker {
    static final int MAX_KEYS = 1 << 20;
    private static final long EMPTY = 0L;

    private long[] slots = new long[1024];
    private int size;
    private boolean mayRepeat;

    /** Records a key's hash; afterwards {@link #mayRepeat()} is true if any key was seen twice. */
    void add(long hash) {
        if (mayRepeat) {
            return;
        }
        long h = hash == EMPTY ? 1 : hash;
        if (size * 2 >= slots.length) {
            if (slots.length >= MAX_KEYS * 2) {
                mayRepeat = true;
                return;
            }
            rehash(slots.length * 2);
        }
        int mask = slots.length - 1;
        int i = (int) mix(h) & mask;
        while (slots[i] != EMPTY) {
            if (slots[i] == h) {
                mayRepeat = true;
                return;
            }
            i = (i + 1) & mask;
        }
        slots[i] = h;
        size++;
    }

    boolean mayRepeat() {
        return mayRepeat;
    }

    /** Starts a new transaction. */
    void clear() {
        if (size > 0 || mayRepeat) {
            slots = new long[1024];
            size = 0;
            mayRepeat = false;
        }
    }

    private void rehash(int capacity) {
        long[] old = slots;
        slots = new long[capacity];
        int mask = capacity - 1;
        for (long h : old) {
            if (h != EMPTY) {
                int i = (int) mix(h) & mask;
                while (slots[i] != EMPTY) {
                    i = (i + 1) & mask;
                }
                slots[i] = h;
            }
        }
    }

    /** A 64-bit hash of a row's key cells (murmur3's finaliser over the cells' hash codes). */
    static long hash(Object[] cells, boolean[] keyAt) {
        long h = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < cells.length; i++) {
            if (keyAt[i]) {
                Object v = cells[i];
                long x = v instanceof Long l ? l : v instanceof String s ? stringHash(s) : v.hashCode();
                h = mix(h ^ x) + i;
            }
        }
        return h;
    }

    /**
     * FNV-1a over the chars: String.hashCode has only 32 bits, too few for a million keys, and widening its
     * base-31 polynomial to 64 bits would keep its collisions ("Aa" and "BB").
     */
    private static long stringHash(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * 0x100000001b3L;
        }
        return h;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb93fe53e94cdL;
        return z ^ (z >>> 33);
    }
}
