package io.loyaltybridge.domain.member;

import java.util.List;
import java.util.Optional;

/** The members repository. Methods run in the caller's {@link io.loyaltybridge.domain.UnitOfWork}. */
public interface Members {
    Optional<Member> byId(MemberId id);

    Optional<Member> byEmail(Email email);

    Optional<Member> byIdentity(CrmIdentity identity);

    /** Creates the member, or returns the one that already holds this email (emails are unique, case aside). */
    Member createOrGetByEmail(NewMember member);

    /** Creates a member; fails with a {@link io.loyaltybridge.domain.Conflict} when the email is taken. */
    Member create(NewMember member);

    /**
     * Brings the member's personal details to what a CRM now says. An email another member already holds is left
     * as it was (two CRM contacts must not merge two members silently). Returns whether anything changed.
     */
    boolean updateDetails(MemberId member, NewMember details);

    /** Member ids in ascending order after {@code after} (null: from the start): jobs walk members in batches. */
    List<MemberId> idsAfter(MemberId after, int limit);

    long count();

    /** Members whose birth date falls on this month and day. */
    List<MemberId> bornOn(int month, int day);

    /** Links an identity to the member; a no-op when already linked to them, a Conflict when linked to another. */
    void link(MemberId member, CrmIdentity identity);

    /**
     * Locks the member until the transaction ends, so that settlements of one member's orders (one by one, or a
     * batch of a CRM's) queue up instead of reading each other's half-written state. Batches lock in id order.
     */
    void lock(MemberId member);
}
