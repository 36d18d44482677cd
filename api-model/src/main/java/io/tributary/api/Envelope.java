package io.tributary.api;

/**
 * Every response: {@code {code, message, data}}. {@code code} is "Success" on success, or an error code such as
 * {@code NotFound_Connection}, {@code InvalidInput}, {@code TooManyRequests}.
 */
public record Envelope<T>(String code, String message, T data) {

    public static <T> Envelope<T> success(T data) {
        return new Envelope<>("Success", null, data);
    }

    public static <T> Envelope<T> success(String message, T data) {
        return new Envelope<>("Success", message, data);
    }

    public static Envelope<Void> message(String message) {
        return new Envelope<>("Success", message, null);
    }

    public static Envelope<Void> error(String code, String message) {
        return new Envelope<>(code, message, null);
    }
}
