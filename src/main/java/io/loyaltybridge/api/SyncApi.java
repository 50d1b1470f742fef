package io.loyaltybridge.api;

import io.loyaltybridge.sync.ProgressBoard;
import io.loyaltybridge.domain.NotFound;
import io.loyaltybridge.store.PgDeadLetters;
import io.loyaltybridge.store.PgSyncSources;
import io.loyaltybridge.store.PgWebhookInbox;
import io.loyaltybridge.store.Transactions;
import io.loyaltybridge.sync.ApiBudgets;
import io.loyaltybridge.sync.DeadLetterReplay;
import io.loyaltybridge.sync.SyncStores;
import org.apache.camel.Exchange;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** {@code /api/sync}: how each CRM stream is doing, and the records that failed for good, with their replay. */
public final class SyncApi {
    private static final String PUSH = "push";
    private static final java.util.Set<String> WITHOUT_BACKFILL = java.util.Set.of(PUSH, "poll", "events",
            "provisioning");
    private final ApiGuard guard;
    private final Transactions tx;
    private final SyncStores stores;
    private final DeadLetterReplay replay;
    private final ProgressBoard progress;
    private final ApiBudgets budgets;
    private final Clock clock;

    public SyncApi(ApiGuard guard, Transactions tx, SyncStores stores, DeadLetterReplay replay,
                   ProgressBoard progress, ApiBudgets budgets, Clock clock) {
        this.guard = guard;
        this.tx = tx;
        this.stores = stores;
        this.replay = replay;
        this.progress = progress;
        this.budgets = budgets;
        this.clock = clock;
    }

    /** Per CRM: each stream's cursor, lag, last success, counts and errors; outbox depth and open dead letters. */
    public void status(Exchange exchange) {
        guard.handle(exchange, request -> Reply.ok(tx.read(() -> {
            List<PgSyncSources.Source> sources = stores.sources().all();
            Map<String, Object> bySystem = new LinkedHashMap<>();
            for (String system : new TreeSet<>(sources.stream().map(PgSyncSources.Source::system).toList())) {
                Map<String, Object> crm = new LinkedHashMap<>();
                crm.put("outboxDepth", stores.outbox().depth(system));
                crm.put("openDeadLetters", stores.deadLetters().openCount(system));
                budgets.of(system).ifPresent(b -> crm.put("apiBudget",
                        Map.of("used", b.used(), "limit", b.limit(), "period", b.period())));
                budgets.pause(system).ifPresent(p -> crm.put("paused",
                        Map.of("until", p.until().toString(), "message", p.message())));
                budgets.shape(system).ifPresent(shape -> crm.put("orgShape", shape));
                crm.put("streams", sources.stream().filter(s -> s.system().equals(system)).map(this::stream).toList());
                if (system.equals("hubspot")) {
                    crm.put("webhookInbox", inbox(new PgWebhookInbox(tx).depth()));
                }
                bySystem.put(system, crm);
            }
            return Map.of("at", clock.instant().toString(), "systems", bySystem, "work",
                    progress.snapshot().stream().map(SyncApi::work).toList());
        })));
    }

    public void deadLetters(Exchange exchange) {
        guard.handle(exchange, request -> {
            String status = request.query("status");
            int limit = request.queryInt("limit", 100, 1, 1000);
            List<PgDeadLetters.DeadLetter> letters = tx.read(() -> stores.deadLetters().list(status, limit));
            return Reply.ok(Map.of("deadLetters", letters.stream().map(SyncApi::letter).toList()));
        });
    }

    public void replay(Exchange exchange) {
        guard.handle(exchange, request -> {
            long id;
            try {
                id = Long.parseLong(request.query("id"));
            } catch (RuntimeException e) {
                throw new NotFound("no dead letter with id " + request.query("id"));
            }
            long letter = id;
            // Recorded whether it went through or failed again: either way the letter was acted on.
            DeadLetterReplay.Outcome outcome = request.audited("dead-letter.replayed", () -> replay.replay(letter),
                    o -> new AuditTrail.Entry("dead-letter:" + o.id(), null, Map.of("replayed", o.replayed())));
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("id", outcome.id());
            view.put("replayed", outcome.replayed());
            view.put("errorCode", outcome.errorCode());
            view.put("error", outcome.error());
            return Reply.ok(view);
        });
    }

    /**
     * One stream's figures, each defined once in the README ("Sync figures"). Streams that are not a CRM object read
     * whole at first (the push; Salesforce's poll and change-event rows, which carry read calls and failures) have
     * no backfill: {@code backfillDone} is null there rather than a false that would read as "running" for ever.
     */
    private Map<String, Object> stream(PgSyncSources.Source s) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("object", s.object());
        view.put("direction", s.object().equals(PUSH) ? "outbound" : "inbound");
        view.put("watermark", text(s.watermark()));
        // How stale our view of the stream is: since it last read successfully (a quiet CRM is not behind).
        view.put("lagSeconds", s.lastSuccessAt() == null ? null
                : Math.max(0, Duration.between(s.lastSuccessAt(), clock.instant()).toSeconds()));
        view.put("backfillDone", WITHOUT_BACKFILL.contains(s.object()) ? null : s.backfillDone());
        view.put("lastSuccessAt", text(s.lastSuccessAt()));
        view.put("recordsIn", s.recordsIn());
        view.put("recordsOut", s.recordsOut());
        view.put("apiCalls", s.apiCalls());
        view.put("errors", s.errors());
        view.put("lastError", s.lastError());
        view.put("lastErrorAt", text(s.lastErrorAt()));
        view.put("replayIdStored", s.replayId() != null);
        // A stream stopped by a permanent error (the org refuses what the configuration asks): why, until it changes
        view.put("stopped", new io.loyaltybridge.store.PgStreamStops(tx).get(s.system(), s.object())
                .map(io.loyaltybridge.store.PgStreamStops.Stop::reason).orElse(null));
        // A stream off by the CRM's shape, not failing (an org without survey objects): why
        view.put("note", new io.loyaltybridge.store.PgSyncNotes(tx).get(s.system(), s.object()).orElse(null));
        return view;
    }

    /** Webhook events stored and not yet applied: how many, since when, and how many failed at least once. */
    private Map<String, Object> inbox(PgWebhookInbox.Depth depth) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("pending", depth.pending());
        view.put("retrying", depth.retrying());
        view.put("oldestReceivedAt", text(depth.oldest()));
        view.put("oldestAgeSeconds", depth.oldest() == null ? null
                : Math.max(0, Duration.between(depth.oldest(), clock.instant()).toSeconds()));
        return view;
    }

    private static Map<String, Object> work(ProgressBoard.Snapshot w) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("work", w.work());
        view.put("done", w.done());
        view.put("total", w.total());
        view.put("perSecond", Math.round(w.perSecond()));
        view.put("secondsLeft", w.secondsLeft());
        view.put("startedAt", text(w.startedAt()));
        view.put("finished", w.finished());
        view.put("state", w.state());
        return view;
    }

    private static Map<String, Object> letter(PgDeadLetters.DeadLetter l) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", l.id());
        view.put("system", l.system());
        view.put("direction", l.direction());
        view.put("recordType", l.recordType());
        view.put("recordId", l.recordId());
        view.put("errorCode", l.errorCode());
        view.put("error", l.error());
        view.put("waitingFor", l.waitingFor());
        view.put("status", l.status());
        view.put("replayCount", l.replayCount());
        view.put("createdAt", text(l.createdAt()));
        view.put("replayedAt", text(l.replayedAt()));
        view.put("payload", Json.tree(l.payload()));
        return view;
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
