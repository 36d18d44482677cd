package io.tributary.playground;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded fake values (people, companies, places, prose). Each value is a pure function of the seed and the
 * parts that name it (family, index, version, field), so a record looks the same on every run and changes
 * only when its version changes.
 */
final class DataGenerator {
    private static final List<String> FIRST = List.of("Mark", "Alan", "Priya", "Chen", "Sofia", "Omar", "Lena",
            "Diego", "Aisha", "Tom", "Yuki", "Ines", "Noah", "Maya", "Ivan", "Zara", "Liam", "Emma", "Ravi", "Ana",
            "Kofi", "Hana", "Luca", "Nina");
    private static final List<String> LAST = List.of("Taylor", "Smith", "Patel", "Wang", "Garcia", "Haddad",
            "Muller", "Silva", "Khan", "Brown", "Tanaka", "Costa", "Jones", "Cohen", "Petrov", "Ali", "Murphy",
            "Rossi", "Nguyen", "Okafor", "Kim", "Novak", "Larsen", "Dubois");
    private static final List<String> COMPANY_A = List.of("Acme", "Globex", "Initech", "Umbrella", "Stark", "Wayne",
            "Hooli", "Vandelay", "Soylent", "Tyrell", "Cyberdyne", "Wonka", "Gringotts", "Oscorp", "Aperture",
            "Monarch");
    private static final List<String> COMPANY_B = List.of("Inc", "LLC", "Group", "Labs", "Partners", "Systems",
            "Holdings", "Corp");
    private static final List<String> JOBS = List.of("Pilot, airline", "Dispensing optician", "Software engineer",
            "Data scientist", "Product manager", "Accountant", "Nurse", "Civil engineer", "Teacher", "Chef",
            "Architect", "Librarian", "Pharmacist", "Electrician", "Journalist", "Translator");
    private static final List<String> STREETS = List.of("Elm Street", "Oak Avenue", "Pine Road", "Maple Drive",
            "Cedar Lane", "Birch Way", "Lake Shore Drive", "Hill Street", "River Road", "Park Place");
    private static final List<String> CITIES = List.of("Springfield, IL", "Portland, OR", "Austin, TX",
            "Denver, CO", "Madison, WI", "Raleigh, NC", "Boise, ID", "Tucson, AZ", "Albany, NY", "Eugene, OR");
    private static final List<String> WORDS = List.of("river", "trail", "summit", "canyon", "meadow", "forest",
            "lake", "ridge", "valley", "coast", "desert", "glacier", "prairie", "island", "cave", "falls",
            "bridge", "harbor", "garden", "station");

    private final long seed;

    DataGenerator(long seed) {
        this.seed = seed;
    }

    long seed() {
        return seed;
    }

    SplittableRandom random(Object... parts) {
        return Seeded.random(seed, parts);
    }

    String pick(List<String> options, Object... parts) {
        return options.get(Seeded.below(options.size(), seed, parts));
    }

    int intBetween(int min, int maxInclusive, Object... parts) {
        return min + Seeded.below(maxInclusive - min + 1, seed, parts);
    }

    /** A value in [min, max) rounded to 2 decimals. */
    double money(double min, double max, Object... parts) {
        double v = min + Seeded.unit(seed, parts) * (max - min);
        return Math.round(v * 100.0) / 100.0;
    }

    String uuid(Object... parts) {
        return Seeded.uuid(seed, parts);
    }

    String firstName(Object... parts) {
        return pick(FIRST, append(parts, "first"));
    }

    String lastName(Object... parts) {
        return pick(LAST, append(parts, "last"));
    }

    String company(Object... parts) {
        return pick(COMPANY_A, append(parts, "company-a")) + " " + pick(COMPANY_B, append(parts, "company-b"));
    }

    String job(Object... parts) {
        return pick(JOBS, append(parts, "job"));
    }

    String address(Object... parts) {
        int number = intBetween(1, 9999, append(parts, "street-no"));
        return number + " " + pick(STREETS, append(parts, "street")) + ", " + pick(CITIES, append(parts, "city"));
    }

    String word(Object... parts) {
        return pick(WORDS, parts);
    }

    /** A short lower-case phrase of {@code n} words. */
    String phrase(int n, Object... parts) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(word(append(parts, "w" + i)));
        }
        return sb.toString();
    }

    /** A sentence that starts with a capital and ends with a period. */
    String sentence(int words, Object... parts) {
        String p = phrase(words, parts);
        return Character.toUpperCase(p.charAt(0)) + p.substring(1) + ".";
    }

    static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    static Object[] append(Object[] parts, Object extra) {
        Object[] out = java.util.Arrays.copyOf(parts, parts.length + 1);
        out[parts.length] = extra;
        return out;
    }
}
