package io.loyaltybridge.hubspot;

/**
 * A HubSpot call that failed as a whole: the HTTP status (0 when no answer came) and HubSpot's error category.
 * Network trouble, 429, 5xx and auth expiry are retriable; other 4xx are not.
 */
final class HubSpotException extends RuntimeException {
    private final int status;
    private final String category;

    HubSpotException(int status, String category, String message, Throwable cause) {
        super("HubSpot answered " + status + " " + category + ": " + message, cause);
        this.status = status;
        this.category = category;
    }

    int status() {
        return status;
    }

    String category() {
        return category;
    }

    boolean retriable() {
        return status == 0 || status == 401 || status == 408 || status == 423 || status == 429 || status >= 500;
    }
}
