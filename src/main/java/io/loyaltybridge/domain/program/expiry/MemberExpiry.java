package io.loyaltybridge.domain.program.expiry;

import io.loyaltybridge.domain.ledger.Account;
import io.loyaltybridge.domain.ledger.DueExpiry;
import io.loyaltybridge.domain.ledger.EntryKind;
import io.loyaltybridge.domain.ledger.EntrySource;
import io.loyaltybridge.domain.ledger.LedgerEntries;
import io.loyaltybridge.domain.ledger.LedgerEntry;
import io.loyaltybridge.domain.ledger.NewEntry;
import io.loyaltybridge.domain.member.MemberId;
import io.loyaltybridge.domain.program.Program;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * Expiry of one member's points: what their lots say has expired by today, beyond what the ledger already shows,
 * written under a key per member and day. The expiry job applies it to every member; spending applies it to the
 * spender first. Either way a second application the same day writes nothing.
 */
public final class MemberExpiry implements DueExpiry {
    private final Program program;
    private final LedgerEntries ledger;
    private final Clock clock;

    public MemberExpiry(Program program, LedgerEntries ledger, Clock clock) {
        this.program = program;
        this.ledger = ledger;
        this.clock = clock;
    }

    @Override
    public long expireDue(MemberId member) {
        if (program.expiry().model() == Expiry.ExpiryModel.NEVER) {
            return 0;
        }
        return expire(member, ledger.history(List.of(member), Account.POINTS).getOrDefault(member, List.of()));
    }

    /** Expires from an already loaded history (the job loads a whole batch at once). */
    public long expire(MemberId member, List<LedgerEntry> history) {
        LocalDate today = LocalDate.now(clock.withZone(program.zone()));
        LotBook book = LotHistory.replay(history, program.expiry(), program.zone());
        long due = book.expire(today).book().expiredTotal() - LotHistory.alreadyExpired(history);
        if (due <= 0) {
            return 0;
        }
        boolean written = ledger.append(new NewEntry(member, Account.POINTS, -due, EntryKind.EXPIRE,
                due + " points expired (" + describe(program.expiry()) + ")",
                new EntrySource("job", "expiry:" + today), program.version(), clock.instant(),
                "expire:" + member + ":" + today, null)).isPresent();
        return written ? due : 0;
    }

    private static String describe(Expiry rule) {
        return switch (rule.model()) {
            case FIXED_MONTHS -> rule.months() + " months after they were earned";
            case AFTER_LAST_ACTIVITY -> rule.months() + " months without activity";
            case END_OF_PERIOD -> "end of the " + rule.period().name().toLowerCase(Locale.ROOT);
            case NEVER -> "never";
        };
    }
}
