package io.tributary.examples.backoff;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.DoubleSupplier;

/** How long to wait before retry {@code attempt} (1 = after the first failed attempt), the six strategies of the original. */
enum BackoffStrategy {
    /** Always {@link #FIXED_DELAY}. */
    FIXED,
    /** {@link #BASE_DELAY} times the attempt: 0.5 s, 1 s, 1.5 s, ... */
    LINEAR,
    /** {@link #BASE_DELAY} times 2^attempt: 1 s, 2 s, 4 s, 8 s, ... without bound. */
    EXPONENTIAL,
    /** As exponential, but never more than {@link #MAX_DELAY}. */
    EXPONENTIAL_WITH_CAP,
    /** A uniform random wait below the exponential one ("full jitter"), so many clients do not retry in step. */
    EXPONENTIAL_WITH_JITTER,
    /** The server's {@code Retry-After} when it sends one; exponential with cap otherwise. */
    RETRY_AFTER;

    static final Duration FIXED_DELAY = Duration.ofSeconds(2);
    static final Duration BASE_DELAY = Duration.ofMillis(500);
    static final Duration MAX_DELAY = Duration.ofSeconds(10);

    /**
     * The wait before the next attempt. {@code retryAfter} is the server's header (null when absent) and
     * {@code random} a source of uniform values in [0, 1).
     */
    Duration delay(int attempt, Duration retryAfter, DoubleSupplier random) {
        Duration exponential = BASE_DELAY.multipliedBy(1L << Math.min(attempt, 30));
        Duration capped = exponential.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : exponential;
        return switch (this) {
            case FIXED -> FIXED_DELAY;
            case LINEAR -> BASE_DELAY.multipliedBy(attempt);
            case EXPONENTIAL -> exponential;
            case EXPONENTIAL_WITH_CAP -> capped;
            case EXPONENTIAL_WITH_JITTER -> Duration.ofNanos((long) (exponential.toNanos() * random.getAsDouble()));
            case RETRY_AFTER -> retryAfter != null ? retryAfter : capped;
        };
    }

    String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The strategy a configuration value names, or null. */
    static BackoffStrategy named(String value) {
        return Arrays.stream(values()).filter(s -> s.configName().equals(value.trim())).findFirst().orElse(null);
    }

    static String names() {
        return String.join(", ", Arrays.stream(values()).map(BackoffStrategy::configName).toList());
    }
}
