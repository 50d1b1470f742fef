package io.loyaltybridge.notify;

import io.loyaltybridge.domain.notify.EventType;

import java.time.Instant;
import java.util.Map;

/**
 * One delivery ready to send: the event, the member's CRM record ids, and the template rendered for it.
 *
 * @param values  every placeholder value (profile and event data): what the template was filled with
 * @param attempt 1 for the first attempt; above 1 an earlier attempt may have reached the peer (it failed, or the
 *                process died before settling it), so a channel that can should check before sending again
 */
public record Notification(long deliveryId, long eventId, Long subscriptionId, EventType type, long memberId,
                           Instant occurredAt, Map<String, String> data, Map<String, String> values,
                           Map<String, String> crmIds, Templates.Template text,
                           int attempt) {
}
