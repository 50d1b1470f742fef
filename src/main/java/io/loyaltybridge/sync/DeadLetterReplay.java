package io.loyaltybridge.sync;

import io.loyaltybridge.domain.Conflict;
import io.loyaltybridge.domain.NotFound;
import io.loyaltybridge.domain.member.MemberId;
import io.loyaltybridge.store.PgDeadLetters;
import io.loyaltybridge.store.PgWebhookInbox;
import io.loyaltybridge.store.Transactions;

import java.util.List;

/**
 * Retries one dead letter: an inbound record is processed again exactly as it was received; an outbound one puts
 * the member back in the outbox. A record that fails again stays open with its new error.
 */
public final class DeadLetterReplay {
    /** The letter after the replay: replayed, or still open with the error it failed with this time. */
    public record Outcome(long id, boolean replayed, String errorCode, String error) {
    }

    private final Transactions tx;
    private final SyncStores stores;
    private final ContactIngest contacts;
    private final OrderIngest orders;

    public DeadLetterReplay(Transactions tx, SyncStores stores, ContactIngest contacts, OrderIngest orders) {
        this.tx = tx;
        this.stores = stores;
        this.contacts = contacts;
        this.orders = orders;
    }

    public Outcome replay(long id) {
        return tx.inTransaction(() -> {
            PgDeadLetters.DeadLetter letter = stores.deadLetters().lock(id)
                    .orElseThrow(() -> new NotFound("no dead letter with id " + id));
            if (!"open".equals(letter.status())) {
                throw new Conflict("already_replayed", "dead letter " + id + " was replayed at " + letter.replayedAt());
            }
            IngestReport report = switch (letter.direction() + "/" + letter.recordType()) {
                case "inbound/contact" -> contacts.one(InboundJson.contact(letter.payload()));
                case "inbound/order" -> orders.one(InboundJson.order(letter.payload()));
                case "inbound/feedback" -> orders.feedbackOne(InboundJson.feedback(letter.payload()));
                case "inbound/webhook" -> webhookAgain(id, letter.payload());
                default -> {
                    long member = InboundJson.tree(letter.payload()).path("memberId").asLong();
                    stores.outbox().mark(List.of(new MemberId(member)));
                    yield new IngestReport(1, 0, 0);
                }
            };
            if (report.deadLettered() > 0) {
                PgDeadLetters.DeadLetter again = stores.deadLetters().lock(id).orElseThrow();
                return new Outcome(id, false, again.errorCode(), again.error());
            }
            stores.deadLetters().markReplayed(id);
            return new Outcome(id, true, null, null);
        });
    }

    /**
     * A webhook event set aside (HubSpot's): back into the webhook inbox under a key of its own (its first key is
     * taken), applied by the next drain; should it fail again, a new letter opens.
     */
    private IngestReport webhookAgain(long id, String payload) {
        var letter = InboundJson.tree(payload);
        new PgWebhookInbox(tx).add(List.of(new PgWebhookInbox.Incoming("dead-letter:" + id,
                letter.path("objectKey").asText(), false, letter.path("event").asText(null))));
        return new IngestReport(1, 0, 0);
    }
}
