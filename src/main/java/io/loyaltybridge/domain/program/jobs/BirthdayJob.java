package io.loyaltybridge.domain.program.jobs;

import io.loyaltybridge.domain.ledger.Account;
import io.loyaltybridge.domain.ledger.EntryKind;
import io.loyaltybridge.domain.ledger.EntrySource;
import io.loyaltybridge.domain.ledger.NewEntry;
import io.loyaltybridge.domain.member.MemberId;
import io.loyaltybridge.domain.program.Program;
import io.loyaltybridge.domain.program.grants.BirthdayBonus;
import io.loyaltybridge.domain.program.grants.EventRule;

import java.time.Clock;
import java.time.LocalDate;
import java.time.MonthDay;

/**
 * Grants the program's {@code birthday} event by the {@link BirthdayBonus} rule: every day since the job last
 * succeeded (a missed day is granted by the next run), once per member and birthday year. One query per day, never
 * one per member.
 */
public final class BirthdayJob {
    /** The operation key of every birthday bonus starts so; notifications recognise the bonus by it. */
    public static final String KEY_PREFIX = "event:birthday:";
    static final String NAME = "birthday-bonus";

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
            LocalDate lastRun = ports.runs().lastSucceeded(NAME)
                    .map(at -> at.atZone(program.zone()).toLocalDate()).orElse(null);
            int granted = 0;
            for (LocalDate day : BirthdayBonus.daysToGrant(lastRun, today)) {
                for (MonthDay born : BirthdayBonus.celebratedOn(day)) {
                    for (MemberId member : ports.members().bornOn(born.getMonthValue(), born.getDayOfMonth())) {
                        granted += grant(member, birthday, day) ? 1 : 0;
                    }
                }
            }
            return granted;
        });
    }

    private boolean grant(MemberId member, EventRule birthday, LocalDate day) {
        return ports.ledger().append(new NewEntry(member, Account.POINTS, birthday.points(), EntryKind.BONUS,
                birthday.description() + " (" + day.getYear() + ")",
                new EntrySource("event:birthday", Integer.toString(day.getYear())), program.version(),
                clock.instant(), KEY_PREFIX + member + ":" + day.getYear(), null)).isPresent();
    }
}
