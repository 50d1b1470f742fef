package io.loyaltybridge.api;

/** A handler's answer: the HTTP status and the object to write as JSON (or, as {@link Text}, as it is). */
public record Reply(int status, Object body) {
    /** A body that is not JSON (a CSV file), written as it is with its media type. */
    public record Text(String contentType, String content) {
    }

    public static Reply ok(Object body) {
        return new Reply(200, body);
    }

    public static Reply created(Object body) {
        return new Reply(201, body);
    }
}
