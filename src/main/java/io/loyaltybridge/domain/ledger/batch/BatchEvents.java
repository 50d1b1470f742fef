package io.loyaltybridge.domain.ledger.batch;

import io.loyaltybridge.domain.notify.MemberEvent;
import io.loyaltybridge.domain.notify.MemberEvents;

import java.util.ArrayList;
import java.util.List;

/**
 * Member events of one batch, written together with it; one whose cause was recorded before is dropped then by its
 * key, as the store does for a single event. Settlement never reads whether an event was new.
 */
final class BatchEvents implements MemberEvents {
    private final List<MemberEvent> recorded = new ArrayList<>();

    @Override
    public boolean record(MemberEvent event) {
        recorded.add(event);
        return true;
    }

    List<MemberEvent> recorded() {
        return recorded;
    }
}
