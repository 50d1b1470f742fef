package io.loyaltybridge.domain.program.earning;

/**
 * One part of an order's points, with the reason in words a support agent can read to a customer.
 *
 * @param ref the rule the part comes from: a category, SKU, tier or campaign id; null for the base
 */
public record EarnLine(Kind kind, String ref, long points, String reason) {
    public enum Kind { BASE, CATEGORY, SKU, TIER, CAMPAIGN, NONE }
}
