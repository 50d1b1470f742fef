package io.loyaltybridge.sync;

/** The CRM's answer for one record of a batch write. */
public record PushResult(String externalId, boolean ok, ErrorClass errorClass, String code, String message) {
    public static PushResult success(String externalId) {
        return new PushResult(externalId, true, null, null, null);
    }

    public static PushResult failure(String externalId, ErrorClass errorClass, String code, String message) {
        return new PushResult(externalId, false, errorClass, code, message);
    }
}
