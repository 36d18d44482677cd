package io.tributary.client;

/**
 * A request the API answered with an error, or that could not be completed: the HTTP status (0 when no answer
 * came), the API's {@code code} and {@code message}, and the request id when the server sent one.
 */
public final class ApiError extends RuntimeException {
    private final int status;
    private final String code;
    private final String apiMessage;
    private final String requestId;

    public ApiError(String method, String path, int status, String code, String apiMessage, String requestId,
                    Throwable cause) {
        super(method + " " + path + " → " + (status == 0 ? "no answer" : "HTTP " + status)
                + (code == null ? "" : " " + code) + (apiMessage == null ? "" : ": " + apiMessage)
                + (requestId == null ? "" : " (request id " + requestId + ")"), cause);
        this.status = status;
        this.code = code;
        this.apiMessage = apiMessage;
        this.requestId = requestId;
    }

    public int status() {
        return status;
    }

    /** The API's error code, e.g. {@code NotFound_Connection}, {@code InvalidInput}; null if the body had none. */
    public String code() {
        return code;
    }

    public String apiMessage() {
        return apiMessage;
    }

    public String requestId() {
        return requestId;
    }
}
