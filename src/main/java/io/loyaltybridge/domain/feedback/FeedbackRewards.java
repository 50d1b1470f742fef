package io.loyaltybridge.domain.feedback;

import io.loyaltybridge.domain.member.MemberId;
import io.loyaltybridge.domain.program.FeedbackRules;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which newly stored answers earn the feedback points: one per survey per member, and no more than the yearly cap
 * (calendar year of the answer's date in the program's zone), the earlier answers first. The score is not an input:
 * the reward is for answering, so it cannot tilt what members say.
 */
public final class FeedbackRewards {
    /** An answer stored for the first time. */
    public record Answer(MemberId member, String surveyId, String surveyName, Instant submittedAt) {
    }

    /** A feedback reward the ledger already holds. */
    public record Earlier(MemberId member, String surveyId, Instant effectiveAt) {
    }

    /** Points to write; the operation key makes the write happen once, whoever repeats it. */
    public record Reward(MemberId member, String surveyId, long points, String reason, Instant effectiveAt,
                         String operationKey) {
    }

    private final FeedbackRules rules;
    private final ZoneId zone;

    public FeedbackRewards(FeedbackRules rules, ZoneId zone) {
        this.rules = rules;
        this.zone = zone;
    }

    public static String operationKey(MemberId member, String surveyId) {
        return "feedback:" + member.value() + ":" + surveyId;
    }

    public List<Reward> decide(Collection<Answer> answers, Collection<Earlier> earlier) {
        if (!rules.rewards()) {
            return List.of();
        }
        Set<String> rewarded = new HashSet<>();
        Map<String, Integer> perYear = new HashMap<>();
        for (Earlier e : earlier) {
            rewarded.add(operationKey(e.member(), e.surveyId()));
            perYear.merge(yearKey(e.member(), e.effectiveAt()), 1, Integer::sum);
        }
        List<Answer> inOrder = new ArrayList<>(answers);
        inOrder.sort(Comparator.comparing(Answer::submittedAt));
        List<Reward> rewards = new ArrayList<>();
        for (Answer a : inOrder) {
            String key = operationKey(a.member(), a.surveyId());
            String year = yearKey(a.member(), a.submittedAt());
            if (rewarded.contains(key) || perYear.getOrDefault(year, 0) >= rules.maxRewardsPerYear()) {
                continue;
            }
            rewarded.add(key);
            perYear.merge(year, 1, Integer::sum);
            String survey = a.surveyName() == null || a.surveyName().isBlank() ? a.surveyId()
                    : a.surveyName() + " (" + a.surveyId() + ")";
            rewards.add(new Reward(a.member(), a.surveyId(), rules.pointsPerAnswer(),
                    "Feedback answered: " + survey + ": +" + rules.pointsPerAnswer(), a.submittedAt(), key));
        }
        return rewards;
    }

    private String yearKey(MemberId member, Instant at) {
        return member.value() + ":" + at.atZone(zone).getYear();
    }
}
