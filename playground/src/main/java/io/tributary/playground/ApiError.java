package io.tributary.playground;

/** Ends a request with a status and a JSON body shaped like the mimicked API's own errors. */
final class ApiError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int status;
    final transient Object body;

    ApiError(int status, Object body) {
        super("HTTP " + status, null, false, false);
        this.status = status;
        this.body = body;
    }

    static ApiError badRequest(String message) {
        return new ApiError(400, java.util.Map.of("error", "bad_request", "message", message));
    }
}
