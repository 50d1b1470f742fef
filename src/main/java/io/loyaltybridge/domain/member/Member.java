package io.loyaltybridge.domain.member;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A member of the loyalty program. Names, email and birth date are personal data; the id is not. */
public record Member(MemberId id, Email email, String firstName, String lastName, LocalDate birthDate,
                     Consent consent, List<CrmIdentity> identities, Instant createdAt) {
    public Member {
        identities = List.copyOf(identities);
    }
}
