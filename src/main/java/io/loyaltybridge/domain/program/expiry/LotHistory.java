package io.loyaltybridge.domain.program.expiry;

import io.loyaltybridge.domain.ledger.EntryKind;
import io.loyaltybridge.domain.ledger.LedgerEntry;

import java.time.ZoneId;
import java.util.List;

/**
 * Rebuilds a member's point lots from their ledger (points account, oldest first). Positive entries are lots; a
 * reversal takes back from its order's lot; spending takes oldest first. EXPIRE entries are skipped: the book
 * expires lots by itself as the days pass, and the expiry job writes only what the book expired beyond what the
 * ledger already records — which is what makes that job idempotent.
 */
public final class LotHistory {
    private LotHistory() {
    }

    public static LotBook replay(List<LedgerEntry> entries, Expiry rule, ZoneId zone) {
        LotBook book = LotBook.empty(rule);
        for (LedgerEntry entry : entries) {
            if (entry.kind() == EntryKind.EXPIRE) {
                continue;
            }
            var day = entry.effectiveAt().atZone(zone).toLocalDate();
            String source = entry.orderId() != null ? "order:" + entry.orderId() : "entry:" + entry.id();
            if (entry.points() > 0) {
                book = book.earn(source, day, entry.points());
            } else if (entry.kind() == EntryKind.REVERSE) {
                book = book.reverse(source, day, -entry.points());
            } else {
                book = spend(book, day, -entry.points());
            }
        }
        return book;
    }

    /** Points the ledger has already expired for the member (a positive number). */
    public static long alreadyExpired(List<LedgerEntry> entries) {
        return -entries.stream().filter(e -> e.kind() == EntryKind.EXPIRE).mapToLong(LedgerEntry::points).sum();
    }

    /*
     * The ledger allowed this spend against its balance, which can include points the book already sees as
     * expired (a redemption just before the expiry job ran). Take what the lots hold and carry the rest as debt.
     */
    private static LotBook spend(LotBook book, java.time.LocalDate day, long points) {
        try {
            return book.spend(day, points);
        } catch (IllegalArgumentException moreThanTheLotsHold) {
            return book.reverse(null, day, points);
        }
    }
}
