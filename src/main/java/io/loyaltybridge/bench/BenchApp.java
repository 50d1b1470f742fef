package io.loyaltybridge.bench;

import io.loyaltybridge.app.Core;
import io.loyaltybridge.sandbox.salesforce.SalesforceSandbox;
import io.loyaltybridge.store.PgSyncSources;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** How the benchmark starts the app against the sandbox, and the conditions it waits for between phases. */
final class BenchApp {
    static final int POLL_SECONDS = 30;

    private BenchApp() {
    }

    /**
     * The connector pointed at the sandbox, with the timers a live deployment wanting low latency would pick (push
     * as soon as 200 contacts are ready or the oldest waited 300 ms; the safety-net poll every 30 s instead of 5 minutes, so the
     * no-change run does not wait long), and the working directory's program with points available at once: with a
     * return window, a new order's points stay pending and the CRM's points field would not move.
     */
    static Map<String, String> settings(SalesforceSandbox sf, BenchDatabase db, Path workDir, Path temp) {
        Map<String, String> s = new HashMap<>();
        s.put("loyalty.db.url", db.url());
        s.put("camel.server.port", Integer.toString(freePort()));
        s.put("camel.server.host", "127.0.0.1"); // the benchmark talks to itself only, as sandbox mode does
        s.put("loyalty.program.file", program(workDir, temp).toString());
        s.put("loyalty.salesforce.enabled", "true");
        s.put("loyalty.salesforce.login-url", sf.loginUrl());
        s.put("loyalty.salesforce.api-version", sf.options().apiVersion());
        s.put("loyalty.salesforce.pubsub.host", sf.pubSubHost());
        s.put("loyalty.salesforce.pubsub.port", Integer.toString(sf.pubSubPort()));
        s.put("loyalty.salesforce.pubsub.plaintext", "true");
        s.put("loyalty.salesforce.poll.period-seconds", Integer.toString(POLL_SECONDS));
        s.put("loyalty.salesforce.push.period-ms", "100");
        s.put("loyalty.salesforce.push.linger-ms", "300");
        return s;
    }

    static Map<String, String> secrets(SalesforceSandbox sf, Map<String, String> env) {
        Map<String, String> secrets = new HashMap<>(env);
        secrets.put("SALESFORCE_CLIENT_ID", sf.options().clientId());
        secrets.put("SALESFORCE_CLIENT_SECRET", sf.options().clientSecret());
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

    /** Both backfills done, the outbox drained, and every contact showing a member id on the CRM. */
    static void awaitBackfilled(Core core, CrmWatch watch, List<String> contacts) {
        await("the backfill to finish and be pushed", Duration.ofHours(6), () -> backfillDone(core, "Contact")
                && backfillDone(core, "Order") && outboxDepth(core) == 0
                && contacts.stream().allMatch(c -> watch.pointsShown(c) != null));
    }

    /**
     * Waits for an incremental poll round (its contact and order reads), then long enough for any push it caused
     * (the push lingers 300 ms at most, looking every 100 ms).
     */
    static void awaitPollRound(SalesforceSandbox sf) {
        await("an incremental poll", Duration.ofMinutes(5), () -> reads(sf) >= 2);
        sleep(Duration.ofSeconds(3));
    }

    /** SOQL reads served (the incremental poll uses queryAll, so deletions come too). */
    static long reads(SalesforceSandbox sf) {
        return sf.calls().count("query") + sf.calls().count("queryAll") + sf.calls().count("queryMore");
    }

    static void awaitOutboxEmpty(Core core) {
        await("the outbox to drain", Duration.ofMinutes(10), () -> outboxDepth(core) == 0);
    }

    /** Gives pushes in flight up to a minute to land before counting disagreeing contacts. */
    static long disagreeingAfterSettling(CrmWatch watch, Core core, BenchDatabase db) {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        long wrong = watch.disagreeing(core, db);
        while (wrong > 0 && System.nanoTime() < deadline) {
            sleep(Duration.ofSeconds(1));
            wrong = watch.disagreeing(core, db);
        }
        return wrong;
    }

    private static boolean backfillDone(Core core, String object) {
        return core.transactions().read(() -> core.syncStores().sources().get("salesforce", object))
                .map(PgSyncSources.Source::backfillDone).orElse(false);
    }

    private static long outboxDepth(Core core) {
        return core.transactions().read(() -> core.syncStores().outbox().depth("salesforce"));
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

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("benchmark interrupted", e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
