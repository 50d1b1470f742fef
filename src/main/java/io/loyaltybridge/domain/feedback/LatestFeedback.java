package io.loyaltybridge.domain.feedback;

import io.loyaltybridge.domain.member.MemberId;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;

/** The members' latest survey answers, as the CRM contact shows them; read for many members at once. */
public interface LatestFeedback {
    /**
     * @param score    of the latest scored answer of any type
     * @param npsScore of the latest NPS answer, whatever answers came after it
     * @param npsAt    when the latest NPS answer was submitted; null when there is none
     * @param on       the day of the latest answer, in the program's zone
     */
    record Latest(BigDecimal score, BigDecimal npsScore, java.time.Instant npsAt, LocalDate on) {
    }

    Map<MemberId, Latest> of(Collection<MemberId> members);
}
