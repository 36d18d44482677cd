package io.tributary.sdk;

/** The outcome of a setup test: {@link #success()} or {@link #failure(String)} with a reason. */
public final class Test {
    private static final Test SUCCESS = new Test(true, null);
    private final boolean success;
    private final String message;

    private Test(boolean success, String message) {
        this.success = success;
        this.message = message;
    }

    public static Test success() {
        return SUCCESS;
    }

    public static Test failure(String message) {
        if (message == null || message.isBlank()) {
            throw new IllegalArgumentException("a failed setup test needs a message that says what to fix");
        }
        return new Test(false, message);
    }

    public boolean isSuccess() {
        return success;
    }

    /** Why the test failed; {@code null} on success. */
    public String message() {
        return message;
    }

    @Override
    public String toString() {
        return success ? "success" : "failure: " + message;
    }
}
