package io.loyaltybridge.salesforce;

import io.loyaltybridge.app.Application;
import io.loyaltybridge.app.Core;
import io.loyaltybridge.domain.member.CrmIdentity;
import io.loyaltybridge.domain.member.LoyaltyProfile;
import io.loyaltybridge.domain.member.Member;
import io.loyaltybridge.sandbox.salesforce.SalesforceSandbox;
import io.loyaltybridge.store.PgSyncSources;
import io.loyaltybridge.support.TestApp;
import io.loyaltybridge.support.TestPostgres;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real application with its Salesforce connector pointed at a sandbox org, on a fresh database, and the
 * checks every scenario ends with: the core's points, the org's Contact fields, and the write calls made.
 */
final class Harness implements AutoCloseable {
    final SalesforceSandbox sf;
    final String databaseUrl = TestPostgres.freshDatabase();
    Application app;

    Harness(SalesforceSandbox sf) {
        this.sf = sf;
    }

    /** Settings a test run needs: quick timers, plaintext gRPC to the sandbox; {@code extra} wins. */
    Map<String, String> settings(Map<String, String> extra) {
        Map<String, String> settings = new HashMap<>(Map.of(
                "loyalty.db.url", databaseUrl,
                "loyalty.salesforce.enabled", "true",
                "loyalty.salesforce.login-url", sf.loginUrl(),
                "loyalty.salesforce.api-version", sf.options().apiVersion(),
                "loyalty.salesforce.pubsub.host", sf.pubSubHost(),
                "loyalty.salesforce.pubsub.port", Integer.toString(sf.pubSubPort()),
                "loyalty.salesforce.pubsub.plaintext", "true",
                "loyalty.salesforce.push.period-ms", "200",
                "loyalty.salesforce.push.linger-ms", "1000",
                "loyalty.salesforce.http.timeout-ms", "5000"));
        // The survey answers stream is off unless a test turns it on: the other tests count contact and order calls.
        settings.put("loyalty.salesforce.feedback.enabled", "false");
        settings.putAll(extra);
        return settings;
    }

    Map<String, String> secrets() {
        return Map.of("SALESFORCE_CLIENT_ID", sf.options().clientId(),
                "SALESFORCE_CLIENT_SECRET", sf.options().clientSecret());
    }

    Harness start(Map<String, String> extra) {
        app = TestApp.start(settings(extra), secrets());
        return this;
    }

    void stop() {
        if (app != null) {
            app.close();
            app = null;
        }
    }

    Core core() {
        return app.core();
    }

    Optional<Member> member(String contactId) {
        return core().transactions().read(() -> core().members().byIdentity(new CrmIdentity("salesforce", contactId)));
    }

    /** The member's points as the core sees them, or -1 when the contact has no member yet. */
    long points(String contactId) {
        return member(contactId).map(m -> profile(m).points()).orElse(-1L);
    }

    LoyaltyProfile profile(Member member) {
        return core().transactions().read(() -> core().profiles().of(List.of(member.id()))).get(member.id());
    }

    Optional<PgSyncSources.Source> source(String object) {
        return core().transactions().read(() -> core().syncStores().sources().get("salesforce", object));
    }

    long outboxDepth() {
        return core().transactions().read(() -> core().syncStores().outbox().depth("salesforce"));
    }

    /**
     * Waits until the core holds {@code expected} points for each contact, Salesforce shows the same points and the
     * member id on each, and the outbox is empty; then checks the ledger's balances add up.
     */
    void awaitConverged(Map<String, Long> expected) {
        try {
            await("core and Salesforce agree on " + expected.size() + " contacts", () -> outboxDepth() == 0
                    && expected.entrySet().stream().allMatch(e -> points(e.getKey()) == e.getValue()
                    && shown(e.getKey())));
        } catch (AssertionError e) {
            StringBuilder state = new StringBuilder(e.getMessage()).append("; outbox ").append(outboxDepth());
            expected.forEach((id, points) -> state.append("\n  ").append(id).append(" expected ").append(points)
                    .append(", core ").append(points(id)).append(", Salesforce ")
                    .append(sf.admin().field(id, "Loyalty_Points__c")));
            throw new AssertionError(state.toString(), e);
        }
        assertThat(app.ledgerCheck().mismatches()).isEmpty();
    }

    private boolean shown(String contactId) {
        Member member = member(contactId).orElseThrow();
        Map<String, Object> contact = sf.admin().read(contactId);
        Object points = contact.get("Loyalty_Points__c");
        return points instanceof Number n && n.longValue() == profile(member).points()
                && Long.toString(member.id().value()).equals(contact.get("Loyalty_Member_Id__c"));
    }

    long compositeCalls() {
        return sf.calls().count("composite.update");
    }

    static long callsFor(int changedContacts) {
        return (changedContacts + 199) / 200;
    }

    static void await(String what, BooleanSupplier condition) {
        await(what, condition, Duration.ofSeconds(20));
    }

    static void await(String what, BooleanSupplier condition, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** Nothing changes {@code value} for {@code quiet}: a settled state, not a lucky moment. */
    static <T> void awaitSteady(Supplier<T> value, Duration quiet) {
        T seen = value.get();
        long until = System.nanoTime() + quiet.toNanos();
        while (System.nanoTime() < until) {
            T now = value.get();
            assertThat(now).as("still changing").isEqualTo(seen);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Override
    public void close() {
        stop();
    }
}
