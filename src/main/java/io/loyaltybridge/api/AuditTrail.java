package io.loyaltybridge.api;

import io.loyaltybridge.domain.member.MemberId;
import io.loyaltybridge.store.PgAudit;
import io.loyaltybridge.store.Transactions;

import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs an administrative action and writes its audit entry in the same transaction: the action's own transaction
 * joins the one opened here, so both commit or neither does. A repeated request that changed nothing (an
 * idempotent replay) leaves no entry, so the log lists what was done, once each.
 */
public final class AuditTrail {
    /** What the entry says about an action's outcome; {@link #NOTHING} when it changed nothing. */
    public record Entry(String target, MemberId member, Map<String, ?> details) {
        public static final Entry NOTHING = new Entry(null, null, Map.of());
    }

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AuditTrail.class);

    private final Transactions tx;
    private final PgAudit audit;
    /**
     * Refusals are written off the caller's thread (the HTTP gate runs on Vert.x's event loop, which must not wait
     * for the database). The queue is bounded: a flood beyond it is logged as a count, not queued without end.
     */
    private final java.util.concurrent.ThreadPoolExecutor refusals = new java.util.concurrent.ThreadPoolExecutor(1, 1,
            30, java.util.concurrent.TimeUnit.SECONDS, new java.util.concurrent.ArrayBlockingQueue<>(1000), r -> {
                Thread thread = new Thread(r, "audit-refusals");
                thread.setDaemon(true);
                return thread;
            }, (r, pool) -> LOG.warn("Audit: a refused API call was not recorded (too many refusals at once)"));

    public AuditTrail(Transactions tx) {
        this.tx = tx;
        this.audit = new PgAudit(tx);
        // The writer thread goes away when idle, so a stopped app leaves none behind.
        refusals.allowCoreThreadTimeOut(true);
    }

    /**
     * Records a refused call: who (token name), which route and when, never the body. {@code why} is null for a
     * missing role, else the rule that refused it.
     */
    void refused(String actor, String routeId, String operation, String why) {
        Map<String, Object> details = new java.util.LinkedHashMap<>();
        details.put("operation", operation);
        if (why != null) {
            details.put("reason", why);
        }
        refusals.execute(() -> {
            try {
                tx.inTransaction(() -> {
                    audit.record(actor, "api.refused", "route:" + routeId, null, details);
                    return null;
                });
            } catch (RuntimeException e) {
                LOG.warn("Audit: a refused API call could not be recorded: {}", e.getMessage());
            }
        });
    }

    <T> T run(String actor, String action, Supplier<T> work, Function<T, Entry> describe) {
        return tx.inTransaction(() -> {
            T outcome = work.get();
            Entry entry = describe.apply(outcome);
            if (entry != Entry.NOTHING) {
                audit.record(actor, action, entry.target(), entry.member(), entry.details());
            }
            return outcome;
        });
    }

    Transactions transactions() {
        return tx;
    }

    PgAudit log() {
        return audit;
    }
}
