package io.loyaltybridge.domain.program.grants;

import io.loyaltybridge.domain.ledger.Account;
import io.loyaltybridge.domain.ledger.EntryKind;
import io.loyaltybridge.domain.ledger.EntrySource;
import io.loyaltybridge.domain.ledger.NewEntry;
import io.loyaltybridge.domain.member.MemberId;
import io.loyaltybridge.domain.program.Program;

import java.time.Instant;

/** A bonus is points on the points account, keyed so it is granted once whatever retries happen. */
public final class BonusEntries {
    private BonusEntries() {
    }

    public static NewEntry bonus(MemberId member, long points, String reason, String sourceSystem, String sourceId,
                          Program program, Instant now, String operationKey) {
        return new NewEntry(member, Account.POINTS, points, EntryKind.BONUS, reason,
                new EntrySource(sourceSystem, sourceId), program.version(), now, operationKey, null);
    }
}
