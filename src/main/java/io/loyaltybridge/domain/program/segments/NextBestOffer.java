package io.loyaltybridge.domain.program.segments;

import io.loyaltybridge.domain.ledger.Account;
import io.loyaltybridge.domain.program.Program;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/**
 * One suggestion per member. A candidate offer fits when every criterion it declares (tiers, segments, categories)
 * matches the member, its campaign is running today and open to the member, or its reward is open to the member's
 * tier and affordable. Among fitting offers the one declaring the most criteria wins (the most specific
 * suggestion); ties go to the one declared first in the file.
 */
public final class NextBestOffer {
    private final Program program;

    public NextBestOffer(Program program) {
        this.program = program;
    }

    public Optional<Offer> pick(String tier, Set<String> segments, String preferredCategory, long pointsBalance,
                                LocalDate today) {
        Offer best = null;
        int bestScore = -1;
        for (Offer offer : program.offers()) {
            if (fits(offer, tier, segments, preferredCategory, pointsBalance, today)) {
                int score = (offer.tiers().isEmpty() ? 0 : 1) + (offer.segments().isEmpty() ? 0 : 1)
                        + (offer.categories().isEmpty() ? 0 : 1);
                if (score > bestScore) {
                    best = offer;
                    bestScore = score;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    private boolean fits(Offer offer, String tier, Set<String> segments, String category, long balance,
                         LocalDate today) {
        boolean criteria = (offer.tiers().isEmpty() || offer.tiers().contains(tier))
                && (offer.segments().isEmpty() || segments.stream().anyMatch(offer.segments()::contains))
                && (offer.categories().isEmpty() || offer.categories().contains(category));
        if (!criteria) {
            return false;
        }
        return switch (offer.kind()) {
            case CAMPAIGN -> program.campaign(offer.ref())
                    .filter(c -> c.activeOn(today) && c.appliesTo(tier, segments)).isPresent();
            case REWARD -> program.reward(offer.ref())
                    .filter(r -> r.tiers().isEmpty() || r.tiers().contains(tier))
                    .filter(r -> r.account() != Account.POINTS || r.cost() <= balance).isPresent();
        };
    }
}
