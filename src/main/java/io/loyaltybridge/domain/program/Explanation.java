package io.loyaltybridge.domain.program;

import io.loyaltybridge.domain.ledger.EntryKind;
import io.loyaltybridge.domain.ledger.LedgerEntry;
import io.loyaltybridge.domain.program.tiers.TierGrant;
import io.loyaltybridge.domain.program.tiers.TierStatus;
import io.loyaltybridge.domain.program.tiers.Tiers;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Why a member's balance and tier are what they are, in sentences a support agent can read out: the balance as the
 * sum of what was earned, spent, taken back and expired; the tier from what was measured in which window against
 * which thresholds. Built from the member's standing and their points entries.
 */
public final class Explanation {
    private Explanation() {
    }

    public static List<String> of(Standing standing, List<LedgerEntry> pointEntries, Program program) {
        List<String> lines = new ArrayList<>();
        Map<EntryKind, long[]> byKind = new EnumMap<>(EntryKind.class);
        for (LedgerEntry e : pointEntries) {
            long[] sum = byKind.computeIfAbsent(e.kind(), k -> new long[2]);
            sum[0] += e.points();
            sum[1]++;
        }
        lines.add("Balance " + standing.points().available() + " points = " + parts(byKind) + ".");
        if (standing.pending() > 0) {
            lines.add(standing.pending() + " more points are pending: they become available when the "
                    + program.earning().returnWindowDays() + "-day return window of their orders ends.");
        }
        if (standing.cashbackMinor() != 0) {
            lines.add("Cashback balance: " + money(standing.cashbackMinor()) + " " + program.currency() + ".");
        }
        if (standing.pendingCashbackMinor() > 0) {
            lines.add(money(standing.pendingCashbackMinor()) + " " + program.currency() + " cashback is pending: it"
                    + " becomes available when the return window of its orders ends.");
        }
        TierStatus tier = standing.tier();
        lines.add("Tier " + tier.tier() + ": " + plain(tier.measured()) + " " + basis(program) + " counted from "
                + tier.window().start() + " to " + tier.window().end() + ".");
        if (tier.grant() != null) {
            lines.add(grantLine(tier.grant()));
        }
        if (tier.nextTier() != null) {
            lines.add("Next tier " + tier.nextTier() + " needs " + plain(tier.toNextTier()) + " more " + basis(program)
                    + " in this window.");
        }
        if (tier.toKeepTier() != null && tier.toKeepTier().signum() > 0) {
            lines.add("To keep " + tier.tier() + " at the next assessment: " + plain(tier.toKeepTier()) + " more "
                    + basis(program) + ".");
        }
        if (tier.tierExpiresOn() != null) {
            lines.add("The tier is held until " + tier.tierExpiresOn() + "; projected at the end of the window: "
                    + tier.projectedTier() + ".");
        }
        if (standing.expiring().points() > 0) {
            lines.add(standing.expiring().points() + " points expire on " + standing.expiring().firstExpiry()
                    + " unless spent.");
        }
        return lines;
    }

    private static String grantLine(TierGrant g) {
        return "Tier grant #" + g.id() + " " + (g.mode() == Tiers.VipMode.PIN ? "pins the member at " : "keeps the"
                + " member at least at ") + g.tier() + (g.until() == null ? " until revoked" : " until " + g.until()
                + " inclusive") + ": granted by " + g.grantedBy() + " on " + g.grantedAt() + " (" + g.reason() + ").";
    }

    private static String parts(Map<EntryKind, long[]> byKind) {
        if (byKind.isEmpty()) {
            return "nothing earned yet";
        }
        List<String> parts = new ArrayList<>();
        byKind.forEach((kind, sum) -> parts.add(signed(sum[0]) + " " + words(kind) + " (" + sum[1] + " entries)"));
        return String.join(", ", parts);
    }

    private static String words(EntryKind kind) {
        return switch (kind) {
            case EARN -> "earned from orders and partners";
            case RELEASE -> "released after return windows";
            case REVERSE -> "taken back for refunds and cancellations";
            case BONUS -> "bonuses (events, badges, referrals)";
            case ADJUST -> "adjusted by staff";
            case REDEEM -> "redeemed";
            case EXPIRE -> "expired";
        };
    }

    private static String basis(Program program) {
        return switch (program.tiers().basis()) {
            case POINTS -> "points";
            case SPEND -> program.currency() + " spent";
            case ORDERS -> "orders";
        };
    }

    private static String signed(long points) {
        return points >= 0 ? "+" + points : Long.toString(points);
    }

    private static String plain(BigDecimal value) {
        return value == null ? "0" : value.stripTrailingZeros().toPlainString();
    }

    private static String money(long minor) {
        return BigDecimal.valueOf(minor, 2).toPlainString();
    }
}
