package io.loyaltybridge.domain.notify;

import io.loyaltybridge.domain.UnitOfWork;
import io.loyaltybridge.domain.ledger.Account;
import io.loyaltybridge.domain.ledger.LedgerEntries;
import io.loyaltybridge.domain.ledger.LedgerEntry;
import io.loyaltybridge.domain.member.MemberId;
import io.loyaltybridge.domain.member.Members;
import io.loyaltybridge.domain.program.Program;
import io.loyaltybridge.domain.program.expiry.Expiry;
import io.loyaltybridge.domain.program.expiry.LotBook;
import io.loyaltybridge.domain.program.expiry.LotHistory;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Records "points expiring soon" for members with points that expire within the program's {@code reminderDays},
 * once per member and expiry date (a later run for the same date records nothing). Runs after the expiry job, on
 * its schedule, a batch of members per transaction.
 */
public final class ExpiryReminders {
    private static final int BATCH = 1000;
    private final Program program;
    private final UnitOfWork unitOfWork;
    private final Members members;
    private final LedgerEntries ledger;
    private final MemberEvents events;
    private final Clock clock;

    public ExpiryReminders(Program program, UnitOfWork unitOfWork, Members members, LedgerEntries ledger,
                           MemberEvents events, Clock clock) {
        this.program = program;
        this.unitOfWork = unitOfWork;
        this.members = members;
        this.ledger = ledger;
        this.events = events;
        this.clock = clock;
    }

    /** Returns how many reminders were recorded. */
    public int run() {
        if (program.expiry().model() == Expiry.ExpiryModel.NEVER) {
            return 0;
        }
        LocalDate today = clock.instant().atZone(program.zone()).toLocalDate();
        int recorded = 0;
        MemberId after = null;
        while (true) {
            MemberId from = after;
            List<MemberId> batch = unitOfWork.inTransaction(() -> members.idsAfter(from, BATCH));
            if (batch.isEmpty()) {
                return recorded;
            }
            recorded += unitOfWork.inTransaction(() -> remind(batch, today));
            after = batch.get(batch.size() - 1);
        }
    }

    private int remind(List<MemberId> batch, LocalDate today) {
        int recorded = 0;
        for (Map.Entry<MemberId, List<LedgerEntry>> member : ledger.history(batch, Account.POINTS).entrySet()) {
            LotBook.Expiring expiring = LotHistory.replay(member.getValue(), program.expiry(), program.zone())
                    .expiringWithin(today, program.expiry().reminderDays());
            if (expiring.points() > 0 && expiring.firstExpiry() != null) {
                boolean fresh = events.record(new MemberEvent(member.getKey(), EventType.POINTS_EXPIRING,
                        "points_expiring:" + member.getKey() + ":" + expiring.firstExpiry(), clock.instant(),
                        Map.of("expiring_points", Long.toString(expiring.points()),
                                "expiring_on", expiring.firstExpiry().toString())));
                recorded += fresh ? 1 : 0;
            }
        }
        return recorded;
    }
}
