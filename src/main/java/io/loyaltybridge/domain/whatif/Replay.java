package io.loyaltybridge.domain.whatif;

import io.loyaltybridge.domain.ledger.batch.BatchSettlement;
import io.loyaltybridge.domain.ledger.batch.Changes;
import io.loyaltybridge.domain.ledger.batch.Snapshot;
import io.loyaltybridge.domain.member.MemberId;
import io.loyaltybridge.domain.order.StoredOrder;
import io.loyaltybridge.domain.program.Program;
import io.loyaltybridge.domain.program.grants.EventAwards;
import io.loyaltybridge.domain.program.tiers.Qualifying;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Settles members' whole histories under one program with the set-wise engine ({@link BatchSettlement}), over a
 * snapshot that starts empty: as if every stored order were taken in today by a fresh ledger, which is what the
 * normal path does with a backfill. Staff tier grants set the tier in force of the orders placed while they held
 * ({@link GrantReplay}); the expiry job then takes what has expired by today ({@link ExpiryReplay}). Nothing is
 * written anywhere; the outcome goes into a {@link Side}.
 */
final class Replay {
    private final Program program;
    private final BatchSettlement settlement;
    private final EventAwards awards;
    private final Clock clock;

    Replay(Program program, Clock clock) {
        this.program = program;
        this.clock = clock;
        this.settlement = new BatchSettlement(program, clock);
        this.awards = new EventAwards(program);
    }

    Program program() {
        return program;
    }

    /** Settles the page's members together; a member whose history fails alone is returned, not counted. */
    List<MemberId> settle(Page page, Side into) {
        List<MemberHistory> batch = page.members();
        try {
            Map<MemberId, List<MemberHistory.Carried>> carried = new HashMap<>();
            batch.forEach(h -> carried.put(h.member(), priced(h)));
            GrantReplay grants = new GrantReplay(program, batch);
            Changes changes = settlement.settle(snapshot(batch, page.orders(), carried), page.submissions(), grants);
            LocalDate today = LocalDate.now(clock.withZone(program.zone()));
            Map<MemberId, Long> expired = expired(batch, carried, changes, today);
            into.add(changes);
            batch.forEach(h -> {
                long member = h.member().value();
                into.enter(member);
                carried.get(h.member()).forEach(entry -> into.carry(member, entry));
                into.expire(member, expired.getOrDefault(h.member(), 0L));
                into.grant(member, grants.today(h, today), !h.tierGrants().isEmpty(), grants.unreplayable(h));
            });
            return List.of();
        } catch (RuntimeException batchFailed) {
            if (batch.size() == 1) {
                return List.of(batch.get(0).member());
            }
            // One member's odd history should not hide the others': settle each alone.
            List<MemberId> failed = new ArrayList<>();
            batch.forEach(h -> failed.addAll(settle(Page.of(List.of(h)), into)));
            return failed;
        }
    }

    /** What the program's expiry job would have taken from each member by today (none: points never expire). */
    private Map<MemberId, Long> expired(List<MemberHistory> batch, Map<MemberId, List<MemberHistory.Carried>> carried,
                                        Changes changes, LocalDate today) {
        ExpiryReplay expiry = new ExpiryReplay(program);
        if (!expiry.expires()) {
            return Map.of();
        }
        // Carried entries first, as a copy taking the history in records them before the orders' (same instant).
        long[] id = {0};
        batch.forEach(h -> carried.get(h.member()).forEach(e -> expiry.carried(h.member(), e, ++id[0])));
        changes.entries().forEach(expiry::add);
        Map<MemberId, Long> expired = new HashMap<>();
        batch.forEach(h -> {
            long due = expiry.due(h.member(), today);
            if (due > 0) {
                expired.put(h.member(), due);
            }
        });
        return expired;
    }

    /**
     * The member's entries no order caused, events priced by this program as the live grant prices them: its
     * points for the event, nothing once the member had its limit of them, nothing for an event it does not declare.
     */
    private List<MemberHistory.Carried> priced(MemberHistory history) {
        List<MemberHistory.Carried> priced = new ArrayList<>();
        Map<String, Integer> times = new HashMap<>();
        for (MemberHistory.Carried entry : history.carried()) {
            if (entry.event() == null) {
                priced.add(entry);
                continue;
            }
            EventAwards.Award award = awards.award(entry.event(), times.getOrDefault(entry.event(), 0));
            if (award.granted() && award.points() != 0) {
                times.merge(entry.event(), 1, Integer::sum);
                priced.add(entry.pricedAt(award.points()));
            }
        }
        return priced;
    }

    private Snapshot snapshot(List<MemberHistory> batch, List<StoredOrder> orders,
                              Map<MemberId, List<MemberHistory.Carried>> carried) {
        Map<MemberId, Instant> members = new LinkedHashMap<>();
        Map<MemberId, Set<String>> segments = new HashMap<>();
        Map<MemberId, Snapshot.Referral> referrals = new HashMap<>();
        for (MemberHistory history : batch) {
            members.put(history.member(), history.joinedAt());
            segments.put(history.member(), history.segments());
            if (history.referrer() != null) {
                // Open again: the replay decides anew which order completes it.
                referrals.put(history.member(), new Snapshot.Referral(history.referrer(), null));
            }
        }
        LocalDate grantsFrom = settlement.grantsFrom(members.values());
        Map<MemberId, List<Qualifying>> grants = new HashMap<>();
        for (MemberHistory history : batch) {
            carried.get(history.member()).stream().filter(MemberHistory.Carried::qualifies).forEach(entry -> {
                LocalDate day = entry.effectiveAt().atZone(program.zone()).toLocalDate();
                if (!day.isBefore(grantsFrom)) {
                    grants.computeIfAbsent(history.member(), m -> new ArrayList<>())
                            .add(Qualifying.points(day, entry.points()));
                }
            });
        }
        // New orders take the ids reserved in turn: the stored ids, so entries are keyed as the ledger's are.
        return new Snapshot(members, Map.of(), Map.of(), Map.of(), Map.of(), segments, Map.of(), Map.of(),
                referrals, grants, grantsFrom, orders.stream().map(StoredOrder::id).toList());
    }
}
