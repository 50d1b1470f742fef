package io.loyaltybridge.domain.program;

import io.loyaltybridge.domain.ledger.Account;
import io.loyaltybridge.domain.ledger.EntryKind;
import io.loyaltybridge.domain.ledger.EntrySource;
import io.loyaltybridge.domain.ledger.LedgerEntry;
import io.loyaltybridge.domain.ledger.NewEntry;
import io.loyaltybridge.domain.member.MemberId;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Expires points whose lots have reached their expiry date. Per member it writes what the lots say has expired by
 * today beyond what the ledger already shows expired, under a key per member and day: a second run writes nothing.
 */
final class ExpiryJob {
    private final Program program;
    private final JobPorts ports;
    private final Clock clock;

    ExpiryJob(Program program, JobPorts ports, Clock clock) {
        this.program = program;
        this.ports = ports;
        this.clock = clock;
    }

    int run() {
        if (program.expiry().model() == Expiry.ExpiryModel.NEVER) {
            return 0;
        }
        LocalDate today = LocalDate.now(clock.withZone(program.zone()));
        return MemberBatches.forEach(ports.members(), batch -> ports.unitOfWork().inTransaction(() -> {
            int written = 0;
            Map<MemberId, List<LedgerEntry>> history = ports.ledger().history(batch, Account.POINTS);
            for (Map.Entry<MemberId, List<LedgerEntry>> member : history.entrySet()) {
                LotBook book = LotHistory.replay(member.getValue(), program.expiry(), program.zone());
                LotBook.ExpiryRun run = book.expire(today);
                long due = run.book().expiredTotal() - LotHistory.alreadyExpired(member.getValue());
                if (due > 0) {
                    written += ports.ledger().append(new NewEntry(member.getKey(), Account.POINTS, -due,
                            EntryKind.EXPIRE, due + " points expired (" + describe(program.expiry()) + ")",
                            new EntrySource("job", "expiry:" + today), program.version(), clock.instant(),
                            "expire:" + member.getKey() + ":" + today, null)).isPresent() ? 1 : 0;
                }
            }
            return written;
        }));
    }

    private static String describe(Expiry rule) {
        return switch (rule.model()) {
            case FIXED_MONTHS -> rule.months() + " months after they were earned";
            case AFTER_LAST_ACTIVITY -> rule.months() + " months without activity";
            case END_OF_PERIOD -> "end of the " + rule.period().name().toLowerCase(java.util.Locale.ROOT);
            case NEVER -> "never";
        };
    }
}
