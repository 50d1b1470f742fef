package io.loyaltybridge.domain.program.grants;

import io.loyaltybridge.domain.Violation;
import io.loyaltybridge.domain.member.MemberRef;
import io.loyaltybridge.domain.program.Program;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A non-purchase event reported for a member (a review, a custom event). {@code eventId} is the caller's id of this
 * occurrence: the same id twice is one grant. {@code occurredAt} null means now.
 */
public record EventReport(MemberRef member, String event, String eventId, Instant occurredAt) {

    /** Every rule the report breaks, named by the field a caller sent. */
    public List<Violation> violations(Program program, Instant now) {
        List<Violation> problems = new ArrayList<>();
        if (event != null && program.event(event).isEmpty()) {
            problems.add(new Violation("event", program.events().isEmpty() ? "the program declares no events"
                    : "must be an event of the program: " + String.join(", ",
                    program.events().stream().map(EventRule::name).toList())));
        }
        if (eventId != null && !GrantKeys.isValid(eventId)) {
            problems.add(new Violation("eventId", GrantKeys.RULE));
        }
        if (occurredAt != null && GrantKeys.isFuture(occurredAt, now)) {
            problems.add(new Violation("occurredAt", "must not be in the future"));
        }
        return problems;
    }
}
