package io.tributary.sdk;

/** Thrown for invalid connector input: the message names the culprit and says what to do. */
public class ConnectorException extends RuntimeException {
    public ConnectorException(String message) {
        super(message);
    }

    public ConnectorException(String message, Throwable cause) {
        super(message, cause);
    }
}
