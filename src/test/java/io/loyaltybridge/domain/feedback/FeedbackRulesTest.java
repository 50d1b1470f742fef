package io.loyaltybridge.domain.feedback;

import io.loyaltybridge.domain.member.MemberId;
import io.loyaltybridge.domain.program.FeedbackRules;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The pure rules of feedback: NPS bands, the scales per survey type, and which answers a reward goes to. */
class FeedbackRulesTest {
    private static final MemberId M = new MemberId(7);
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Test
    void nps_bands_are_zero_to_six_seven_to_eight_and_nine_to_ten_with_a_fraction_falling_in_the_lower_band() {
        assertThat(List.of("0", "6", "6.5", "7", "8.9", "9", "10").stream().map(s -> NpsCategory.of(new BigDecimal(s))))
                .containsExactly(NpsCategory.DETRACTOR, NpsCategory.DETRACTOR, NpsCategory.DETRACTOR,
                        NpsCategory.PASSIVE, NpsCategory.PASSIVE, NpsCategory.PROMOTER, NpsCategory.PROMOTER);
    }

    @Test
    void each_type_holds_its_score_to_its_scale_and_a_custom_survey_to_none() {
        assertThat(SurveyType.NPS.problemWith(BigDecimal.valueOf(11))).isPresent();
        assertThat(SurveyType.CSAT.problemWith(BigDecimal.ZERO)).isPresent();
        assertThat(SurveyType.CES.problemWith(BigDecimal.valueOf(7))).isEmpty();
        assertThat(SurveyType.CUSTOM.problemWith(BigDecimal.valueOf(-40))).isEmpty();
        assertThat(SurveyType.of("csat")).contains(SurveyType.CSAT);
        assertThat(SurveyType.of("stars")).isEmpty();
    }

    @Test
    void the_yearly_cap_counts_calendar_years_in_the_program_zone_and_earlier_rewards() {
        FeedbackRewards rewards = new FeedbackRewards(new FeedbackRules(10, 2, 90), PARIS);
        // 31 Dec 23:30 UTC is already 1 January in Paris: that answer belongs to the next year's cap.
        List<FeedbackRewards.Reward> given = rewards.decide(List.of(
                answer("b", "2025-06-01T10:00:00Z"), answer("c", "2025-07-01T10:00:00Z"),
                answer("d", "2025-12-31T23:30:00Z"), answer("a", "2025-08-01T10:00:00Z")),
                List.of(new FeedbackRewards.Earlier(M, "old", Instant.parse("2025-02-01T10:00:00Z"))));

        assertThat(given).extracting(FeedbackRewards.Reward::surveyId).containsExactly("b", "d");
        assertThat(given).extracting(FeedbackRewards.Reward::operationKey).containsExactly("feedback:7:b",
                "feedback:7:d");
    }

    @Test
    void a_survey_already_rewarded_is_not_rewarded_again_and_no_rules_reward_nothing() {
        FeedbackRewards rewards = new FeedbackRewards(new FeedbackRules(10, 5, 90), PARIS);
        assertThat(rewards.decide(List.of(answer("a", "2025-06-01T10:00:00Z"), answer("a", "2025-06-02T10:00:00Z")),
                List.of())).hasSize(1);
        assertThat(rewards.decide(List.of(answer("a", "2025-06-03T10:00:00Z")),
                List.of(new FeedbackRewards.Earlier(M, "a", Instant.parse("2025-06-01T10:00:00Z"))))).isEmpty();
        assertThat(new FeedbackRewards(FeedbackRules.NONE, PARIS).decide(List.of(answer("z", "2025-06-01T10:00:00Z")),
                List.of())).isEmpty();
    }

    private static FeedbackRewards.Answer answer(String survey, String at) {
        return new FeedbackRewards.Answer(M, survey, null, Instant.parse(at));
    }
}
