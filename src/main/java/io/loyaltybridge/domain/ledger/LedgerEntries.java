package io.loyaltybridge.domain.ledger;

import io.loyaltybridge.domain.member.MemberId;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The append-only ledger. Appending also moves the member's stored balance in the same statement, so the stored
 * balance always equals the sum of the entries (a check recomputes it).
 */
public interface LedgerEntries {
    /** Appends the entry; empty when its operation key was already used (nothing written then). */
    Optional<LedgerEntry> append(NewEntry entry);

    Optional<LedgerEntry> byOperationKey(String operationKey);

    /** Locks the member's balance in the account until the transaction ends, creating it at zero if new. */
    Balance lockBalance(MemberId member, Account account);

    Balance balance(MemberId member, Account account);

    /** Every account balance of each member, in one read. */
    Map<MemberId, Map<Account, Balance>> balances(Collection<MemberId> members);

    /** What an order's own entries (keyed order:...) add up to, per account; bonuses it caused are not included. */
    Map<Account, Long> creditedForOrder(long orderId);

    /** The pending bonus entries an order caused (grants, releases, cancellations), oldest first. */
    List<LedgerEntry> pendingBonusesOf(long orderId);

    List<LedgerEntry> forOrder(long orderId);

    /** Each member's entries in one account, oldest first by effective time: what lots are rebuilt from. */
    Map<MemberId, List<LedgerEntry>> history(Collection<MemberId> members, Account account);

    /** Newest first; {@code beforeId} null starts at the newest. */
    List<LedgerEntry> page(MemberId member, Long beforeId, int limit);
}
