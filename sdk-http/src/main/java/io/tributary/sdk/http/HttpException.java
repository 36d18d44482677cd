package io.tributary.sdk.http;

import io.tributary.sdk.ConnectorException;

/**
 * A request that failed for good: a non-retryable status (most 4xx), retries exhausted, the retry-time cap
 * reached, or an unreadable body. Carries the status (0 when no response came), the method, the URL with its
 * secrets masked, and the start of the body. Safe to log: nothing in it holds a credential sent by the api.
 */
public class HttpException extends ConnectorException {
    private final int status;
    private final String method;
    private final String url;
    private final String body;

    HttpException(Request request, int status, String body, String detail, Throwable cause) {
        super(request + (status > 0 ? " answered HTTP " + status : " failed")
                + (detail == null || detail.isEmpty() ? "" : " " + detail)
                + (body == null || body.isEmpty() ? "" : ": " + body), cause);
        this.status = status;
        this.method = request.method();
        this.url = request.maskedUrl();
        this.body = body == null ? "" : body;
    }

    /** The HTTP status, or 0 when the request never got a response (I/O error, timeout). */
    public int status() {
        return status;
    }

    public String method() {
        return method;
    }

    /** The URL with secret-looking query values shown as {@code ***}. */
    public String url() {
        return url;
    }

    /** The start of the response body (at most a few thousand characters), with echoed secrets masked. */
    public String body() {
        return body;
    }
}
