package io.loyaltybridge.domain.whatif;

import io.loyaltybridge.domain.program.tiers.Tiers;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/** The two programs' outcomes side by side, member by member, and what they add up to. */
public final class Comparison {
    /** Largest change first: points owed, then cashback owed, then the lower member id. */
    private static final Comparator<WhatIfResult.MemberChange> LARGEST =
            Comparator.comparingLong((WhatIfResult.MemberChange c) -> Math.abs(c.pointsDelta())).reversed()
                    .thenComparing(Comparator.comparingLong(
                            (WhatIfResult.MemberChange c) -> Math.abs(c.cashbackDeltaMinor())).reversed())
                    .thenComparingLong(WhatIfResult.MemberChange::member);
    /** What the replay does not reproduce, said in the result rather than left out silently. */
    static final List<String> NOT_REPLAYED = List.of(
            "tier-assessment downgrades: the history is settled as of today, as a fresh ledger taking it in would"
                    + " be, and a first assessment only starts a grace period; tiers are those earned in the"
                    + " current window (and the previous one kept by the lookback), never lowered",
            "birthday-bonus: the birthday grants the live job made are priced again by the candidate's birthday"
                    + " event; birthdays the program in force did not reward are not invented",
            "segments-and-cltv: the stored segments are used under both programs");
    private final Side now;
    private final Side candidate;
    private final Set<Long> failed;
    private final long orders;

    Comparison(Side now, Side candidate, Collection<Long> failed, long orders) {
        this.now = now;
        this.candidate = candidate;
        this.failed = new TreeSet<>(failed);
        this.orders = orders;
    }

    /** Every member replayed under both programs, by id. */
    public void forEach(Consumer<WhatIfResult.MemberChange> each) {
        members().forEach(m -> each.accept(new WhatIfResult.MemberChange(m, now.of(m), candidate.of(m))));
    }

    private TreeSet<Long> members() {
        TreeSet<Long> members = new TreeSet<>();
        now.members().forEach(members::add);
        candidate.members().forEach(members::add);
        members.removeAll(failed);
        return members;
    }

    public WhatIfResult result(int largest) {
        long[] totalsNow = new long[4];
        long[] totalsCandidate = new long[4];
        Map<String, long[]> tiers = tierRows();
        long[] moved = new long[3];
        PriorityQueue<WhatIfResult.MemberChange> top = new PriorityQueue<>(LARGEST.reversed());
        forEach(change -> {
            add(totalsNow, change.now());
            add(totalsCandidate, change.candidate());
            tiers.get(change.now().tier())[0]++;
            tiers.get(change.candidate().tier())[1]++;
            int rankNow = now.program().tiers().rank(change.now().tier());
            int rankCandidate = candidate.program().tiers().rank(change.candidate().tier());
            moved[0] += rankCandidate > rankNow ? 1 : 0;
            moved[1] += rankCandidate < rankNow ? 1 : 0;
            if (!sameStanding(change.now(), change.candidate())) {
                moved[2]++;
                top.add(change);
                if (top.size() > largest) {
                    top.poll();
                }
            }
        });
        List<WhatIfResult.MemberChange> largestFirst = new ArrayList<>(top);
        largestFirst.sort(LARGEST);
        List<WhatIfResult.TierCount> tierCounts = new ArrayList<>();
        tiers.forEach((tier, counts) -> tierCounts.add(new WhatIfResult.TierCount(tier, counts[0], counts[1])));
        return new WhatIfResult(members().size(), orders, List.copyOf(failed), totals(totalsNow),
                totals(totalsCandidate), issued(), tierCounts, moved[0], moved[1], moved[2], largestFirst,
                replayed());
    }

    private WhatIfResult.Replayed replayed() {
        long[] grants = candidate.grantedMembers();
        List<String> notReplayed = new ArrayList<>(NOT_REPLAYED);
        if (grants[1] > 0) {
            notReplayed.add("staff tier grants of " + grants[1] + " members: they name a tier the candidate does not"
                    + " have, so those members earn at their earned tier under it");
        }
        return new WhatIfResult.Replayed(now.expired(), candidate.expired(), grants[0], grants[1],
                List.copyOf(notReplayed));
    }

    private static boolean sameStanding(Figures a, Figures b) {
        return a.points() == b.points() && a.pending() == b.pending() && a.cashbackMinor() == b.cashbackMinor()
                && a.pendingCashbackMinor() == b.pendingCashbackMinor() && a.tier().equals(b.tier());
    }

    /** The program in force's tiers, lowest first, then the candidate's new ones. */
    private Map<String, long[]> tierRows() {
        Map<String, long[]> rows = new LinkedHashMap<>();
        for (Tiers tiers : List.of(now.program().tiers(), candidate.program().tiers())) {
            tiers.levels().forEach(level -> rows.putIfAbsent(level.name(), new long[2]));
        }
        return rows;
    }

    private static void add(long[] totals, Figures figures) {
        totals[0] += Math.max(0, figures.points());
        totals[1] += figures.pending();
        totals[2] += Math.max(0, figures.cashbackMinor());
        totals[3] += figures.pendingCashbackMinor();
    }

    private static WhatIfResult.Totals totals(long[] t) {
        return new WhatIfResult.Totals(t[0], t[1], t[2], t[3]);
    }

    private TreeMap<YearMonth, long[]> issued() {
        TreeMap<YearMonth, long[]> months = new TreeMap<>();
        Map<YearMonth, Long> a = new HashMap<>(now.issued());
        a.forEach((month, points) -> months.computeIfAbsent(month, m -> new long[2])[0] = points);
        candidate.issued().forEach((month, points) -> months.computeIfAbsent(month, m -> new long[2])[1] = points);
        return months;
    }
}
