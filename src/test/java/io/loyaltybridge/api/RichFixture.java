package io.loyaltybridge.api;

import io.loyaltybridge.app.Application;
import io.loyaltybridge.support.Db;
import io.loyaltybridge.support.Http;
import io.loyaltybridge.support.TestApp;
import io.loyaltybridge.support.TestPostgres;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * One running app per test class on the example program with points available at once (programs/rich.yaml): the
 * engine's events, partners, rewards, cashback and leaderboard are all declared there.
 */
final class RichFixture implements AutoCloseable {
    static final Path RICH_PROGRAM = Path.of("src/test/resources/programs/rich.yaml");
    final String databaseUrl = TestPostgres.freshDatabase();
    final Application app = TestApp.start(Map.of("loyalty.db.url", databaseUrl,
            "loyalty.program.file", RICH_PROGRAM.toAbsolutePath().toString()));
    final Http http = new Http(app.baseUrl(), TestApp.TOKEN);

    /** An hour ago: inside the current leaderboard period and tier year unless the test runs at midnight. */
    static String anHourAgo() {
        return Instant.now().minus(Duration.ofHours(1)).toString();
    }

    /**
     * A completed order an hour ago, on a category without a multiplier: at bronze it earns one point per whole
     * euro, and 1% of the total in cashback cents.
     */
    Http.Response order(String email, String firstName, String externalId, String total) {
        return http.post("/api/orders", """
                {"source":"shop","externalId":"%s","member":{"email":"%s","firstName":"%s"},"total":"%s",
                 "currency":"EUR","placedAt":"%s","status":"completed",
                 "lines":[{"sku":"BOOK-1","category":"books","quantity":1,"unitPrice":"%s"}]}"""
                .formatted(externalId, email, firstName, total, anHourAgo(), total));
    }

    /** A new member with the points (and 1% cashback) of one order of {@code total} euros; returns their id. */
    long memberWith(String email, String total) {
        Http.Response r = order(email, "Seed", "seed-" + email, total);
        if (r.status() != 201) {
            throw new IllegalStateException("seeding failed: " + r.text());
        }
        return r.json().at("/order/memberId").asLong();
    }

    long balance(long member, String account) {
        return Db.longValue(databaseUrl, "SELECT coalesce(sum(available), 0) FROM member_balances WHERE member_id = "
                + member + " AND account = '" + account + "'");
    }

    /** Members, ledger entries and the sum of all balances: what a refused call must leave as it was. */
    long[] rows() {
        return new long[]{Db.count(databaseUrl, "members"), Db.count(databaseUrl, "ledger_entries"),
                Db.longValue(databaseUrl, "SELECT coalesce(sum(available), 0) FROM member_balances")};
    }

    @Override
    public void close() {
        app.close();
    }
}
