package io.loyaltybridge.domain.program.segments;

import io.loyaltybridge.domain.program.Program;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Which of a member's computed segment values some CRM shows, and so whether a recompute's change is worth a push.
 * The CRM profile shows the RFM segment, the churn risk, the predicted lifetime value and the preferred category
 * each in its own field, and the next best offer, which depends on the member's segments and preferred category
 * only through the offers' (and their campaigns') criteria. The RFM scores, the historic value and segments no
 * offer looks at are stored for the API and the rules, never shown: a change confined to them queues nothing
 * (a first recompute after a backfill moved them for every member and queued everyone for nothing).
 */
public final class ShownSegments {
    /** The CRM fields mapped (to a field of at least one CRM switched on) that show segment values. */
    public record Fields(boolean segment, boolean churnRisk, boolean cltv, boolean preferredCategory,
                         boolean nextBestOffer) {
        /** Every field shown, as the connectors' default field maps do. */
        public static final Fields ALL = new Fields(true, true, true, true, true);
    }

    private final Fields fields;
    /** Segment names an offer or its campaign is limited to: only moves in and out of these can change the offer. */
    private final Set<String> offerSegments = new HashSet<>();
    private final boolean offersByCategory;

    public ShownSegments(Program program, Fields fields) {
        this.fields = fields;
        for (Offer offer : program.offers()) {
            offerSegments.addAll(offer.segments());
            if (offer.kind() == Offer.Kind.CAMPAIGN) {
                program.campaign(offer.ref()).ifPresent(c -> offerSegments.addAll(c.segments()));
            }
        }
        this.offersByCategory = program.offers().stream().anyMatch(o -> !o.categories().isEmpty());
    }

    /** Whether a CRM would show something else after this change; {@code before} is null if never computed. */
    public boolean changed(SegmentStore.Assigned before, SegmentStore.Assigned now) {
        String rfmBefore = before == null ? null : before.rfmSegment();
        String churnBefore = before == null ? null : before.churnRisk();
        String categoryBefore = before == null ? null : before.preferredCategory();
        BigDecimal cltvBefore = before == null ? null : before.cltvPredicted();
        Set<String> segmentsBefore = before == null ? Set.of() : before.segments();
        return fields.segment() && !Objects.equals(rfmBefore, now.rfmSegment())
                || fields.churnRisk() && !Objects.equals(churnBefore, now.churnRisk())
                || fields.cltv() && !sameNumber(cltvBefore, now.cltvPredicted())
                || fields.preferredCategory() && !Objects.equals(categoryBefore, now.preferredCategory())
                || fields.nextBestOffer() && offerMayMove(segmentsBefore, now.segments(), categoryBefore,
                        now.preferredCategory());
    }

    private boolean offerMayMove(Set<String> before, Set<String> now, String categoryBefore, String categoryNow) {
        if (offersByCategory && !Objects.equals(categoryBefore, categoryNow)) {
            return true;
        }
        for (String name : offerSegments) {
            if (before.contains(name) != now.contains(name)) {
                return true;
            }
        }
        return false;
    }

    /** CRMs compare numbers by value: 12.30 and 12.3 show the same. */
    private static boolean sameNumber(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }
}
