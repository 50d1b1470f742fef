package io.loyaltybridge.domain.member;

/**
 * A member's record in an outside system: {@code system} names the system ("salesforce", "hubspot", ...),
 * {@code externalId} is that system's id. One external id belongs to at most one member.
 */
public record CrmIdentity(String system, String externalId) {
    public CrmIdentity {
        if (system == null || system.isBlank() || externalId == null || externalId.isBlank()) {
            throw new IllegalArgumentException("a CRM identity needs a system and an external id");
        }
    }
}
