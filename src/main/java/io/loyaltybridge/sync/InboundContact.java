package io.loyaltybridge.sync;

import io.loyaltybridge.domain.member.CrmIdentity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * A CRM contact as a connector read it, CRM-agnostic. {@code loyaltyFields} holds the raw values the CRM shows in
 * our mapped fields (by CRM field name), so we know what it displays without asking again. {@code marketingConsent}
 * is null when the CRM does not say.
 */
public record InboundContact(String system, String externalId, String email, String firstName, String lastName,
                             LocalDate birthDate, Boolean marketingConsent, boolean deleted, Instant modifiedAt,
                             Map<String, String> loyaltyFields) {
    public CrmIdentity identity() {
        return new CrmIdentity(system, externalId);
    }

    /** The key dead-lettered orders of this contact wait on. */
    public static String waitKey(String system, String contactExternalId) {
        return system + ":contact:" + contactExternalId;
    }
}
