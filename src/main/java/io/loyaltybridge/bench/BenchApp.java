package io.loyaltybridge.bench;

import io.loyaltybridge.app.Core;
import io.loyaltybridge.sandbox.hubspot.HubSpotSandbox;
import io.loyaltybridge.sandbox.salesforce.SalesforceSandbox;
import io.loyaltybridge.store.PgSyncSources;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** How the benchmark starts the app against the sandbox, and the conditions it waits for between phases. */
final class BenchApp {
    static final int POLL_SECONDS = 30;

    private BenchApp() {
    }

    static final String HUBSPOT_TOKEN = "bench-private-app-token";
    static final String HUBSPOT_SECRET = "bench-app-secret";

    /**
     * The app on its own port and database, with the working directory's program with points available at once:
     * with a return window, a new order's points stay pending and the CRM's points field would not move. No
     * connector yet: {@link #salesforce} or {@link #hubspot} adds one.
     */
    static Map<String, String> base(BenchDatabase db, int port, Path workDir, Path temp) {
        Map<String, String> s = new HashMap<>();
        s.put("loyalty.db.url", db.url());
        s.put("camel.server.port", Integer.toString(port));
        s.put("camel.server.host", "127.0.0.1"); // the benchmark talks to itself only, as sandbox mode does
        s.put("loyalty.program.file", program(workDir, temp).toString());
        return s;
    }

    /**
     * The Salesforce connector pointed at the sandbox, with the timers a live deployment wanting low latency would
     * pick (push as soon as 200 contacts are ready or the oldest waited 300 ms, looking every 100 ms; the
     * safety-net poll every 30 s instead of 5 minutes, so the no-change run does not wait long).
     */
    static Map<String, String> salesforce(SalesforceSandbox sf) {
        return salesforce(sf.loginUrl(), sf.options().apiVersion(), sf.pubSubHost(), sf.pubSubPort());
    }

    /** The same for a sandbox known only by its addresses (one in its own process, see {@link SandboxProcess}). */
    static Map<String, String> salesforce(String loginUrl, String apiVersion, String pubSubHost, int pubSubPort) {
        Map<String, String> s = new HashMap<>();
        s.put("loyalty.salesforce.enabled", "true");
        s.put("loyalty.salesforce.login-url", loginUrl);
        s.put("loyalty.salesforce.api-version", apiVersion);
        s.put("loyalty.salesforce.pubsub.host", pubSubHost);
        s.put("loyalty.salesforce.pubsub.port", Integer.toString(pubSubPort));
        s.put("loyalty.salesforce.pubsub.plaintext", "true");
        s.put("loyalty.salesforce.poll.period-seconds", Integer.toString(POLL_SECONDS));
        s.put("loyalty.salesforce.push.period-ms", "100");
        s.put("loyalty.salesforce.push.linger-ms", "300");
        return s;
    }

    /** The HubSpot connector pointed at the sandbox, its webhooks at the app; the safety-net poll every 30 s. */
    static Map<String, String> hubspot(HubSpotSandbox hs, int port) {
        Map<String, String> s = new HashMap<>();
        s.put("loyalty.hubspot.enabled", "true");
        s.put("loyalty.hubspot.base-url", hs.baseUrl());
        s.put("loyalty.hubspot.webhook.public-url", webhookUrl(port));
        s.put("loyalty.hubspot.poll-interval-ms", Integer.toString(POLL_SECONDS * 1000));
        return s;
    }

    static String webhookUrl(int port) {
        return "http://localhost:" + port + "/webhooks/hubspot";
    }

    static Map<String, String> secrets(SalesforceSandbox sf, Map<String, String> env) {
        return secrets(sf.options().clientId(), sf.options().clientSecret(), env);
    }

    static Map<String, String> secrets(String clientId, String clientSecret, Map<String, String> env) {
        Map<String, String> secrets = new HashMap<>(env);
        secrets.put("SALESFORCE_CLIENT_ID", clientId);
        secrets.put("SALESFORCE_CLIENT_SECRET", clientSecret);
        return secrets;
    }

    static Map<String, String> hubspotSecrets(Map<String, String> env) {
        Map<String, String> secrets = new HashMap<>(env);
        secrets.put("HUBSPOT_ACCESS_TOKEN", HUBSPOT_TOKEN);
        secrets.put("HUBSPOT_APP_SECRET", HUBSPOT_SECRET);
        return secrets;
    }

    private static Path program(Path workDir, Path temp) {
        try {
            String text = Files.readString(workDir.resolve("config/program.yaml"));
            String instant = text.replaceFirst("returnWindowDays:\\s*\\d+", "returnWindowDays: 0");
            return Files.writeString(temp.resolve("program.yaml"), instant);
        } catch (IOException e) {
            throw new UncheckedIOException("the benchmark reads config/program.yaml from the working directory", e);
        }
    }

    /** Every backfill of the CRM done, its outbox drained, and every contact showing its points. */
    static void awaitBackfilled(Core core, BenchCrm crm) {
        await("the backfill to finish and be pushed", Duration.ofHours(6), () -> crm.backfillObjects().stream()
                .allMatch(o -> backfillDone(core, crm.system(), o)) && outboxDepth(core, crm.system()) == 0
                && crm.contactsWithoutPoints() == 0);
    }

    /**
     * Waits for an incremental poll round (its contact and order reads), then long enough for any push it caused
     * (the push lingers 300 ms at most, looking every 100 ms).
     */
    static void awaitPollRound(BenchCrm crm) {
        await("an incremental poll", Duration.ofMinutes(5), () -> crm.reads() >= 2);
        sleep(Duration.ofSeconds(3));
    }

    /** Every order the CRM holds is in the core and the outbox is empty: the backlog of a phase is gone. */
    static boolean awaitDrained(Core core, BenchCrm crm, BenchDatabase db) {
        try {
            await("every order to be settled and pushed", Duration.ofMinutes(10), () -> ordersInCore(crm, db)
                    >= crm.orders() && outboxDepth(core, crm.system()) == 0);
        } catch (IllegalStateException e) {
            return false; // the checks at the end say what is missing
        }
        sleep(Duration.ofSeconds(1)); // a push in flight when the outbox emptied
        return true;
    }

    static long ordersInCore(BenchCrm crm, BenchDatabase db) {
        return db.count("SELECT count(*) FROM orders WHERE source = '" + crm.system() + "'");
    }

    /** Gives pushes in flight up to a minute to land before counting disagreeing contacts. */
    static long disagreeingAfterSettling(BenchCrm crm, Core core, BenchDatabase db) {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        long wrong = Agreement.disagreeing(crm, core, db);
        while (wrong > 0 && System.nanoTime() < deadline) {
            sleep(Duration.ofSeconds(1));
            wrong = Agreement.disagreeing(crm, core, db);
        }
        return wrong;
    }

    private static boolean backfillDone(Core core, String system, String object) {
        return core.transactions().read(() -> core.syncStores().sources().get(system, object))
                .map(PgSyncSources.Source::backfillDone).orElse(false);
    }

    static long outboxDepth(Core core, String system) {
        return core.transactions().read(() -> core.syncStores().outbox().depth(system));
    }

    static void await(String what, Duration within, BooleanSupplier condition) {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("benchmark timed out waiting for " + what);
            }
            sleep(Duration.ofMillis(50));
        }
    }

    static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("benchmark interrupted", e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
