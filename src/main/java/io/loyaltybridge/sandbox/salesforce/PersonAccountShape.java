package io.loyaltybridge.sandbox.salesforce;

/**
 * Whether the sandbox org has person accounts. {@code NONE}: Contacts only, as before (Account has no
 * IsPersonAccount). {@code PERSONS}: person accounts enabled and every seeded shopper a person account.
 * {@code MIXED}: person accounts enabled, seeded shoppers alternate between business contacts and person accounts,
 * the common B2C org that also sells to companies.
 */
public enum PersonAccountShape {
    NONE, PERSONS, MIXED;

    public boolean enabled() {
        return this != NONE;
    }
}
