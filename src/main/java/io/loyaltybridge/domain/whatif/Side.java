package io.loyaltybridge.domain.whatif;

import io.loyaltybridge.domain.ledger.Account;
import io.loyaltybridge.domain.ledger.EntryKind;
import io.loyaltybridge.domain.ledger.batch.Changes;
import io.loyaltybridge.domain.program.Program;
import io.loyaltybridge.domain.program.tiers.TierGrant;

import java.time.Instant;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one program made of the history, member by member: balances per account, tier in force (the earned tier with
 * a staff grant holding today on top), the points it issued per month and expired. Members are kept as a few numbers each (never their orders), so memory grows with members only.
 */
final class Side {
    private static final int ACCOUNTS = Account.values().length;
    private final Program program;
    private final Map<Long, long[]> balances = new HashMap<>();
    private final Map<Long, String> tiers = new HashMap<>();
    private final TreeMap<YearMonth, Long> issued = new TreeMap<>();
    /** Staff grants holding today, by member: applied on top of the earned tier, as the tier in force is. */
    private final Map<Long, TierGrant> grants = new HashMap<>();
    private long expired;
    private YearMonth month;
    private Instant monthStart = Instant.MAX;
    private Instant monthEnd = Instant.MIN;
    private long granted;
    private long grantsNotReplayed;

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

    /** Takes in what the same program made of another page (members no other page holds): sums and per member. */
    void absorb(Side page) {
        page.balances.forEach((member, held) -> {
            long[] into = balances.computeIfAbsent(member, m -> new long[ACCOUNTS]);
            for (int i = 0; i < ACCOUNTS; i++) {
                into[i] += held[i];
            }
        });
        tiers.putAll(page.tiers);
        page.issued.forEach((month, points) -> issued.merge(month, points, Long::sum));
        grants.putAll(page.grants);
        expired += page.expired;
        granted += page.granted;
        grantsNotReplayed += page.grantsNotReplayed;
    }

    /** Points the expiry job would have taken from the member by today. */
    void expire(long member, long points) {
        balances.computeIfAbsent(member, m -> new long[ACCOUNTS])[Account.POINTS.ordinal()] -= points;
        expired += points;
    }

    /**
     * The member's staff grant holding today (null: none), whether they had any grant, and whether one named a tier
     * this program lacks (so it could not be replayed).
     */
    void grant(long member, TierGrant today, boolean hadGrants, boolean notReplayed) {
        if (today != null) {
            grants.put(member, today);
        }
        granted += hadGrants ? 1 : 0;
        grantsNotReplayed += notReplayed ? 1 : 0;
    }

    long expired() {
        return expired;
    }

    /** Members who had a staff tier grant, and of them those with a grant this program could not apply. */
    long[] grantedMembers() {
        return new long[]{granted, grantsNotReplayed};
    }

    /** Issued as the KPIs count it: earned, released, bonus and positive adjustments on the points account. */
    private void count(Account account, EntryKind kind, long points, Instant at) {
        boolean issues = kind == EntryKind.EARN || kind == EntryKind.RELEASE || kind == EntryKind.BONUS
                || (kind == EntryKind.ADJUST && points > 0);
        if (account == Account.POINTS && issues) {
            issued.merge(monthOf(at), points, Long::sum);
        }
    }

    /** Entries come mostly in time order: the month found last is asked first (a zone lookup is not cheap). */
    private YearMonth monthOf(Instant at) {
        if (at.isBefore(monthStart) || !at.isBefore(monthEnd)) {
            month = YearMonth.from(at.atZone(program.zone()));
            monthStart = month.atDay(1).atStartOfDay(program.zone()).toInstant();
            monthEnd = month.plusMonths(1).atDay(1).atStartOfDay(program.zone()).toInstant();
        }
        return month;
    }

    Iterable<Long> members() {
        return balances.keySet();
    }

    int size() {
        return balances.size();
    }

    Figures of(long member) {
        long[] b = balances.getOrDefault(member, new long[ACCOUNTS]);
        String earned = tiers.getOrDefault(member, program.tiers().lowest().name());
        TierGrant grant = grants.get(member);
        return new Figures(b[Account.POINTS.ordinal()], b[Account.PENDING.ordinal()],
                b[Account.CASHBACK.ordinal()], b[Account.PENDING_CASHBACK.ordinal()],
                grant == null ? earned : grant.apply(earned, program.tiers()));
    }

    TreeMap<YearMonth, Long> issued() {
        return issued;
    }
}
