package io.loyaltybridge.salesforce;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The org's daily API allowance as every answer reports it ({@code Sforce-Limit-Info: api-usage=used/limit}).
 * Past the configured share, the periodic rounds (poll, push) run at most once per slow period, so the org keeps
 * room for its other integrations and for us until the day's counter resets. Change events keep flowing.
 */
final class ApiLimits {
    private static final Pattern USAGE = Pattern.compile("api-usage=(\\d+)/(\\d+)");

    private final int sharePercent;
    private final Duration slowPeriod;
    private final Clock clock;
    private volatile long used;
    private volatile long limit;
    private final ConcurrentMap<String, Instant> lastSlowRound = new ConcurrentHashMap<>();

    ApiLimits(int sharePercent, Duration slowPeriod, Clock clock) {
        this.sharePercent = sharePercent;
        this.slowPeriod = slowPeriod;
        this.clock = clock;
    }

    /** Reads one answer's header; absent or malformed headers change nothing. */
    void observe(String limitInfo) {
        if (limitInfo == null) {
            return;
        }
        Matcher m = USAGE.matcher(limitInfo);
        if (m.find()) {
            used = Long.parseLong(m.group(1));
            limit = Long.parseLong(m.group(2));
        }
    }

    boolean slowedDown() {
        return limit > 0 && used * 100 >= limit * sharePercent;
    }

    /** Whether the periodic round {@code round} (poll, push) may call the API now: always below the share. */
    boolean permitRound(String round) {
        if (!slowedDown()) {
            return true;
        }
        Instant now = clock.instant();
        Instant last = lastSlowRound.getOrDefault(round, Instant.EPOCH);
        return now.isAfter(last.plus(slowPeriod)) && (last.equals(Instant.EPOCH)
                ? lastSlowRound.putIfAbsent(round, now) == null : lastSlowRound.replace(round, last, now));
    }

    long used() {
        return used;
    }

    long limit() {
        return limit;
    }
}
