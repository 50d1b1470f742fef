package io.loyaltybridge.hubspot;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.loyaltybridge.domain.feedback.SurveyType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Regression: HubSpot holds a CSAT answer as 0, 1 or 2 (dissatisfied, neutral, satisfied), which the core's 1-5 CSAT
 * range refused, so every real HubSpot CSAT answer went to the dead letters. The mapper now puts the three faces on
 * the 1-5 scale; NPS and CES answers pass as read.
 */
class FeedbackMapperTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static BigDecimal score(String type, String value) throws Exception {
        var record = JSON.readTree("{\"id\":\"77\",\"properties\":{\"hs_survey_type\":\"" + type + "\",\"hs_value\":\""
                + value + "\",\"hs_submission_timestamp\":\"2026-03-01T09:30:00Z\","
                + "\"hs_lastmodifieddate\":\"2026-03-01T09:30:01Z\"}}");
        return FeedbackMapper.answer(record, "501").score();
    }

    @Test
    void hubspots_three_csat_faces_land_on_the_ends_and_middle_of_the_one_to_five_scale_and_are_in_range() throws Exception {
        assertThat(score("CSAT", "0")).isEqualByComparingTo("1");
        assertThat(score("CSAT", "1")).isEqualByComparingTo("3");
        assertThat(score("CSAT", "2")).isEqualByComparingTo("5");
        for (String face : new String[] {"0", "1", "2"}) {
            assertThat(SurveyType.CSAT.problemWith(score("CSAT", face))).as("CSAT " + face).isEmpty();
        }
    }

    @Test
    void nps_and_ces_answers_and_a_csat_value_outside_hubspots_faces_pass_as_read() throws Exception {
        assertThat(score("NPS", "0")).isEqualByComparingTo("0");
        assertThat(score("NPS", "2")).isEqualByComparingTo("2");
        assertThat(score("CES", "6")).isEqualByComparingTo("6");
        assertThat(score("CSAT", "7")).isEqualByComparingTo("7");
    }
}
