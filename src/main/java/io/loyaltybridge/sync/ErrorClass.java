package io.loyaltybridge.sync;

/**
 * What to do about a failure. Retriable ones (network, 5xx, 429, limits, expired sessions) are retried with
 * backoff and never dead-lettered; permanent ones (validation, unknown records) are dead-lettered at once.
 */
public enum ErrorClass {
    RETRIABLE, PERMANENT
}
