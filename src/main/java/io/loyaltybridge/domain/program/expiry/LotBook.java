package io.loyaltybridge.domain.program.expiry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A member's available points as lots, folded from their history in date order. Immutable: every operation returns
 * a new book. Before anything happens on a day, lots whose expiry date has come are expired, so points expiring on
 * the day of a redemption are gone before it (their last usable day is the day before).
 * <p>
 * Spending and expiry use the oldest lots first (FIFO by earning day). A reversal takes from its own lot first, then
 * FIFO; a reversal larger than what is left (the points were already spent) leaves a debt that the next earnings
 * pay off before they become spendable.
 */
public final class LotBook {
    private final Expiry rule;
    private final List<Lot> lots;
    private final LocalDate lastActivity;
    private final long debt;
    private final long expiredTotal;

    private LotBook(Expiry rule, List<Lot> lots, LocalDate lastActivity, long debt, long expiredTotal) {
        this.rule = rule;
        this.lots = List.copyOf(lots);
        this.lastActivity = lastActivity;
        this.debt = debt;
        this.expiredTotal = expiredTotal;
    }

    public static LotBook empty(Expiry rule) {
        return new LotBook(rule, List.of(), null, 0, 0);
    }

    /** Points that expired on or before {@code day}, and the book after expiring them. */
    public record ExpiryRun(LotBook book, long expired, List<Lot> expiredLots) {
    }

    /** How many points expire within a horizon, and the first day any of them is gone; null day when none. */
    public record Expiring(long points, LocalDate firstExpiry) {
    }

    public LotBook earn(String source, LocalDate on, long points) {
        if (points <= 0) {
            throw new IllegalArgumentException("a lot earns a positive number of points");
        }
        LotBook book = expire(on).book();
        long payDebt = Math.min(book.debt, points);
        List<Lot> next = new ArrayList<>(book.lots);
        next.add(new Lot(source, on, points, points - payDebt));
        return new LotBook(rule, next, on, book.debt - payDebt, book.expiredTotal);
    }

    /** Spends oldest first; refuses (and changes nothing) when the available points are not enough. */
    public LotBook spend(LocalDate on, long points) {
        LotBook book = expire(on).book();
        if (points > book.available()) {
            throw new IllegalArgumentException("only " + book.available() + " points available on " + on
                    + ", cannot spend " + points);
        }
        return new LotBook(rule, book.take(book.lots, null, points), on, book.debt, book.expiredTotal);
    }

    public LotBook reverse(String source, LocalDate on, long points) {
        LotBook book = expire(on).book();
        long covered = Math.min(points, book.available());
        List<Lot> next = book.take(book.lots, source, covered);
        return new LotBook(rule, next, book.lastActivity, book.debt + points - covered, book.expiredTotal);
    }

    public ExpiryRun expire(LocalDate day) {
        long expired = 0;
        List<Lot> kept = new ArrayList<>();
        List<Lot> gone = new ArrayList<>();
        for (Lot lot : lots) {
            LocalDate expiresOn = expiresOn(lot);
            if (lot.remaining() > 0 && expiresOn != null && !day.isBefore(expiresOn)) {
                expired += lot.remaining();
                gone.add(lot);
                kept.add(lot.take(lot.remaining()));
            } else {
                kept.add(lot);
            }
        }
        if (expired == 0) {
            return new ExpiryRun(this, 0, List.of());
        }
        return new ExpiryRun(new LotBook(rule, kept, lastActivity, debt, expiredTotal + expired), expired, gone);
    }

    /** The first day the lot is gone; null if it never expires. */
    public LocalDate expiresOn(Lot lot) {
        return rule.expiresOn(lot.earnedOn(), lastActivity);
    }

    public long available() {
        return lots.stream().mapToLong(Lot::remaining).sum() - debt;
    }

    /** Points that will expire before {@code today + days} (exclusive) if nothing else happens. */
    public Expiring expiringWithin(LocalDate today, int days) {
        LocalDate horizon = today.plusDays(days);
        long points = 0;
        LocalDate first = null;
        for (Lot lot : expire(today).book().lots) {
            LocalDate on = expiresOn(lot);
            if (lot.remaining() > 0 && on != null && on.isBefore(horizon)) {
                points += lot.remaining();
                first = first == null || on.isBefore(first) ? on : first;
            }
        }
        return new Expiring(Math.max(0, points - debt), first);
    }

    public List<Lot> lots() {
        return lots;
    }

    public long expiredTotal() {
        return expiredTotal;
    }

    public long debt() {
        return debt;
    }

    private List<Lot> take(List<Lot> from, String preferredSource, long points) {
        List<Lot> next = new ArrayList<>(from);
        long left = points;
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < next.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.<Integer, Boolean>comparing(i -> !Objects.equals(next.get(i).source(), preferredSource))
                .thenComparing(i -> next.get(i).earnedOn()).thenComparing(i -> i));
        for (int i : order) {
            if (left == 0) {
                break;
            }
            Lot lot = next.get(i);
            long taken = Math.min(left, lot.remaining());
            next.set(i, lot.take(taken));
            left -= taken;
        }
        return next;
    }
}
