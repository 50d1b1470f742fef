package io.loyaltybridge.domain.whatif;

import io.loyaltybridge.domain.ledger.Account;
import io.loyaltybridge.domain.ledger.EntrySource;
import io.loyaltybridge.domain.ledger.LedgerEntry;
import io.loyaltybridge.domain.member.MemberId;
import io.loyaltybridge.domain.program.Program;
import io.loyaltybridge.domain.program.expiry.Expiry;
import io.loyaltybridge.domain.program.expiry.LotHistory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The program's expiry job, replayed: the member's points lots rebuilt from what the replay gave them (orders,
 * bonuses, and the entries carried: events, partners, redemptions, adjustments), and what has expired by today
 * taken off. The job runs daily and is idempotent (it writes what the lots say expired beyond what the ledger
 * shows), so its runs up to today add up to one run today over the whole history; a redemption takes from the lots
 * still alive on its day, as the lot book spends.
 */
final class ExpiryReplay {
    private final Program program;
    private final Map<MemberId, List<LedgerEntry>> points = new HashMap<>();

    ExpiryReplay(Program program) {
        this.program = program;
    }

    boolean expires() {
        return program.expiry().model() != Expiry.ExpiryModel.NEVER;
    }

    /** An entry the member's points account received, carried or made by the replay, in the order made. */
    void add(LedgerEntry entry) {
        if (entry.account() == Account.POINTS) {
            points.computeIfAbsent(entry.member(), m -> new ArrayList<>()).add(entry);
        }
    }

    void carried(MemberId member, MemberHistory.Carried entry, long id) {
        if (entry.account() == Account.POINTS) {
            add(new LedgerEntry(id, member, entry.account(), entry.points(), entry.kind(), null,
                    new EntrySource("what-if", null), program.version(), entry.effectiveAt(), entry.effectiveAt(),
                    "carried:" + id, null));
        }
    }

    /** Points expired by {@code today} for the member, as the ledger's history (by effective time) rebuilds them. */
    long due(MemberId member, LocalDate today) {
        List<LedgerEntry> history = points.getOrDefault(member, List.of());
        if (history.isEmpty()) {
            return 0;
        }
        List<LedgerEntry> byTime = new ArrayList<>(history);
        byTime.sort(Comparator.comparing(LedgerEntry::effectiveAt));
        return LotHistory.replay(byTime, program.expiry(), program.zone()).expire(today).book().expiredTotal();
    }
}
