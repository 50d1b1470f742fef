package io.loyaltybridge.hubspot;

import io.loyaltybridge.app.Application;
import io.loyaltybridge.domain.member.CrmIdentity;
import io.loyaltybridge.domain.member.LoyaltyProfile;
import io.loyaltybridge.domain.member.MemberId;
import io.loyaltybridge.sandbox.hubspot.HubSpotSandbox;
import io.loyaltybridge.sandbox.hubspot.SandboxOptions;
import io.loyaltybridge.support.TestApp;
import io.loyaltybridge.support.TestPostgres;
import io.loyaltybridge.sync.FieldMap;
import io.loyaltybridge.sync.ProfileAttribute;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real application with the HubSpot connector on, talking over loopback to a HubSpot sandbox through a proxy
 * that checks every exchange against HubSpot's OpenAPI specs, on a fresh PostgreSQL database.
 */
final class HubSpotWorld implements AutoCloseable {
    static final String TOKEN = "pat-na1-loyaltybridge-test";
    static final String APP_SECRET = "hubspot-app-secret-for-tests";
    static final String BATCH_UPDATE = "POST /crm/v3/objects/contacts/batch/update";

    final HubSpotSandbox hs;
    final SpecCheckingProxy proxy;
    final Application app;
    final int port;
    final String url;

    private HubSpotWorld(HubSpotSandbox hs, SpecCheckingProxy proxy, Application app, int port, String url) {
        this.url = url;
        this.hs = hs;
        this.proxy = proxy;
        this.app = app;
        this.port = port;
    }

    /** A sandbox (changed by {@code sandbox}), then the app; {@code webhooks} points the sandbox at the app. */
    static HubSpotWorld start(boolean webhooks, UnaryOperator<SandboxOptions> sandbox, Map<String, String> overrides,
                              java.util.function.Consumer<HubSpotSandbox> beforeApp) {
        return start(webhooks, sandbox, overrides, (hs, url) -> beforeApp.accept(hs));
    }

    /** The same, {@code beforeApp} also given the new database's URL. */
    static HubSpotWorld start(boolean webhooks, UnaryOperator<SandboxOptions> sandbox, Map<String, String> overrides,
                              java.util.function.BiConsumer<HubSpotSandbox, String> beforeApp) {
        return start(webhooks, sandbox, overrides, beforeApp, java.time.Clock.systemUTC());
    }

    /** The same, the app running on {@code appClock}. */
    static HubSpotWorld start(boolean webhooks, UnaryOperator<SandboxOptions> sandbox, Map<String, String> overrides,
                              java.util.function.BiConsumer<HubSpotSandbox, String> beforeApp,
                              java.time.Clock appClock) {
        int port = TestApp.freePort();
        SandboxOptions options = SandboxOptions.defaults().token(TOKEN).appSecret(APP_SECRET);
        if (webhooks) {
            options.webhookTarget(URI.create(webhookUrl(port)));
        }
        HubSpotSandbox hs = HubSpotSandbox.start(sandbox.apply(options));
        SpecCheckingProxy proxy = new SpecCheckingProxy(hs.baseUrl());
        try {
            String url = TestPostgres.freshDatabase();
            beforeApp.accept(hs, url);
            Map<String, String> settings = new HashMap<>(Map.of("loyalty.db.url", url,
                    "camel.server.port", Integer.toString(port), "loyalty.hubspot.enabled", "true",
                    "loyalty.hubspot.base-url", proxy.url(), "loyalty.hubspot.poll-interval-ms", "300",
                    "loyalty.hubspot.lookback-seconds", "5", "loyalty.hubspot.webhook.public-url", webhookUrl(port)));
            // The survey answers stream is off unless a test turns it on: the other tests count contact and order calls.
            settings.put("loyalty.hubspot.feedback.enabled", "false");
            settings.putAll(overrides);
            Application app = TestApp.start(settings, Map.of("HUBSPOT_ACCESS_TOKEN", TOKEN,
                    "HUBSPOT_APP_SECRET", APP_SECRET), appClock);
            return new HubSpotWorld(hs, proxy, app, port, url);
        } catch (RuntimeException e) {
            proxy.close();
            hs.close();
            throw e;
        }
    }

