package io.tributary.sdk.http;

import io.tributary.sdk.Log;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The send loop of one {@link HttpApi}: rate limit, authorize, send, then follow a redirect, refresh after a
 * 401 (once), retry (backoff or Retry-After, within the retry count and time cap) or fail. Thread-safe: all
 * state of one request lives on the calling thread's stack.
 */
final class Sender {
    private static final int MAX_REDIRECTS = 5;
    private final HttpApi api;

    Sender(HttpApi api) {
        this.api = api;
    }

    /**
     * Sends with the policy. With {@code buffered}, the body is read before returning, inside the retry loop:
     * a body cut short (a reset, a truncated transfer) is then retried like any other I/O failure.
     */
    Response send(Request request, boolean buffered) {
        RequestPolicy policy = api.policy();
        Instant started = policy.clock().instant();
        Request current = request;
        int retries = 0;
        int redirects = 0;
        boolean refreshed = false;
        while (true) {
            Request sent = current.authenticated() ? api.auth().authorize(current) : current;
            Failure failure;
            try {
                HttpResponse<InputStream> raw = attempt(sent, policy);
                int status = raw.statusCode();
                Optional<String> location = raw.headers().firstValue("Location");
                if (isRedirect(status) && location.isPresent()) {
                    raw.body().close();
                    if (redirects == MAX_REDIRECTS) {
                        throw new HttpException(sent, status, "", "(redirected " + MAX_REDIRECTS
                                + " times; stopping a redirect loop)", null);
                    }
                    current = redirect(current, location.get(), status);
                    redirects++;
                    continue;
                }
                if (status == 401 && current.authenticated() && !refreshed) {
                    refreshed = true;
                    if (api.auth().refresh(sent)) {
                        raw.body().close();
                        Log.info("HTTP 401 from " + sent + "; credentials refreshed, sending it once more");
                        continue;
                    }
                }
                if (status < 400) {
                    Response response = new Response(sent, raw);
                    return buffered ? response.buffer() : response;
                }
                String body = Bodies.excerpt(raw, sent.secretQueryValues(), policy.readTimeout());
                if (!RequestPolicy.isRetryable(status)) {
                    throw new HttpException(sent, status, body, null, null);
                }
                Duration retryAfter = RetryAfter.parse(raw.headers().firstValue("Retry-After").orElse(null),
                        policy.clock().instant());
                failure = new Failure(sent, status, body, null, "HTTP " + status, retryAfter);
            } catch (IOException e) {
                failure = new Failure(sent, 0, "", e, describe(e, policy), null);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new HttpException(sent, 0, "", "(interrupted)", e);
            }
            retries++;
            sleepBeforeRetry(failure, retries, started, policy);
        }
    }

    private HttpResponse<InputStream> attempt(Request sent, RequestPolicy policy)
            throws IOException, InterruptedException {
        RateLimiter limiter = api.limiter(sent.uri());
        if (limiter != null) {
            Duration waited = limiter.acquire();
            if (waited.toSeconds() >= 10) {
                Log.info("rate limit for " + sent.uri().getHost() + ": waited " + Durations.show(waited));
            }
        }
        return api.client().send(sent.toHttpRequest(policy.readTimeout()), HttpResponse.BodyHandlers.ofInputStream());
    }

    private static void sleepBeforeRetry(Failure f, int retry, Instant started, RequestPolicy policy) {
        Duration elapsed = Duration.between(started, policy.clock().instant());
        if (retry > policy.maxRetries()) {
            throw f.giveUp("after " + attempts(retry) + " over " + Durations.show(elapsed));
        }
        Duration wait = f.retryAfter != null ? f.retryAfter : policy.backoff(retry);
        if (elapsed.plus(wait).compareTo(policy.maxRetryTime()) > 0) {
            throw f.giveUp("after " + attempts(retry) + " over " + Durations.show(elapsed) + "; waiting "
                    + Durations.show(wait) + " more would pass the retry-time cap of " + Durations.show(policy.maxRetryTime()));
        }
        Log.warning("retry " + retry + "/" + policy.maxRetries() + " of " + f.request + " in " + Durations.show(wait)
                + (f.retryAfter != null ? " (Retry-After)" : "") + ": " + f.reason);
        try {
            policy.sleeper().sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HttpException(f.request, f.status, f.body, "(interrupted while waiting to retry)", e);
        }
    }

    private static String attempts(int n) {
        return n + (n == 1 ? " attempt" : " attempts");
    }

    private static Request redirect(Request from, String location, int status) {
        Request to = from.withUrl(location);
        URI a = from.uri();
        URI b = to.uri();
        boolean sameOrigin = a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost().equalsIgnoreCase(b.getHost())
                && a.getPort() == b.getPort();
        if (!sameOrigin) {
            to = to.withoutAuth();
        }
        boolean toGet = status == 303 || ((status == 301 || status == 302) && from.method().equals("POST"));
        return toGet && !from.method().equals("HEAD") ? to.withMethodNoBody("GET") : to;
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static String describe(IOException e, RequestPolicy policy) {
        if (e instanceof HttpConnectTimeoutException) {
            return "connect timed out after " + Durations.show(policy.connectTimeout());
        }
        if (e instanceof IdleTimeoutInputStream.BodyStalledException) {
            return e.getMessage();
        }
        if (e instanceof HttpTimeoutException) {
            return "no response within the read timeout of " + Durations.show(policy.readTimeout());
        }
        if (e instanceof ConnectException) {
            return "connection refused or unreachable";
        }
        return "I/O error: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
    }

    /** Why one attempt failed, and what to report if it was the last. */
    private static final class Failure {
        final Request request;
        final int status;
        final String body;
        final IOException error;
        final String reason;
        final Duration retryAfter;

        Failure(Request request, int status, String body, IOException error, String reason, Duration retryAfter) {
            this.request = request;
            this.status = status;
            this.body = body;
            this.error = error;
            this.reason = reason;
            this.retryAfter = retryAfter;
        }

        HttpException giveUp(String detail) {
            return new HttpException(request, status, body, status > 0 ? detail : detail + " (" + reason + ")", error);
        }
    }
}
