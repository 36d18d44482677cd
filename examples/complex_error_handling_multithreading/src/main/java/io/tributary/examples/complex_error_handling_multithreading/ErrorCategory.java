package io.tributary.examples.complex_error_handling_multithreading;

import io.tributary.sdk.http.HttpException;
import io.tributary.sdk.http.RequestPolicy;

/** What a failed request means for the sync. */
enum ErrorCategory {
    /** Worth another attempt: no answer (I/O, timeout, a body cut short), 408, 429, and 5xx but 501 and 505. */
    RETRYABLE,
    /** Another attempt would fail the same way: any other 4xx, 501, 505. The sync stops at once. */
    FATAL;

    static ErrorCategory of(HttpException e) {
        return e.status() == 0 || RequestPolicy.isRetryable(e.status()) ? RETRYABLE : FATAL;
    }
}
