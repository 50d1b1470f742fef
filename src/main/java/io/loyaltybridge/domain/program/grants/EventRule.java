package io.loyaltybridge.domain.program.grants;

/**
 * Points for something other than a purchase: signup, birthday, review, or a custom event posted through the API.
 *
 * @param maxPerMember how many times one member can earn it; null for no limit (signup and birthday are limited by
 *                     their own triggers)
 */
public record EventRule(String name, long points, Integer maxPerMember, String description) {
}
