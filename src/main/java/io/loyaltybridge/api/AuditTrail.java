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

    private final Transactions tx;
    private final PgAudit audit;

    public AuditTrail(Transactions tx) {
        this.tx = tx;
        this.audit = new PgAudit(tx);
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
