package io.loyaltybridge.domain.member;

/** What the member agreed to. Marketing consent gates offers and reminders; service messages never need it. */
public record Consent(boolean marketing) {
    public static final Consent NONE = new Consent(false);
}
