package io.loyaltybridge.domain.program.segments;

import io.loyaltybridge.domain.member.MemberId;

import java.util.Set;

/**
 * Everything segmentation says about one member.
 *
 * @param rfm        null for members without orders (they are not scored)
 * @param rfmSegment null for members without orders
 * @param segments   the RFM segment plus every matching custom segment: a member can be in several
 */
public record MemberSegments(MemberId member, RfmScore rfm, String rfmSegment, ChurnRisk churn,
                             String preferredCategory, Set<String> segments) {
    public MemberSegments {
        segments = Set.copyOf(segments);
    }
}
