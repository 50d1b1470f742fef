package io.loyaltybridge.domain.program.grants;

import io.loyaltybridge.domain.program.Program;

/**
 * Points for non-purchase events (signup, birthday, review, custom events posted through the API). An event the
 * file does not declare earns nothing, so a typo in an integration shows up as a refusal rather than free points.
 */
public final class EventAwards {
    private final Program program;

    public EventAwards(Program program) {
        this.program = program;
    }

    public record Award(boolean granted, long points, String reason) {
    }

    /** @param timesAlready how many times this member already got points for this event */
    public Award award(String event, int timesAlready) {
        return program.event(event).map(rule -> {
            if (rule.maxPerMember() != null && timesAlready >= rule.maxPerMember()) {
                return new Award(false, 0, event + " already rewarded " + timesAlready + " times (limit "
                        + rule.maxPerMember() + ")");
            }
            return new Award(true, rule.points(), rule.description() + ": +" + rule.points());
        }).orElseGet(() -> new Award(false, 0, "no event " + event + " in the program"));
    }
}
