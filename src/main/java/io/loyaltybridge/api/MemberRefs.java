package io.loyaltybridge.api;

import io.loyaltybridge.domain.member.Consent;
import io.loyaltybridge.domain.member.CrmIdentity;
import io.loyaltybridge.domain.member.Email;
import io.loyaltybridge.domain.member.MemberId;
import io.loyaltybridge.domain.member.MemberRef;
import io.loyaltybridge.domain.member.NewMember;

import java.time.LocalDate;
import java.time.ZoneOffset;

/** Reads the {@code member} object of a request: {@code id}, {@code email} (+ names) or {@code crm}. */
final class MemberRefs {
    /**
     * A birth date is a calendar day without a zone: it is in the future only once it is after today everywhere.
     * Judged by the server's zone, a member born today in a zone ahead of it (Paris just after midnight, a UTC
     * server) was refused for an hour or more each day.
     */
    private static final ZoneOffset LATEST_ZONE = ZoneOffset.ofHours(14);

    private MemberRefs() {
    }

    static MemberRef read(BodyReader member) {
        Long id = member.integer("id", false);
        Email email = email(member, false);
        BodyReader crm = member.object("crm", false);
        CrmIdentity identity = null;
        if (crm != null) {
            String system = crm.text("system", true, 64);
            String externalId = crm.text("externalId", true, 255);
            identity = system == null || externalId == null ? null : new CrmIdentity(system, externalId);
        }
        NewMember details = details(member, email);
        if (id != null && id <= 0) {
            member.reject("id", "must be a positive member id");
            return null;
        }
        if (id == null && email == null && identity == null && member.violations().isEmpty()) {
            member.reject("id", "give the member's id, email or crm identity");
        }
        return new MemberRef(id == null ? null : new MemberId(id), identity, email, details);
    }

    /** The personal details of a new member; {@code email} must already have been read. */
    static NewMember details(BodyReader member, Email email) {
        String firstName = member.text("firstName", false, 100);
        String lastName = member.text("lastName", false, 100);
        LocalDate birthDate = member.date("birthDate");
        if (birthDate != null && (birthDate.isAfter(LocalDate.now(LATEST_ZONE)) || birthDate.getYear() < 1900)) {
            member.reject("birthDate", "must be a past date after 1900");
        }
        BodyReader consent = member.object("consent", false);
        Boolean marketing = consent == null ? null : consent.bool("marketing");
        return new NewMember(email, firstName, lastName, birthDate,
                marketing == null ? Consent.NONE : new Consent(marketing));
    }

    static Email email(BodyReader member, boolean required) {
        String raw = member.text("email", required, Email.MAX_LENGTH);
        if (raw == null) {
            return null;
        }
        if (!Email.isValid(raw.strip())) {
            member.reject("email", "must be an email address");
            return null;
        }
        return new Email(raw.strip());
    }
}
