package io.loyaltybridge.domain;

/** One broken rule on one field of an input, in words an API caller can act on. */
public record Violation(String field, String message) {
}
