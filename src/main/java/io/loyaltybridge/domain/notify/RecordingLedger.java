package io.loyaltybridge.domain.notify;

import io.loyaltybridge.domain.ledger.Account;
import io.loyaltybridge.domain.ledger.Balance;
import io.loyaltybridge.domain.ledger.EntryKind;
import io.loyaltybridge.domain.ledger.LedgerEntries;
import io.loyaltybridge.domain.ledger.LedgerEntry;
import io.loyaltybridge.domain.ledger.NewEntry;
import io.loyaltybridge.domain.member.MemberId;
import io.loyaltybridge.domain.program.jobs.BirthdayJob;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ledger, recording "points earned", "points redeemed" and "birthday" events for the entries it actually
 * writes. Every writer of those entries (settlement, redemptions, rewards, the birthday job) goes through the
 * ledger inside its transaction, so wrapping it records each event with its entry, keyed by the entry's own
 * operation key, without touching the writers.
 */
public final class RecordingLedger implements LedgerEntries {
    private final LedgerEntries ledger;
    private final MemberEvents events;

    public RecordingLedger(LedgerEntries ledger, MemberEvents events) {
        this.ledger = ledger;
        this.events = events;
    }

    @Override
    public Optional<LedgerEntry> append(NewEntry entry) {
        Optional<LedgerEntry> written = ledger.append(entry);
        written.ifPresent(this::recordFor);
        return written;
    }

    private void recordFor(LedgerEntry entry) {
        EventType type = typeOf(entry);
        if (type != null) {
            events.record(new MemberEvent(entry.member(), type, type.wireName() + ":" + entry.operationKey(),
                    entry.createdAt(), Map.of("points", Long.toString(Math.abs(entry.points())),
                    "account", entry.account().name().toLowerCase(java.util.Locale.ROOT),
                    "reason", entry.reason() == null ? "" : entry.reason())));
        }
    }

    static EventType typeOf(LedgerEntry entry) {
        if (entry.operationKey().startsWith(BirthdayJob.KEY_PREFIX) && entry.points() > 0) {
            return EventType.BIRTHDAY;
        }
        if (entry.kind() == EntryKind.EARN && entry.points() > 0
                && (entry.account() == Account.POINTS || entry.account() == Account.PENDING)) {
            return EventType.POINTS_EARNED;
        }
        if (entry.kind() == EntryKind.REDEEM) {
            return EventType.POINTS_REDEEMED;
        }
        return null;
    }

    @Override
    public Optional<LedgerEntry> byOperationKey(String operationKey) {
        return ledger.byOperationKey(operationKey);
    }

    @Override
    public Balance lockBalance(MemberId member, Account account) {
        return ledger.lockBalance(member, account);
    }

    @Override
    public Balance balance(MemberId member, Account account) {
        return ledger.balance(member, account);
    }

    @Override
    public Map<MemberId, Map<Account, Balance>> balances(Collection<MemberId> members) {
        return ledger.balances(members);
    }

    @Override
    public Map<Account, Long> creditedForOrder(long orderId) {
        return ledger.creditedForOrder(orderId);
    }

    @Override
    public List<LedgerEntry> pendingBonusesOf(long orderId) {
        return ledger.pendingBonusesOf(orderId);
    }

    @Override
    public List<LedgerEntry> forOrder(long orderId) {
        return ledger.forOrder(orderId);
    }

    @Override
    public Map<MemberId, List<LedgerEntry>> history(Collection<MemberId> members, Account account) {
        return ledger.history(members, account);
    }

    @Override
    public List<LedgerEntry> page(MemberId member, Long beforeId, int limit) {
        return ledger.page(member, beforeId, limit);
    }
}