    static String webhookUrl(int port) {
        return "http://localhost:" + port + "/webhooks/hubspot";
    }

    /** A plain, spec-checked read of the sandbox's API, as a test's own look at HubSpot. */
    com.fasterxml.jackson.databind.JsonNode get(String path) {
        try {
            var res = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    URI.create(proxy.url() + path)).header("Authorization", "Bearer " + TOKEN).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            return HubSpotClient.JSON.readTree(res.body());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    long ledgerEntries() {
        return io.loyaltybridge.support.Db.count(url, "ledger_entries");
    }

    long identities() {
        return io.loyaltybridge.support.Db.longValue(url,
                "SELECT count(*) FROM member_identities WHERE system = 'hubspot'");
    }

    long batchUpdates() {
        return hs.calls().calls(BATCH_UPDATE);
    }

    Optional<MemberId> memberOf(long contactId) {
        return app.core().transactions().read(() ->
                app.core().members().byIdentity(new CrmIdentity("hubspot", Long.toString(contactId))))
                .map(m -> m.id());
    }

    long points(MemberId member) {
        return app.core().memberService().profile(member).points().available();
    }

    /** What the contact should show: the member's profile through the default field map, canonical values. */
    Map<String, String> expected(MemberId member) {
        LoyaltyProfile profile = app.core().transactions().read(() -> app.core().profiles().of(List.of(member))).get(member);
        return fieldMap().valuesOf(profile);
    }

    /** What the contact shows in our properties, canonical like the expectation. */
    Map<String, String> shown(long contactId) {
        Map<String, String> props = hs.admin().contact(contactId).orElseThrow();
        Map<String, String> shown = new LinkedHashMap<>();
        fieldMap().fields().forEach((attribute, name) -> {
            if (attribute != ProfileAttribute.UPDATED_AT) {
                shown.put(name, attribute.canonical(props.get(name)));
            }
        });
        return shown;
    }

    /** True once the contact shows exactly its member's profile. */
    boolean inSync(long contactId) {
        Optional<MemberId> member = memberOf(contactId);
        return member.isPresent() && hs.admin().contact(contactId).isPresent()
                && shown(contactId).equals(expected(member.get()));
    }

    static FieldMap fieldMap() {
        Map<ProfileAttribute, String> fields = new LinkedHashMap<>();
        for (ProfileAttribute a : ProfileAttribute.values()) {
            fields.put(a, "loyalty_" + a.name().toLowerCase(java.util.Locale.ROOT));
        }
        return new FieldMap(fields);
    }

    /** Ends a test: the ledger balances and every exchange agreed with HubSpot's specs. */
    void assertLedgerAndSpecs() {
        assertThat(app.ledgerCheck().mismatches()).isEmpty();
        assertThat(proxy.mismatches()).isEmpty();
        assertThat(proxy.checked()).isPositive();
    }

    static void eventually(Duration limit, BooleanSupplier condition) {
        long end = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("condition not met within " + limit);
            }
            pause();
        }
    }

    /** The proxy's call count once no call has come for {@code still} (calls already on their way have landed). */
    int callsOnceStill(Duration still) {
        int seen = proxy.exchanges().size();
        long quietSince = System.nanoTime();
        while (System.nanoTime() - quietSince < still.toNanos()) {
            pause();
            int now = proxy.exchanges().size();
            if (now != seen) {
                seen = now;
                quietSince = System.nanoTime();
            }
        }
        return seen;
    }

    static void throughout(Duration period, BooleanSupplier condition) {
        long end = System.nanoTime() + period.toNanos();
        while (System.nanoTime() < end) {
            assertThat(condition.getAsBoolean()).as("condition held throughout " + period).isTrue();
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        try {
            app.close();
        } finally {
            proxy.close();
            hs.close();
        }
    }
}
