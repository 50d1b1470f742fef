package io.loyaltybridge.sandbox.hubspot;

import static io.loyaltybridge.sandbox.hubspot.PropertyDef.builtIn;

/**
 * The survey-answer properties of feedback_submissions, named as HubSpot's survey response guide and property
 * reference name them: hs_value is the numeric answer (0-10 for NPS), hs_content the written one, hs_survey_type
 * NPS, CSAT, CES or CUSTOM, hs_sentiment and hs_response_group the promoter / passive / detractor reading of the
 * score, hs_submission_timestamp when it was answered. HubSpot fills them; none is writable through the API.
 */
final class FeedbackProperties {
    private FeedbackProperties() {
    }

    static void install(PropertyCatalog c, String group) {
        c.add(builtIn("hs_value", "Rating", "number", "number", group));
        c.add(builtIn("hs_content", "Response", "string", "textarea", group));
        c.add(builtIn("hs_survey_type", "Survey type", "enumeration", "select", group)
                .withOptions("NPS", "CSAT", "CES", "CUSTOM"));
        c.add(builtIn("hs_survey_id", "Survey ID", "string", "text", group));
        c.add(builtIn("hs_survey_name", "Survey name", "string", "text", group));
        c.add(builtIn("hs_survey_channel", "Source", "enumeration", "select", group)
                .withOptions("EMAIL", "WEB", "LINK", "CHAT"));
        c.add(builtIn("hs_sentiment", "Sentiment", "enumeration", "select", group)
                .withOptions("PROMOTER", "PASSIVE", "DETRACTOR"));
        c.add(builtIn("hs_response_group", "Response group", "enumeration", "select", group)
                .withOptions("PROMOTER", "PASSIVE", "DETRACTOR"));
        c.add(builtIn("hs_submission_timestamp", "Submitted at", "datetime", "date", group));
        c.add(builtIn("hs_contact_id", "Contact ID", "number", "number", group));
    }
}
