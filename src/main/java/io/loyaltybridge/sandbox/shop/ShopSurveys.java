package io.loyaltybridge.sandbox.shop;

import io.loyaltybridge.sandbox.SeedClock;
import io.loyaltybridge.sandbox.hubspot.HubSpotSandbox;
import io.loyaltybridge.sandbox.salesforce.SalesforceSandbox;
import io.loyaltybridge.sandbox.salesforce.Surveys;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Survey answers for the demo: every fourth customer answered the shop's NPS survey in the CRM that holds them
 * (a HubSpot feedback submission, or a Salesforce survey response when the org has Feedback Management), and some
 * Salesforce customers a 1-5 CSAT one (HubSpot's CSAT is 0-2, so HubSpot customers answer NPS only); some comment. Scores follow the customer's index, so a seed gives the same answers;
 * heavy buyers lean to promoters, as they tend to.
 */
final class ShopSurveys {
    private static final String[] COMMENTS = {"Fast delivery, great shoes.", "The app keeps logging me out.",
        "Points took a week to show up.", "Love the member prices!", "Returns were painless."};

    private ShopSurveys() {
    }

    static void load(Shop shop, String[] sfIds, long[] hsIds, SalesforceSandbox sf, HubSpotSandbox hs,
                     SeedClock clock, Instant at) {
        boolean sfSurveys = sf.options().feedbackManagement();
        Surveys.Survey nps = sfSurveys ? sf.admin().surveys().create("Shop NPS", "NPS") : null;
        Surveys.Survey csat = sfSurveys ? sf.admin().surveys().create("Checkout CSAT", "CSAT") : null;
        for (Shop.Customer c : shop.customers()) {
            boolean answersNps = c.index() % 4 == 0;
            boolean answersCsat = c.index() % 7 == 3 && hsIds[c.index()] == 0;
            if (!answersNps && !answersCsat) {
                continue;
            }
            Instant when = at.minus(Duration.ofDays(c.index() % 60));
            clock.pin(when);
            int score = answersNps ? Math.min(10, (c.index() * 7) % 11 + (c.heavyBuyer() ? 3 : 0))
                    : 1 + (c.index() * 3) % 5;
            String comment = c.index() % 3 == 0 ? COMMENTS[c.index() % COMMENTS.length] : null;
            if (hsIds[c.index()] != 0) {
                Map<String, String> p = new HashMap<>(Map.of("hs_value", Integer.toString(score), "hs_survey_type",
                        answersNps ? "NPS" : "CSAT", "hs_survey_id", answersNps ? "1001" : "1002", "hs_survey_name",
                        answersNps ? "Shop NPS" : "Checkout CSAT", "hs_submission_timestamp", when.toString()));
                if (comment != null) {
                    p.put("hs_content", comment);
                }
                hs.admin().createFeedback(hsIds[c.index()], p);
            } else if (sfSurveys && sfIds[c.index()] != null) {
                sf.admin().surveys().answer(answersNps ? nps : csat, sfIds[c.index()], score, comment, when);
            }
        }
    }
}
