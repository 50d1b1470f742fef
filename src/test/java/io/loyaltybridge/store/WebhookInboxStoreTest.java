package io.loyaltybridge.store;

import io.loyaltybridge.support.StoreFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The webhook inbox as instances share it: a repeat is dropped by its key whoever stored the first copy, an event
 * leased by one instance is skipped by another, and a later event of a record waits for the earlier one (never the
 * privacy deletion, which goes first).
 */
class WebhookInboxStoreTest {
    private final StoreFixture db = new StoreFixture();
    private final Transactions tx = db.transactions;
    // Two instances: each its own repository over the one database.
    private final PgWebhookInbox one = new PgWebhookInbox(tx);
    private final PgWebhookInbox other = new PgWebhookInbox(tx);

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void a_repeat_is_stored_once_an_erasure_goes_first_and_a_later_event_of_a_record_waits_for_the_earlier_one() {
        assertThat(add(one, in("event:1", "contact:1", false), in("event:2", "contact:1", false),
                in("event:3", "contact:2", false), in("event:4", "contact:3", true))).isEqualTo(4);
        assertThat(add(other, in("event:1", "contact:1", false), in("event:5", "contact:4", false)))
                .as("the repeat of event 1 is dropped by the other instance").isEqualTo(1);

        // The erasure first, then the oldest event.
        assertThat(keys(lease(one, 1))).containsExactly(4L);
        List<PgWebhookInbox.Leased> first = lease(one, 1);
        assertThat(keys(first)).containsExactly(1L);
        // The other instance skips what is leased, and contact 1's second event waits for its first.
        List<PgWebhookInbox.Leased> others = lease(other, 10);
        assertThat(keys(others)).containsExactly(3L, 5L);
        assertThat(lease(other, 10)).isEmpty();

        // The first event failed: contact 1's events come again, together and in arrival order, when it is due.
        tx.inTransaction(() -> {
            one.retry(ids(first), 0, "HubSpotException");
            return null;
        });
        List<PgWebhookInbox.Leased> again = lease(other, 10);
        assertThat(keys(again)).containsExactly(1L, 2L);
        assertThat(again.get(0).attempts()).isEqualTo(2);
        assertThat(tx.read(other::depth).pending()).isEqualTo(5);

        tx.inTransaction(() -> {
            other.done(ids(again));
            other.done(ids(others));
            return null;
        });
        assertThat(tx.read(one::depth).pending()).isEqualTo(1); // the leased erasure
        assertThat(add(one, in("event:2", "contact:1", false))).as("applied, and still known").isZero();
    }

    @Test
    void an_event_on_backoff_holds_back_later_events_of_its_record_but_not_others() {
        add(one, in("event:1", "contact:1", false), in("event:2", "contact:1", false),
                in("event:3", "contact:2", false));
        List<PgWebhookInbox.Leased> first = lease(one, 1);
        tx.inTransaction(() -> {
            one.retry(ids(first), 60_000, "HubSpotException");
            return null;
        });
        assertThat(keys(lease(other, 10))).containsExactly(3L);
        PgWebhookInbox.Depth depth = tx.read(one::depth);
        assertThat(depth.pending()).isEqualTo(3);
        assertThat(depth.retrying()).isEqualTo(1);
        assertThat(depth.oldest()).isNotNull();
    }

    private int add(PgWebhookInbox inbox, PgWebhookInbox.Incoming... events) {
        return tx.inTransaction(() -> inbox.add(List.of(events)));
    }

    private List<PgWebhookInbox.Leased> lease(PgWebhookInbox inbox, int limit) {
        return tx.inTransaction(() -> inbox.lease(limit, 60, 0));
    }

    private static PgWebhookInbox.Incoming in(String key, String object, boolean erasure) {
        return new PgWebhookInbox.Incoming(key, object, erasure, "{\"key\": \"" + key + "\"}");
    }

    private static List<Long> ids(List<PgWebhookInbox.Leased> leased) {
        return leased.stream().map(PgWebhookInbox.Leased::id).toList();
    }

    /** The event numbers (the inbox's ids follow arrival, but not one for one: a dropped repeat uses an id). */
    private static List<Long> keys(List<PgWebhookInbox.Leased> leased) {
        return leased.stream().map(l -> Long.parseLong(l.event().replaceAll("\\D", ""))).toList();
    }
}
