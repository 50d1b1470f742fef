package io.loyaltybridge.api;

import io.loyaltybridge.app.Application;
import io.loyaltybridge.support.Http;
import io.loyaltybridge.support.TestApp;
import io.loyaltybridge.support.TestPostgres;

/** One running app per test class, on its own database, with a client that speaks to it. */
final class ApiFixture implements AutoCloseable {
    final String databaseUrl = TestPostgres.freshDatabase();
    final Application app = TestApp.start(databaseUrl);
    final Http http = new Http(app.baseUrl(), TestApp.TOKEN);

    static String order(String email, String externalId, String total, String status, String extra) {
        return """
                {"source":"shop","externalId":"%s","member":{"email":"%s"},"total":%s,"currency":"EUR",
                 "placedAt":"2026-05-01T12:00:00Z","status":"%s"%s,
                 "lines":[{"sku":"SKU-1","category":"shoes","quantity":2,"unitPrice":%s}]}"""
                .formatted(externalId, email, total, status, extra, total);
    }

    /** Creates a member with {@code points} available, through an order, and returns their id. */
    long memberWith(String email, int points) {
        Http.Response r = http.post("/api/orders", order(email, "seed-" + email, points + ".00", "completed", ""));
        if (r.status() != 201) {
            throw new IllegalStateException("seeding failed: " + r.text());
        }
        return r.json().at("/order/memberId").asLong();
    }

    @Override
    public void close() {
        app.close();
    }
}
