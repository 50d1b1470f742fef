package io.loyaltybridge.domain.notify;

import io.loyaltybridge.domain.member.MemberId;

import java.time.Instant;
import java.util.Map;

/**
 * Something that happened to a member and may be told to them. {@code causeKey} names the cause (an entry's
 * operation key, a tier reached on a day ...) so one cause records one event however often the change is replayed.
 * {@code data} holds the event's own values (points, tier, badge ...) for templates and webhook bodies.
 */
public record MemberEvent(MemberId member, EventType type, String causeKey, Instant occurredAt,
                          Map<String, String> data) {
    public MemberEvent {
        data = Map.copyOf(data);
    }
}
