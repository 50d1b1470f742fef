package io.loyaltybridge.sandbox.hubspot;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for something asynchronous (a webhook delivery) without fixed sleeps. */
final class Eventually {
    private Eventually() {
    }

    static void within(Duration limit, BooleanSupplier condition) {
        long end = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("condition not met within " + limit);
            }
            pause();
        }
    }

    /** Fails if the condition stops holding during the whole period. */
    static void throughout(Duration period, BooleanSupplier condition) {
        long end = System.nanoTime() + period.toNanos();
        while (System.nanoTime() < end) {
            if (!condition.getAsBoolean()) {
                throw new AssertionError("condition stopped holding within " + period);
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
