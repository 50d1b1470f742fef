package io.loyaltybridge.domain.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Bonuses an order caused while it was inside its return window (a badge, a referral): they wait in PENDING, tied to
 * the order, and share its fate. The release job moves them to POINTS with the order's points; a refund inside the
 * window that leaves the order earning nothing cancels them. Each grant keeps its own key K: the release is keyed
 * K:release (pending) and K:release:points, the cancellation K:cancel, so neither can happen twice, and none of
 * them is keyed like the order's own entries (order:...), which the order's settlement alone reads.
 */
public final class OrderBonuses {
    private static final String RELEASE = ":release";
    private static final String CANCEL = ":cancel";

    private OrderBonuses() {
    }

    /** A grant still (partly) pending: its bonus entry and what of it is still pending. */
    public record Pending(LedgerEntry grant, long points) {
    }

    /** The grants still pending among an order's pending bonus entries (grants, releases and cancellations). */
    public static List<Pending> pending(List<LedgerEntry> entries) {
        Map<String, LedgerEntry> grants = new LinkedHashMap<>();
        Map<String, Long> left = new LinkedHashMap<>();
        for (LedgerEntry entry : entries) {
            String key = entry.operationKey();
            String root = key.endsWith(RELEASE) ? key.substring(0, key.length() - RELEASE.length())
                    : key.endsWith(CANCEL) ? key.substring(0, key.length() - CANCEL.length()) : key;
            if (root.equals(key)) {
                grants.put(root, entry);
            }
            left.merge(root, entry.points(), Long::sum);
        }
        List<Pending> pending = new ArrayList<>();
        grants.forEach((root, grant) -> {
            if (left.getOrDefault(root, 0L) > 0) {
                pending.add(new Pending(grant, left.get(root)));
            }
        });
        return pending;
    }

    public static List<NewEntry> release(List<Pending> pending, String ruleVersion, Instant now) {
        List<NewEntry> entries = new ArrayList<>();
        for (Pending p : pending) {
            LedgerEntry g = p.grant();
            String reason = g.reason() + ": released after the order's return window";
            entries.add(new NewEntry(g.member(), Account.PENDING, -p.points(), EntryKind.RELEASE, reason, g.source(),
                    ruleVersion, now, g.operationKey() + RELEASE, g.orderId()));
            entries.add(new NewEntry(g.member(), Account.POINTS, p.points(), EntryKind.RELEASE, reason, g.source(),
                    ruleVersion, now, g.operationKey() + RELEASE + ":points", g.orderId()));
        }
        return entries;
    }

    public static List<NewEntry> cancel(List<Pending> pending, String why, String ruleVersion, Instant now) {
        List<NewEntry> entries = new ArrayList<>();
        for (Pending p : pending) {
            LedgerEntry g = p.grant();
            entries.add(new NewEntry(g.member(), Account.PENDING, -p.points(), EntryKind.REVERSE,
                    g.reason() + ": cancelled, " + why, g.source(), ruleVersion, now, g.operationKey() + CANCEL,
                    g.orderId()));
        }
        return entries;
    }
}
