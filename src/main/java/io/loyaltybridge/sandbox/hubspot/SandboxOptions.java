package io.loyaltybridge.sandbox.hubspot;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * How a {@link HubSpotSandbox} behaves. Defaults follow a Professional account: 190 calls per 10 s, 625 000 a day,
 * 5 searches a second, batches of 100, search pages of 200 and 10 000 results per query.
 */
public final class SandboxOptions {
    int port = 0;
    final Set<String> tokens = new LinkedHashSet<>();
    String appSecret = "sandbox-app-secret";
    long appId = 4242;
    long portalId = 62515;
    int tenSecondLimit = 190;
    long rateWindowMs = 10_000;
    int dailyLimit = 625_000;
    int searchPerSecond = 5;
    Clock clock = Clock.systemUTC();
    Duration indexingDelay = Duration.ZERO;
    final List<URI> webhookTargets = new ArrayList<>();
    List<Duration> webhookRetryDelays = HubSpotRetrySchedule.REAL;
    int webhookMaxAttempts = 10;
    Duration webhookTimeout = Duration.ofSeconds(5);
    Duration webhookFlushInterval = Duration.ofMillis(50);
    boolean webhookShuffle = true;
    long seed = 42;
    java.time.ZoneId timeZone = java.time.ZoneId.of("America/New_York");
    String companyCurrency = "USD";
    List<String> additionalCurrencies = List.of();
    String oauthClientId;
    /** The scopes the app was granted; null: all it could ask for. Checked for feedback_submissions only. */
    Set<String> scopes;
    String oauthClientSecret;
    String oauthRefreshToken;

    public static SandboxOptions defaults() {
        return new SandboxOptions();
    }

    /** 0 picks a free loopback port. */
    public SandboxOptions port(int port) { this.port = port; return this; }

    /** A private-app token the sandbox accepts as {@code Authorization: Bearer <token>}. */
    public SandboxOptions token(String token) { tokens.add(token); return this; }

    public SandboxOptions appSecret(String secret) { this.appSecret = secret; return this; }

    public SandboxOptions appId(long appId) { this.appId = appId; return this; }

    public SandboxOptions portalId(long portalId) { this.portalId = portalId; return this; }

    /** Requests allowed per rolling 10 seconds per token (search is exempt, as at HubSpot). */
    public SandboxOptions tenSecondLimit(int max) { this.tenSecondLimit = max; return this; }

    /**
     * The rolling window's length, sent as X-HubSpot-RateLimit-Interval-Milliseconds. HubSpot's is 10 s; a test may
     * shorten it to show the connector waits what the header says, not a fixed 10 s, without waiting 10 s itself.
     */
    public SandboxOptions rateWindow(Duration window) { this.rateWindowMs = window.toMillis(); return this; }

    /** Requests allowed per day (midnight to midnight in the account's {@link #timeZone}) per token. */
    public SandboxOptions dailyLimit(int max) { this.dailyLimit = max; return this; }

    public SandboxOptions searchPerSecond(int max) { this.searchPerSecond = max; return this; }

    public SandboxOptions clock(Clock clock) { this.clock = clock; return this; }

    /** How long a change takes to become visible to search; until then search sees the previous version. */
    public SandboxOptions indexingDelay(Duration delay) { this.indexingDelay = delay; return this; }

    public SandboxOptions webhookTarget(URI target) { webhookTargets.add(target); return this; }

    /** Waits before attempts 2, 3, ...; the last one repeats. Use {@link HubSpotRetrySchedule#compressed}. */
    public SandboxOptions webhookRetryDelays(List<Duration> delays) { this.webhookRetryDelays = List.copyOf(delays); return this; }

    public SandboxOptions webhookMaxAttempts(int attempts) { this.webhookMaxAttempts = attempts; return this; }

    public SandboxOptions webhookTimeout(Duration timeout) { this.webhookTimeout = timeout; return this; }

    public SandboxOptions webhookFlushInterval(Duration interval) { this.webhookFlushInterval = interval; return this; }

    /** HubSpot does not promise order within or across batches; shuffling keeps receivers honest. */
    public SandboxOptions webhookShuffle(boolean shuffle) { this.webhookShuffle = shuffle; return this; }

    /** Seed of every random choice the sandbox makes (seeding data, shuffling events). */
    public SandboxOptions seed(long seed) { this.seed = seed; return this; }

    /**
     * The account's time zone (account-info's timeZone): the daily limit resets at its midnight. Defaults to
     * America/New_York.
     */
    public SandboxOptions timeZone(java.time.ZoneId zone) { this.timeZone = zone; return this; }

    /** account-info's companyCurrency and additionalCurrencies. */
    public SandboxOptions currencies(String company, List<String> additional) {
        this.companyCurrency = company;
        this.additionalCurrencies = List.copyOf(additional);
        return this;
    }

    /** An OAuth app whose refresh token POST /oauth/2026-03/token exchanges for access tokens. */
    public SandboxOptions oauthApp(String clientId, String clientSecret, String refreshToken) {
        this.oauthClientId = clientId;
        this.oauthClientSecret = clientSecret;
        this.oauthRefreshToken = refreshToken;
        return this;
    }

    /**
     * The scopes the app was granted (all it could ask for unless set). Only feedback_submissions checks them: an
     * app without crm.objects.feedback_submissions.read (nor crm.objects.contacts.read, which HubSpot also accepts)
     * gets 403 MISSING_SCOPES there, and everything else works as before.
     */
    public SandboxOptions scopes(String... granted) { this.scopes = Set.of(granted); return this; }

    public java.time.ZoneId timeZone() { return timeZone; }

    public Set<String> tokens() { return Set.copyOf(tokens); }

    public String appSecret() { return appSecret; }

    public long appId() { return appId; }

    public long portalId() { return portalId; }

    public Clock clock() { return clock; }
}
