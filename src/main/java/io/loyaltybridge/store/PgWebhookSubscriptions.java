package io.loyaltybridge.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Webhook subscriptions: where events go, with which secret, for which event types (none listed: all). */
public final class PgWebhookSubscriptions {
    /** A subscription; {@code secret} is only handed to the API once, when it is created. */
    public record Subscription(long id, String url, String secret, List<String> eventTypes, Instant createdAt) {
    }

    private static final String COLUMNS = "id, url, secret, event_types, created_at";
    private final Sql sql;

    public PgWebhookSubscriptions(Transactions transactions) {
        this.sql = new Sql(transactions);
    }

    public Subscription create(String url, String secret, List<String> eventTypes, Instant at) {
        return sql.one("INSERT INTO webhook_subscriptions (url, secret, event_types, created_at) VALUES (?, ?, ?, ?)"
                + " RETURNING " + COLUMNS, PgWebhookSubscriptions::row, url, secret,
                new Sql.TextArray(eventTypes.toArray(String[]::new)), at).orElseThrow();
    }

    public List<Subscription> active() {
        return sql.list("SELECT " + COLUMNS + " FROM webhook_subscriptions WHERE deleted_at IS NULL ORDER BY id",
                PgWebhookSubscriptions::row);
    }

    /** Any subscription, deleted or not: deliveries queued before a deletion still need its URL and secret. */
    public Optional<Subscription> byId(long id) {
        return sql.one("SELECT " + COLUMNS + " FROM webhook_subscriptions WHERE id = ?", PgWebhookSubscriptions::row,
                id);
    }

    /** Stops new deliveries to it; false when there is no such active subscription. */
    public boolean delete(long id, Instant at) {
        return sql.update("UPDATE webhook_subscriptions SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL", at,
                id) > 0;
    }

    private static Subscription row(ResultSet row) throws SQLException {
        String[] types = (String[]) row.getArray("event_types").getArray();
        return new Subscription(row.getLong("id"), row.getString("url"), row.getString("secret"),
                Arrays.asList(types), Sql.instant(row, "created_at"));
    }
}
