package io.loyaltybridge.domain.whatif;

import io.loyaltybridge.domain.ledger.Account;
import io.loyaltybridge.domain.ledger.EntryKind;
import io.loyaltybridge.domain.ledger.batch.Changes;
import io.loyaltybridge.domain.program.Program;

import java.time.Instant;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one program made of the history, member by member: balances per account, earned tier, and the points it
 * issued per month. Members are kept as a few numbers each (never their orders), so memory grows with members only.
 */
final class Side {
    private static final int ACCOUNTS = Account.values().length;
    private final Program program;
    private final Map<Long, long[]> balances = new HashMap<>();
    private final Map<Long, String> tiers = new HashMap<>();
    private final TreeMap<YearMonth, Long> issued = new TreeMap<>();

    Side(Program program) {
        this.program = program;
    }

    Program program() {
        return program;
    }

    /** The member is in the result even if nothing moved for them. */
    void enter(long member) {
        balances.computeIfAbsent(member, m -> new long[ACCOUNTS]);
    }

    void add(Changes changes) {
        changes.balanceMoves().forEach((member, moves) -> {
            long[] held = balances.computeIfAbsent(member.value(), m -> new long[ACCOUNTS]);
            moves.forEach((account, move) -> held[account.ordinal()] += move[0]);
        });
        changes.tiers().forEach((member, state) -> tiers.put(member.value(), state.tier()));
        changes.entries().forEach(e -> count(e.account(), e.kind(), e.points(), e.effectiveAt()));
    }

    void carry(long member, MemberHistory.Carried entry) {
        balances.computeIfAbsent(member, m -> new long[ACCOUNTS])[entry.account().ordinal()] += entry.points();
        count(entry.account(), entry.kind(), entry.points(), entry.effectiveAt());
    }

    /** Issued as the KPIs count it: earned, released, bonus and positive adjustments on the points account. */
    private void count(Account account, EntryKind kind, long points, Instant at) {
        boolean issues = kind == EntryKind.EARN || kind == EntryKind.RELEASE || kind == EntryKind.BONUS
                || (kind == EntryKind.ADJUST && points > 0);
        if (account == Account.POINTS && issues) {
            issued.merge(YearMonth.from(at.atZone(program.zone())), points, Long::sum);
        }
    }

    Iterable<Long> members() {
        return balances.keySet();
    }

    int size() {
        return balances.size();
    }

    Figures of(long member) {
        long[] b = balances.getOrDefault(member, new long[ACCOUNTS]);
        return new Figures(b[Account.POINTS.ordinal()], b[Account.PENDING.ordinal()],
                b[Account.CASHBACK.ordinal()], b[Account.PENDING_CASHBACK.ordinal()],
                tiers.getOrDefault(member, program.tiers().lowest().name()));
    }

    TreeMap<YearMonth, Long> issued() {
        return issued;
    }
}
