package io.loyaltybridge.domain.member;

/** Our own identifier of a member; CRM ids are {@link CrmIdentity}s. */
public record MemberId(long value) {
    public MemberId {
        if (value <= 0) {
            throw new IllegalArgumentException("member id must be positive: " + value);
        }
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
