package io.loyaltybridge.sandbox.salesforce;

import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;

/**
 * How to start a {@link SalesforceSandbox}. Immutable; change one setting with the {@code with...} methods:
 * {@code SandboxOptions.defaults().withClock(clock).withApiLimit(5_000)}. Ports 0 mean "any free port".
 * {@code jwtAudience} is the {@code aud} a JWT bearer assertion must carry (https://login.salesforce.com for a
 * production org, https://test.salesforce.com for a sandbox org); {@code singleCurrency} non-null makes a
 * single-currency org with that currency (no {@code CurrencyIsoCode} field anywhere); {@code childPageSize} is how many
 * child rows a relationship subquery answers before its {@code nextRecordsUrl}; {@code personAccounts} makes a
 * person-account org (see {@link PersonAccountShape}); {@code feedbackManagement} false makes an org without Feedback
 * Management (no Survey* objects: describe does not list them, SOQL on them answers INVALID_TYPE).
 */
public record SandboxOptions(String clientId, String clientSecret, String username, String password,
                             String refreshToken, PublicKey jwtPublicKey, Clock clock, int loginPort,
                             int instancePort, int pubSubPort, long apiLimit, String apiVersion, Duration keepAlive,
                             Duration sessionLifetime, String jwtAudience, String singleCurrency, int childPageSize,
                             PersonAccountShape personAccounts, boolean feedbackManagement) {

    public static SandboxOptions defaults() {
        return new SandboxOptions("loyaltybridge-client", "loyaltybridge-secret", "integration@loyaltybridge.test",
                "sandbox-password", "sandbox-refresh-token", null, Clock.systemUTC(), 0, 0, 0, 100_000, "62.0",
                Duration.ofSeconds(270), Duration.ofHours(2), "https://login.salesforce.com", null, 200,
                PersonAccountShape.NONE, true);
    }

    public SandboxOptions withClient(String id, String secret) {
        return new SandboxOptions(id, secret, username, password, refreshToken, jwtPublicKey, clock, loginPort,
                instancePort, pubSubPort, apiLimit, apiVersion, keepAlive, sessionLifetime, jwtAudience,
                singleCurrency, childPageSize, personAccounts, feedbackManagement);
    }

    public SandboxOptions withUser(String name, String pass) {
        return new SandboxOptions(clientId, clientSecret, name, pass, refreshToken, jwtPublicKey, clock, loginPort,
                instancePort, pubSubPort, apiLimit, apiVersion, keepAlive, sessionLifetime, jwtAudience,
                singleCurrency, childPageSize, personAccounts, feedbackManagement);
    }

    public SandboxOptions withRefreshToken(String token) {
        return new SandboxOptions(clientId, clientSecret, username, password, token, jwtPublicKey, clock, loginPort,
                instancePort, pubSubPort, apiLimit, apiVersion, keepAlive, sessionLifetime, jwtAudience,
                singleCurrency, childPageSize, personAccounts, feedbackManagement);
    }

    /** With a key, JWT bearer assertions must carry a valid RS256 signature; without, any well-formed one passes. */
    public SandboxOptions withJwtPublicKey(PublicKey key) {
        return new SandboxOptions(clientId, clientSecret, username, password, refreshToken, key, clock, loginPort,
                instancePort, pubSubPort, apiLimit, apiVersion, keepAlive, sessionLifetime, jwtAudience,
                singleCurrency, childPageSize, personAccounts, feedbackManagement);
    }

    /** The {@code aud} JWT assertions must carry: https://test.salesforce.com makes this a sandbox org. */
    public SandboxOptions withJwtAudience(String audience) {
        return new SandboxOptions(clientId, clientSecret, username, password, refreshToken, jwtPublicKey, clock,
                loginPort, instancePort, pubSubPort, apiLimit, apiVersion, keepAlive, sessionLifetime, audience,
                singleCurrency, childPageSize, personAccounts, feedbackManagement);
    }

    public SandboxOptions withClock(Clock c) {
        return new SandboxOptions(clientId, clientSecret, username, password, refreshToken, jwtPublicKey, c,
                loginPort, instancePort, pubSubPort, apiLimit, apiVersion, keepAlive, sessionLifetime, jwtAudience,
                singleCurrency, childPageSize, personAccounts, feedbackManagement);
    }

    public SandboxOptions withPorts(int login, int instance, int pubSub) {
        return new SandboxOptions(clientId, clientSecret, username, password, refreshToken, jwtPublicKey, clock,
                login, instance, pubSub, apiLimit, apiVersion, keepAlive, sessionLifetime, jwtAudience,
                singleCurrency, childPageSize, personAccounts, feedbackManagement);
    }

    /** The org's daily API request allowance, reported in {@code Sforce-Limit-Info}. */
    public SandboxOptions withApiLimit(long limit) {
        return new SandboxOptions(clientId, clientSecret, username, password, refreshToken, jwtPublicKey, clock,
                loginPort, instancePort, pubSubPort, limit, apiVersion, keepAlive, sessionLifetime, jwtAudience,
                singleCurrency, childPageSize, personAccounts, feedbackManagement);
    }

    /** How long a quiet Pub/Sub stream waits before an empty keep-alive FetchResponse (Salesforce: 270 s). */
    public SandboxOptions withKeepAlive(Duration interval) {
        return new SandboxOptions(clientId, clientSecret, username, password, refreshToken, jwtPublicKey, clock,
                loginPort, instancePort, pubSubPort, apiLimit, apiVersion, interval, sessionLifetime, jwtAudience,
                singleCurrency, childPageSize, personAccounts, feedbackManagement);
    }

    /** A single-currency org: no {@code CurrencyIsoCode} on any object, and this as the org's default currency. */
    public SandboxOptions withSingleCurrency(String isoCode) {
        return new SandboxOptions(clientId, clientSecret, username, password, refreshToken, jwtPublicKey, clock,
                loginPort, instancePort, pubSubPort, apiLimit, apiVersion, keepAlive, sessionLifetime, jwtAudience,
                isoCode, childPageSize, personAccounts, feedbackManagement);
    }

    /** Child rows per relationship subquery page (Salesforce: about 200, then a nested {@code nextRecordsUrl}). */
    public SandboxOptions withChildPageSize(int size) {
        return new SandboxOptions(clientId, clientSecret, username, password, refreshToken, jwtPublicKey, clock,
                loginPort, instancePort, pubSubPort, apiLimit, apiVersion, keepAlive, sessionLifetime, jwtAudience,
                singleCurrency, size, personAccounts, feedbackManagement);
    }

    /** A person-account org: Account has IsPersonAccount; {@code MIXED} seeds business contacts and persons. */
    public SandboxOptions withPersonAccounts(PersonAccountShape shape) {
        return new SandboxOptions(clientId, clientSecret, username, password, refreshToken, jwtPublicKey, clock,
                loginPort, instancePort, pubSubPort, apiLimit, apiVersion, keepAlive, sessionLifetime, jwtAudience,
                singleCurrency, childPageSize, shape, feedbackManagement);
    }

    /** An org without Feedback Management: none of the Survey* objects exists. */
    public SandboxOptions withoutFeedbackManagement() {
        return new SandboxOptions(clientId, clientSecret, username, password, refreshToken, jwtPublicKey, clock,
                loginPort, instancePort, pubSubPort, apiLimit, apiVersion, keepAlive, sessionLifetime, jwtAudience,
                singleCurrency, childPageSize, personAccounts, false);
    }
}
