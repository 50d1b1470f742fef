/**
 * A HubSpot peer on loopback ({@link io.loyaltybridge.sandbox.hubspot.HubSpotSandbox}) for tests and demos.
 *
 * <p>Where HubSpot's published OpenAPI specs and its real answers differ, the sandbox follows the spec unless the
 * difference is documented HubSpot behaviour; the test whitelist (HubSpotSpecs.KnownSpecGaps) names each case:
 * error bodies carry {@code status:"error"}; 429 bodies carry {@code errorType}, {@code policyName},
 * {@code groupName}; search {@code sorts} are objects. Empty property values are left out of answers (HubSpot sends
 * null, which the spec's string type forbids), and v4 {@code toObjectId} is a string as the spec says.
 *
 * <p>Sandbox conventions not fixed by HubSpot's documents: API writes with an app token emit webhook events with
 * {@code changeSource:"INTEGRATION"} and {@code sourceId} = the app id; admin writes use {@code CRM_UI} and
 * {@code userId:1}. A search sort given as a string is a property name, a leading '-' meaning descending. Ids are
 * handed out in per-type ranges (contacts 10 000 001+, deals 20 000 001+, orders 30 000 001+).
 */
package io.loyaltybridge.sandbox.hubspot;
