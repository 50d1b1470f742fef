package io.loyaltybridge.domain.member;

import java.time.LocalDate;

/** What is known about a member before we store them. Email is optional: a CRM contact may have none. */
public record NewMember(Email email, String firstName, String lastName, LocalDate birthDate, Consent consent) {
    public static NewMember withEmail(Email email) {
        return new NewMember(email, null, null, null, Consent.NONE);
    }
}
