package io.tributary.runtime.destination;

/** A destination failed; the message says which table and what to do. */
public class DestinationException extends RuntimeException {
    public DestinationException(String message, Throwable cause) {
        super(message, cause);
    }

    public DestinationException(String message) {
        super(message);
    }
}
