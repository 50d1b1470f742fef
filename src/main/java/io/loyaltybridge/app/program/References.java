package io.loyaltybridge.app.program;

import io.loyaltybridge.domain.Violation;
import io.loyaltybridge.domain.program.Program;
import io.loyaltybridge.domain.program.earning.Campaign;
import io.loyaltybridge.domain.program.rewards.Reward;
import io.loyaltybridge.domain.program.segments.CustomSegment;
import io.loyaltybridge.domain.program.segments.Offer;
import io.loyaltybridge.domain.program.segments.RfmSegments;
import io.loyaltybridge.domain.program.tiers.Tiers;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Checks that names used in one section exist in another: tiers, segments, rewards and campaigns. */
final class References {
    private References() {
    }

    static void check(Program program, List<Violation> problems) {
        Set<String> tiers = new HashSet<>(program.tiers().levels().stream().map(Tiers.TierLevel::name).toList());
        Set<String> segments = new HashSet<>(RfmSegments.ALL);
        program.segments().custom().stream().map(CustomSegment::name).forEach(segments::add);
        segments.add(io.loyaltybridge.domain.feedback.FeedbackSegments.DETRACTORS); // from survey answers (issue 19)
        List<Campaign> campaigns = program.earning().campaigns();
        for (int i = 0; i < campaigns.size(); i++) {
            String path = "earning.campaigns[" + i + "]";
            known(path + ".tiers", campaigns.get(i).tiers(), tiers, "tier", problems);
            known(path + ".segments", campaigns.get(i).segments(), segments, "segment", problems);
        }
        for (int i = 0; i < program.rewards().size(); i++) {
            known("rewards[" + i + "].tiers", program.rewards().get(i).tiers(), tiers, "tier", problems);
        }
        Set<String> rewards = new HashSet<>(program.rewards().stream().map(Reward::id).toList());
        Set<String> campaignIds = new HashSet<>(campaigns.stream().map(Campaign::id).toList());
        for (int i = 0; i < program.offers().size(); i++) {
            Offer offer = program.offers().get(i);
            String path = "offers[" + i + "]";
            if (offer.kind() == Offer.Kind.REWARD && !rewards.contains(offer.ref())) {
                problems.add(new Violation(path + ".reward", "names no reward in rewards: " + offer.ref()));
            }
            if (offer.kind() == Offer.Kind.CAMPAIGN && !campaignIds.contains(offer.ref())) {
                problems.add(new Violation(path + ".campaign", "names no campaign in earning.campaigns: "
                        + offer.ref()));
            }
            known(path + ".tiers", offer.tiers(), tiers, "tier", problems);
            known(path + ".segments", offer.segments(), segments, "segment", problems);
        }
        for (int i = 0; i < program.contests().size(); i++) {
            String path = "contests[" + i + "].participants";
            known(path + ".tiers", program.contests().get(i).tiers(), tiers, "tier", problems);
            known(path + ".segments", program.contests().get(i).segments(), segments, "segment", problems);
        }
        List<CustomSegment> custom = program.segments().custom();
        for (int i = 0; i < custom.size(); i++) {
            List<CustomSegment.Condition> all = custom.get(i).all();
            for (int j = 0; j < all.size(); j++) {
                CustomSegment.Condition c = all.get(j);
                String path = "segments.custom[" + i + "].all[" + j + "]";
                if (c.field().equals("tier")) {
                    known(path, c.values(), tiers, "tier", problems);
                } else if (c.field().equals("rfmSegment")) {
                    known(path, c.values(), new HashSet<>(RfmSegments.ALL), "RFM segment", problems);
                }
            }
        }
    }

    private static void known(String path, Collection<String> used, Set<String> declared, String what,
                              List<Violation> problems) {
        for (String name : used) {
            if (!declared.contains(name)) {
                problems.add(new Violation(path, "unknown " + what + " '" + name + "' (known: "
                        + String.join(", ", new TreeSet<>(declared)) + ")"));
            }
        }
    }
}
