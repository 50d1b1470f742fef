package io.loyaltybridge.sync;

import io.loyaltybridge.domain.feedback.FeedbackRewards;
import io.loyaltybridge.domain.member.MemberId;
import io.loyaltybridge.domain.program.Program;
import io.loyaltybridge.domain.program.tiers.TierUpgrades;
import io.loyaltybridge.store.PgFeedback;

import io.loyaltybridge.domain.feedback.NpsCategory;
import io.loyaltybridge.domain.notify.EventType;
import io.loyaltybridge.domain.notify.MemberEvent;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Stores checked answers of known members and settles what follows, in the caller's transaction and in a fixed
 * number of statements: the answers (one upsert), the rewards of the ones stored for the first time (lock, read,
 * write: the score plays no part), the tiers of the members rewarded (a reward can take a member over a threshold,
 * as an event's points can: upgraded at once, not at the next assessment), and the members queued for their CRMs
 * (their last-feedback fields).
 */
final class FeedbackSettlement {
    private final PgFeedback answers;
    private final SyncStores stores;
    private final Program program;
    private final FeedbackRewards rewards;
    private final TierUpgrades upgrades;
    private final Clock clock;

    FeedbackSettlement(PgFeedback answers, SyncStores stores, Program program, TierUpgrades upgrades, Clock clock) {
        this.answers = answers;
        this.stores = stores;
        this.program = program;
        this.rewards = new FeedbackRewards(program.feedback(), program.zone());
        this.upgrades = upgrades;
        this.clock = clock;
    }

    /** @return the answers stored or changed (an equal or older copy of a stored one is not among them) */
    List<PgFeedback.Stored> store(List<PgFeedback.Row> rows) {
        List<PgFeedback.Stored> stored = answers.upsert(rows);
        List<FeedbackRewards.Answer> first = stored.stream().filter(PgFeedback.Stored::inserted)
                .map(s -> new FeedbackRewards.Answer(s.member(), s.surveyId(), s.surveyName(), s.submittedAt()))
                .toList();
        if (!first.isEmpty() && program.feedback().rewards()) {
            Set<MemberId> members = new LinkedHashSet<>();
            first.forEach(a -> members.add(a.member()));
            var earlier = answers.lockAndReadRewards(members);
            List<FeedbackRewards.Reward> given = rewards.decide(first, earlier);
            answers.reward(given, program.version(), clock.instant());
            Set<MemberId> rewarded = new LinkedHashSet<>();
            given.stream().filter(r -> r.points() > 0).forEach(r -> rewarded.add(r.member()));
            upgrades.recheck(rewarded);
        }
        Set<MemberId> changed = new LinkedHashSet<>();
        stored.forEach(s -> changed.add(s.member()));
        stores.outbox().mark(changed);
        stores.events().recordAll(detractors(stored));
        return stored;
    }

    /**
     * A detractor_feedback event per detractor's NPS answer submitted within the detractor window, keyed by the
     * answer: a re-read or a later edit of the same answer tells sales staff nothing new.
     */
    private List<MemberEvent> detractors(List<PgFeedback.Stored> stored) {
        Instant now = clock.instant();
        Instant since = now.minus(Duration.ofDays(program.feedback().detractorWithinDays()));
        return stored.stream().filter(s -> "NPS".equals(s.surveyType()) && s.score() != null
                        && NpsCategory.of(s.score()) == NpsCategory.DETRACTOR && !s.submittedAt().isBefore(since))
                .map(s -> new MemberEvent(s.member(), EventType.DETRACTOR_FEEDBACK,
                        EventType.DETRACTOR_FEEDBACK.wireName() + ":" + s.id(), now, Map.of(
                        "score", s.score().stripTrailingZeros().toPlainString(), "survey", s.surveyId(),
                        "survey_name", s.surveyName() == null ? s.surveyId() : s.surveyName(),
                        "submitted_on", s.submittedAt().atZone(program.zone()).toLocalDate().toString())))
                .toList();
    }
}
