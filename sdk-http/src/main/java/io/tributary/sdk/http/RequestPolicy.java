package io.tributary.sdk.http;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * How {@link HttpApi} sends a request: timeouts, retries with exponential backoff and full jitter, the cap on
 * total retry time, and the rate limits per host. Immutable and thread-safe; build with {@link #builder()}.
 *
 * <p>Retried: I/O errors (including timeouts), HTTP 408, 429 and 5xx except 501 and 505 (which never heal).
 * A {@code Retry-After} header (seconds or an HTTP date) replaces the computed backoff. Every other 4xx fails
 * at once with an {@link HttpException}.
 */
public final class RequestPolicy {
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final int maxRetries;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final Duration maxRetryTime;
    private final int requestsPerSecond;
    private final int requestsPerHour;
    private final Clock clock;
    private final Sleeper sleeper;
    private final DoubleSupplier jitter;

    private RequestPolicy(Builder b) {
        connectTimeout = b.connectTimeout;
        readTimeout = b.readTimeout;
        maxRetries = b.maxRetries;
        initialBackoff = b.initialBackoff;
        maxBackoff = b.maxBackoff;
        maxRetryTime = b.maxRetryTime;
        requestsPerSecond = b.requestsPerSecond;
        requestsPerHour = b.requestsPerHour;
        clock = b.clock;
        sleeper = b.sleeper;
        jitter = b.jitter;
    }

    /** Connect 10 s, read 60 s, 5 retries, backoff 1 s doubling up to 60 s, at most 5 min of retrying, no rate limit. */
    public static RequestPolicy defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder that starts from this policy's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.connectTimeout = connectTimeout;
        b.readTimeout = readTimeout;
        b.maxRetries = maxRetries;
        b.initialBackoff = initialBackoff;
        b.maxBackoff = maxBackoff;
        b.maxRetryTime = maxRetryTime;
        b.requestsPerSecond = requestsPerSecond;
        b.requestsPerHour = requestsPerHour;
        b.clock = clock;
        b.sleeper = sleeper;
        b.jitter = jitter;
        return b;
    }

    /** Whether a response with this status is worth sending again. */
    public static boolean isRetryable(int status) {
        return status == 408 || status == 429 || (status >= 500 && status <= 599 && status != 501 && status != 505);
    }

    /** The wait before retry number {@code retry} (1-based): uniform in [0, min(max, initial * 2^(retry-1))). */
    public Duration backoff(int retry) {
        double ceiling = initialBackoff.toMillis() * Math.pow(2, Math.min(retry - 1, 30));
        ceiling = Math.min(ceiling, maxBackoff.toMillis());
        return Duration.ofMillis((long) (ceiling * jitter.getAsDouble()));
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** How long one attempt waits for the response headers, and then for each read of the body. */
    public Duration readTimeout() {
        return readTimeout;
    }

    public int maxRetries() {
        return maxRetries;
    }

    public Duration initialBackoff() {
        return initialBackoff;
    }

    public Duration maxBackoff() {
        return maxBackoff;
    }

    /** The most time one request may spend from its first attempt to the start of its last retry. */
    public Duration maxRetryTime() {
        return maxRetryTime;
    }

    /** 0 when unlimited. */
    public int requestsPerSecond() {
        return requestsPerSecond;
    }

    /** 0 when unlimited. */
    public int requestsPerHour() {
        return requestsPerHour;
    }

    public Clock clock() {
        return clock;
    }

    public Sleeper sleeper() {
        return sleeper;
    }

    @Override
    public String toString() {
        return "RequestPolicy[connect=" + connectTimeout + ", read=" + readTimeout + ", maxRetries=" + maxRetries
                + ", backoff=" + initialBackoff + ".." + maxBackoff + ", maxRetryTime=" + maxRetryTime
                + ", perSecond=" + requestsPerSecond + ", perHour=" + requestsPerHour + "]";
    }

    /** Collects the options; {@link #build()} checks them. Not thread-safe. */
    public static final class Builder {
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(60);
        private int maxRetries = 5;
        private Duration initialBackoff = Duration.ofSeconds(1);
        private Duration maxBackoff = Duration.ofSeconds(60);
        private Duration maxRetryTime = Duration.ofMinutes(5);
        private int requestsPerSecond;
        private int requestsPerHour;
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.SYSTEM;
        private DoubleSupplier jitter = () -> ThreadLocalRandom.current().nextDouble();

        private Builder() {
        }

        public Builder connectTimeout(Duration value) {
            connectTimeout = positive(value, "connectTimeout");
            return this;
        }

        public Builder readTimeout(Duration value) {
            readTimeout = positive(value, "readTimeout");
            return this;
        }

        /** Retries after the first attempt; 0 disables retrying. */
        public Builder maxRetries(int value) {
            if (value < 0) {
                throw new IllegalArgumentException("maxRetries must be 0 or more, got " + value);
            }
            maxRetries = value;
            return this;
        }

        /** The backoff ceiling of the first retry, doubled for each later one up to {@code max}. */
        public Builder backoff(Duration initial, Duration max) {
            initialBackoff = positive(initial, "initial backoff");
            maxBackoff = positive(max, "max backoff");
            if (max.compareTo(initial) < 0) {
                throw new IllegalArgumentException("max backoff " + max + " is below the initial backoff " + initial);
            }
            return this;
        }

        public Builder maxRetryTime(Duration value) {
            maxRetryTime = positive(value, "maxRetryTime");
            return this;
        }

        /** Per host (and port) of this {@link HttpApi}; 0 means no limit. Sliding windows, so never a burst over. */
        public Builder rateLimit(int perSecond, int perHour) {
            if (perSecond < 0 || perHour < 0) {
                throw new IllegalArgumentException("rate limits must be 0 (none) or more");
            }
            requestsPerSecond = perSecond;
            requestsPerHour = perHour;
            return this;
        }

        /** For tests: the clock that Retry-After dates, retry time and rate windows are measured on. */
        public Builder clock(Clock value) {
            clock = Objects.requireNonNull(value);
            return this;
        }

        /** For tests: how to wait. */
        public Builder sleeper(Sleeper value) {
            sleeper = Objects.requireNonNull(value);
            return this;
        }

        /** For tests: the random fraction in [0, 1) that scales each backoff (full jitter). */
        public Builder jitter(DoubleSupplier value) {
            jitter = Objects.requireNonNull(value);
            return this;
        }

        public RequestPolicy build() {
            return new RequestPolicy(this);
        }

        private static Duration positive(Duration d, String what) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(what + " must be positive, got " + d);
            }
            return d;
        }
    }
}
