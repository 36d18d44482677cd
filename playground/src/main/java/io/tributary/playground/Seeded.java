package io.tributary.playground;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Stable hashing and seeded randomness. Everything the playground generates goes through here, so the same
 * seed, names and numbers always give the same data, on every JVM (no String.hashCode, no HashMap order).
 */
public final class Seeded {
    private Seeded() {
    }

    /** A 64-bit hash of the seed and the parts (their toString, in order). */
    public static long hash(long seed, Object... parts) {
        long h = mix(seed ^ 0x9E3779B97F4A7C15L);
        for (Object part : parts) {
            h = mix(h ^ fnv(String.valueOf(part)));
        }
        return h;
    }

    /** A random source for one named purpose; independent of every other purpose. */
    public static SplittableRandom random(long seed, Object... parts) {
        return new SplittableRandom(hash(seed, parts));
    }

    /** A uniform double in [0, 1) for one decision. */
    public static double unit(long seed, Object... parts) {
        return (hash(seed, parts) >>> 11) * 0x1.0p-53;
    }

    /** A uniform int in [0, bound). */
    public static int below(int bound, long seed, Object... parts) {
        return (int) Math.floorMod(hash(seed, parts), (long) bound);
    }

    /** A version-4-shaped UUID derived from the seed and parts. */
    public static String uuid(long seed, Object... parts) {
        long hi = hash(seed, "uuid-hi", java.util.Arrays.toString(parts));
        long lo = hash(seed, "uuid-lo", java.util.Arrays.toString(parts));
        hi = (hi & 0xFFFFFFFFFFFF0FFFL) | 0x0000000000004000L;
        lo = (lo & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(hi, lo).toString();
    }

    /** Lower-case hex of a hash, for opaque tokens. */
    public static String hex(long seed, Object... parts) {
        return String.format(java.util.Locale.ROOT, "%016x", hash(seed, parts));
    }

    private static long fnv(String s) {
        long h = 0xcbf29ce484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= (b & 0xff);
            h *= 0x100000001b3L;
        }
        return h;
    }

    // SplitMix64 finaliser: spreads every input bit over the output.
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
