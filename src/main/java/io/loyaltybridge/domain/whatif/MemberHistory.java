package io.loyaltybridge.domain.whatif;

import io.loyaltybridge.domain.ledger.Account;
import io.loyaltybridge.domain.ledger.EntryKind;
import io.loyaltybridge.domain.member.MemberId;
import io.loyaltybridge.domain.order.StoredOrder;
import io.loyaltybridge.domain.program.tiers.TierGrant;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * One member's stored history as a what-if replays it: when they joined, their orders in time order (each in its
 * stored state), the ledger entries no order caused, their segments, who referred them (null: nobody) and the staff
 * tier grants they were given, oldest first (ended ones included: they held for a while).
 */
public record MemberHistory(MemberId member, Instant joinedAt, List<StoredOrder> orders, List<Carried> carried,
                            Set<String> segments, MemberId referrer, List<TierGrant> tierGrants) {

    /**
     * An entry no order caused (an event, a partner transaction, a redemption, an adjustment). An event's grant
     * (signup and birthday included) is priced again by each program's event rules, {@code event} naming it;
     * anything else both programs see at its recorded points, so it moves both columns alike.
     */
    public record Carried(Account account, EntryKind kind, long points, Instant effectiveAt, String event) {
        /** With other points: what a program's event rules make of it. */
        Carried pricedAt(long newPoints) {
            return new Carried(account, kind, newPoints, effectiveAt, event);
        }

        /** Counts towards a tier as a point grant, as the store's qualifying grants do. */
        boolean qualifies() {
            return account == Account.POINTS && (kind == EntryKind.BONUS || kind == EntryKind.EARN
                    || kind == EntryKind.ADJUST);
        }
    }
}
