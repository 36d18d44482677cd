package io.tributary.server.http;

/** An error the API answers with {@code {code, message}} and an HTTP status. */
public final class ApiException extends RuntimeException {
    private final int status;
    private final String code;

    public ApiException(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** 404 {@code NotFound_<Resource>}, e.g. "Group with id 'x' doesn't exist". */
    public static ApiException notFound(String resource, String id) {
        return new ApiException(404, "NotFound_" + resource, resource + " with id '" + id + "' doesn't exist");
    }

    /** 400 {@code InvalidInput}; the message names the field. */
    public static ApiException invalid(String message) {
        return new ApiException(400, "InvalidInput", message);
    }

    public static ApiException required(String field) {
        return invalid("Field '" + field + "' is required");
    }

    public static ApiException conflict(String message) {
        return new ApiException(409, "Conflict", message);
    }
}
