package io.loyaltybridge.app;

import java.util.List;

/** The keys of the API's per-token limits. */
final class AccessSettings {
    static final Setting<Integer> RATE_PER_SECOND = Setting.integer("loyalty.api.rate-limit.per-second", 100, 1,
            1_000_000, "API calls a second each token may make, on average (per instance)");
    static final Setting<Integer> RATE_BURST = Setting.integer("loyalty.api.rate-limit.burst", 200, 1, 10_000_000,
            "API calls a token may make at once before the per-second rate applies");
    static final Setting<Integer> SUPPORT_ADJUSTMENT_LIMIT = Setting.integer("loyalty.api.support-adjustment-limit",
            500, 0, Integer.MAX_VALUE, "most points a support token may adjust in one call, either way");

    static final List<Setting<?>> ALL = List.of(RATE_PER_SECOND, RATE_BURST, SUPPORT_ADJUSTMENT_LIMIT);

    private AccessSettings() {
    }
}
