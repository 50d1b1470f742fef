package io.loyaltybridge.api;

/** Who is calling: the name of the token presented (what the audit log records) and its role. */
public record Caller(String name, Role role) {
}
