package io.loyaltybridge.domain.program.segments;

import io.loyaltybridge.domain.member.MemberId;
import io.loyaltybridge.domain.program.earning.OrderFact;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/** Computed segments and lifetime values, and the order facts they are computed from. */
public interface SegmentStore {
    /** A member's segments and lifetime value as last computed. */
    record Assigned(MemberId member, RfmScore rfm, String rfmSegment, Set<String> segments, String churnRisk,
                    String preferredCategory, BigDecimal cltvHistoric, BigDecimal cltvPredicted) {
        /** What is stored of a member's segments and value: churn as its lower-case level, money to cents. */
        public static Assigned of(MemberSegments s, CltvValue value) {
            return new Assigned(s.member(), s.rfm(), s.rfmSegment(), s.segments(),
                    s.churn() == null ? null : s.churn().level().name().toLowerCase(Locale.ROOT),
                    s.preferredCategory(), value.historic().setScale(2, RoundingMode.HALF_UP),
                    value.predicted().setScale(2, RoundingMode.HALF_UP));
        }
    }

    /** A member's values as stored before this run ({@code before}, null if never computed) and as computed now. */
    record Change(Assigned before, Assigned now) {
    }

    /**
     * Hands every member's figures to {@code each}, in member id order, read in one pass over members and orders
     * (one statement, streamed, so memory does not grow with the population): only orders that count and were
     * placed by {@code today} (in the program's zone) are summarised, as {@link MemberStats#of} summarises them.
     */
    void scan(LocalDate today, Consumer<MemberFigures> each);

    /** Each member's orders as facts (day in the program's zone, kept amount, spend by category). */
    Map<MemberId, List<OrderFact>> orderFacts(Collection<MemberId> members);

    Map<MemberId, Long> pointBalances(Collection<MemberId> members);

    /**
     * Saves the changed values, whatever their number, with a fixed number of statements; members whose
     * CRM-visible values changed ({@link ShownSegments}) are queued for the CRMs. Returns how many rows changed.
     */
    int save(List<Change> changes);

    Map<MemberId, Assigned> get(Collection<MemberId> members);
}
