package io.tributary.playground;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * Which faults to inject and how often. Text form (the {@code fault} query parameter, the
 * {@code X-Playground-Fault} header, the admin endpoint and {@link Playground#setFaults(String)}):
 *
 * <pre>
 *   kind[:rate[:param]] , ... [, max:N] [, seed:N]      or   none
 *
 *   429       answer 429 Too Many Requests; param = Retry-After seconds (default 1)
 *   500       answer 500 Internal Server Error
 *   503       answer 503 Service Unavailable; param = Retry-After seconds (default: no header)
 *   latency   delay the (otherwise normal) answer; param = milliseconds (default 200)
 *   reset     close the connection with a TCP reset before answering
 *   truncate  send the status and headers with the full Content-Length, then only half the body, then close
 *   max:N     at most N consecutive failing attempts of the same request (default 2); the next one is clean
 *   seed:N    decision seed (default: the playground seed)
 * </pre>
 *
 * Rates are probabilities per attempt (default 1.0) and must add up to at most 1.
 */
public final class FaultSpec {
    /** The kinds of fault. */
    public enum Kind {
        TOO_MANY_REQUESTS("429", true),
        SERVER_ERROR("500", true),
        UNAVAILABLE("503", true),
        LATENCY("latency", false),
        RESET("reset", true),
        TRUNCATE("truncate", true);

        private final String token;
        private final boolean failing;

        Kind(String token, boolean failing) {
            this.token = token;
            this.failing = failing;
        }

        /** The name used in the text form. */
        public String token() {
            return token;
        }

        /** Whether the attempt fails (latency does not: the answer is still correct, only late). */
        public boolean failing() {
            return failing;
        }

        static Kind parse(String s) {
            for (Kind k : values()) {
                if (k.token.equals(s)) {
                    return k;
                }
            }
            if (s.equals("delay")) {
                return LATENCY;
            }
            throw new IllegalArgumentException("unknown fault kind '" + s
                    + "' (expected 429, 500, 503, latency, reset, truncate, max, seed or none)");
        }
    }

    /** One kind at one rate; {@code param} is the kind's parameter, or -1 for its default. */
    public record Rule(Kind kind, double rate, long param) {
    }

    public static final int DEFAULT_MAX_CONSECUTIVE = 2;
    private static final FaultSpec NONE = new FaultSpec(List.of(), DEFAULT_MAX_CONSECUTIVE, OptionalLong.empty());

    private final List<Rule> rules;
    private final int maxConsecutive;
    private final OptionalLong seed;

    private FaultSpec(List<Rule> rules, int maxConsecutive, OptionalLong seed) {
        this.rules = List.copyOf(rules);
        this.maxConsecutive = maxConsecutive;
        this.seed = seed;
    }

    /** No faults. */
    public static FaultSpec none() {
        return NONE;
    }

    /** Parses the text form; null, blank and "none" mean no faults. */
    public static FaultSpec parse(String text) {
        if (text == null || text.isBlank() || text.trim().equalsIgnoreCase("none")) {
            return NONE;
        }
        List<Rule> rules = new ArrayList<>();
        int max = DEFAULT_MAX_CONSECUTIVE;
        OptionalLong seed = OptionalLong.empty();
        double total = 0;
        for (String item : text.split(",")) {
            String[] p = item.trim().toLowerCase(Locale.ROOT).split(":");
            if (p[0].isEmpty()) {
                continue;
            }
            try {
                if (p[0].equals("max")) {
                    max = Integer.parseInt(p[1]);
                    if (max < 0) {
                        throw new IllegalArgumentException("max must be >= 0");
                    }
                    continue;
                }
                if (p[0].equals("seed")) {
                    seed = OptionalLong.of(Long.parseLong(p[1]));
                    continue;
                }
                Kind kind = Kind.parse(p[0]);
                double rate = p.length > 1 && !p[1].isEmpty() ? Double.parseDouble(p[1]) : 1.0;
                long param = p.length > 2 ? parseParam(p[2]) : -1;
                if (rate < 0 || rate > 1) {
                    throw new IllegalArgumentException("rate must be between 0 and 1: " + item);
                }
                total += rate;
                rules.add(new Rule(kind, rate, param));
            } catch (ArrayIndexOutOfBoundsException | NumberFormatException e) {
                throw new IllegalArgumentException("bad fault item '" + item.trim() + "'", e);
            }
        }
        if (total > 1.0 + 1e-9) {
            throw new IllegalArgumentException("fault rates add up to " + total + ", more than 1");
        }
        return new FaultSpec(rules, max, seed);
    }

    private static long parseParam(String s) {
        String digits = s.endsWith("ms") ? s.substring(0, s.length() - 2) : s.endsWith("s") ? s.substring(0,
                s.length() - 1) : s;
        return Long.parseLong(digits);
    }

    public List<Rule> rules() {
        return rules;
    }

    public int maxConsecutive() {
        return maxConsecutive;
    }

    public OptionalLong seed() {
        return seed;
    }

    public boolean isNone() {
        return rules.isEmpty();
    }

    /** The rule chosen by a uniform draw {@code u} in [0, 1), or null for a clean attempt. */
    Rule choose(double u) {
        double cumulative = 0;
        for (Rule r : rules) {
            cumulative += r.rate();
            if (u < cumulative) {
                return r;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        if (rules.isEmpty()) {
            return "none";
        }
        StringBuilder sb = new StringBuilder();
        for (Rule r : rules) {
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(r.kind().token()).append(':').append(r.rate());
            if (r.param() >= 0) {
                sb.append(':').append(r.param());
            }
        }
        sb.append(",max:").append(maxConsecutive);
        seed.ifPresent(s -> sb.append(",seed:").append(s));
        return sb.toString();
    }
}
