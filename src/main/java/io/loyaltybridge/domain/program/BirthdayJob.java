package io.loyaltybridge.domain.program;

import io.loyaltybridge.domain.ledger.Account;
import io.loyaltybridge.domain.ledger.EntryKind;
import io.loyaltybridge.domain.ledger.EntrySource;
import io.loyaltybridge.domain.ledger.NewEntry;
import io.loyaltybridge.domain.member.MemberId;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Grants the program's {@code birthday} event to members whose birthday is today in the program's time zone
 * (a 29 February birthday is kept on 28 February in other years), once per member and year.
 */
public final class BirthdayJob {
    /** The operation key of every birthday bonus starts so; notifications recognise the bonus by it. */
    public static final String KEY_PREFIX = "event:birthday:";

    private final Program program;
    private final JobPorts ports;
    private final Clock clock;

    BirthdayJob(Program program, JobPorts ports, Clock clock) {
        this.program = program;
        this.ports = ports;
        this.clock = clock;
    }

    int run() {
        EventRule birthday = program.event("birthday").orElse(null);
        if (birthday == null || birthday.points() <= 0) {
            return 0;
        }
        LocalDate today = LocalDate.now(clock.withZone(program.zone()));
        return ports.unitOfWork().inTransaction(() -> {
            List<MemberId> born = new ArrayList<>(ports.members().bornOn(today.getMonthValue(),
                    today.getDayOfMonth()));
            if (today.getMonthValue() == 2 && today.getDayOfMonth() == 28 && !today.isLeapYear()) {
                born.addAll(ports.members().bornOn(2, 29));
            }
            int granted = 0;
            for (MemberId member : born) {
                granted += ports.ledger().append(new NewEntry(member, Account.POINTS, birthday.points(),
                        EntryKind.BONUS, birthday.description() + " (" + today.getYear() + ")",
                        new EntrySource("event:birthday", Integer.toString(today.getYear())), program.version(),
                        clock.instant(), KEY_PREFIX + member + ":" + today.getYear(), null))
                        .isPresent() ? 1 : 0;
            }
            return granted;
        });
    }
}
