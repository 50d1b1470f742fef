package io.loyaltybridge.sync;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A survey answer as a connector read it (a HubSpot feedback submission, a Salesforce survey response with its
 * numeric answer), or as a shop posted it. {@code surveyType} is one of NPS, CSAT, CES or CUSTOM; {@code score} is
 * the numeric answer (0-10 for NPS), null when the survey has none. {@code externalId} identifies the answer in its
 * source, so a changed record updates the stored answer instead of adding one.
 */
public record InboundFeedback(String system, String externalId, String contactExternalId, String surveyId,
                              String surveyName, String surveyType, BigDecimal score, String sentiment,
                              String comment, Instant submittedAt, Instant modifiedAt) {
}
