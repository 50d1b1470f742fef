package io.loyaltybridge.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.loyaltybridge.app.Application;
import io.loyaltybridge.domain.ledger.Account;
import io.loyaltybridge.domain.ledger.LedgerEntry;
import io.loyaltybridge.domain.member.MemberId;
import io.loyaltybridge.domain.program.Program;
import io.loyaltybridge.domain.program.expiry.Lot;
import io.loyaltybridge.domain.program.expiry.LotBook;
import io.loyaltybridge.domain.program.expiry.LotHistory;
import io.loyaltybridge.support.Http;
import io.loyaltybridge.support.StoreFixture;
import io.loyaltybridge.support.TestApp;
import io.loyaltybridge.support.TestPostgres;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The expiry forecast's set-wise SQL against the program's own lot rule ({@code LotHistory}, member by member) for
 * each expiry model, on orders spread over the last year with refunds and redemptions.
 */
class ExpiryForecastModelsTest {
    private static final Instant NOW = Instant.now();

    @ParameterizedTest
    @ValueSource(strings = {"model: fixed_months\n  months: 6", "model: after_last_activity\n  months: 4",
            "model: end_of_period\n  period: quarter\n  extraPeriods: 1"})
    void the_forecast_equals_what_each_members_lots_say_under_the_model(String model) throws Exception {
        String program = Files.readString(StoreFixture.FLAT_PROGRAM).replace("model: never", model)
                .replace("timeZone: UTC", "timeZone: America/New_York");
        Path file = Files.createDirectories(Path.of("target")).resolve("forecast-program.yaml");
        Files.writeString(file, program);
        try (Application app = TestApp.start(Map.of("loyalty.db.url", TestPostgres.freshDatabase(),
                "loyalty.program.file", file.toAbsolutePath().toString()))) {
            Http http = new Http(app.baseUrl(), TestApp.TOKEN);
            List<Long> members = new ArrayList<>();
            int[][] orders = {{0, 200, 40}, {0, 120, 70}, {0, 30, 25}, {1, 300, 90}, {1, 100, 15}, {2, 10, 60}};
            for (int i = 0; i < orders.length; i++) {
                String body = """
                        {"source":"shop","externalId":"F%d","member":{"email":"m%d@example.com"},"total":"%d",
                         "currency":"EUR","placedAt":"%s","status":"completed",
                         "lines":[{"sku":"S","category":"c","quantity":1,"unitPrice":"%d"}]}""";
                Instant placed = NOW.minus(Duration.ofDays(orders[i][1]));
                JsonNode r = http.post("/api/orders", body.formatted(i, orders[i][0], orders[i][2], placed,
                        orders[i][2])).json();
                long member = r.at("/order/memberId").asLong();
                if (!members.contains(member)) {
                    members.add(member);
                }
            }
            // A partial refund of Bob's newest order, a redemption each for Ann and Cleo, then the nightly expiry.
            assertThat(http.post("/api/orders", """
                    {"source":"shop","externalId":"F4","member":{"email":"m1@example.com"},"total":"15",
                     "currency":"EUR","placedAt":"%s","status":"partially_refunded","refundedAmount":"5",
                     "lines":[{"sku":"S","category":"c","quantity":1,"unitPrice":"15"}]}"""
                    .formatted(NOW.minus(Duration.ofDays(100)))).status()).isEqualTo(200);
            app.core().jobs().expiry();
            for (long member : List.of(members.get(0), members.get(2))) {
                long balance = http.get("/api/members/" + member).json().get("balance").asLong();
                if (balance > 5) {
                    assertThat(http.post("/api/members/" + member + "/redemptions", "{\"points\":" + (balance / 2)
                            + ",\"reason\":\"r\",\"idempotencyKey\":\"r" + member + "\"}").status()).isEqualTo(201);
                }
            }

            Program p = app.core().program();
            LocalDate today = LocalDate.now(app.core().clock().withZone(p.zone()));
            YearMonth first = YearMonth.from(today);
            Map<YearMonth, Long> expected = new HashMap<>();
            Map<MemberId, List<LedgerEntry>> histories = app.core().transactions().inTransaction(() ->
                    app.core().ledger().history(members.stream().map(MemberId::new).toList(), Account.POINTS));
            histories.values().forEach(history -> {
                LotBook book = LotHistory.replay(history, p.expiry(), p.zone());
                long debt = book.debt();
                for (Lot lot : book.lots()) {
                    long left = lot.remaining() - Math.min(debt, lot.remaining());
                    debt -= lot.remaining() - left;
                    LocalDate on = book.expiresOn(lot);
                    if (left > 0 && on != null && on.isBefore(first.plusMonths(12).atDay(1))) {
                        YearMonth month = on.isBefore(today) ? first : YearMonth.from(on);
                        expected.merge(month, left, Long::sum);
                    }
                }
            });
            JsonNode forecast = http.get("/api/kpis/program").json().get("expiryForecast");
            Map<YearMonth, Long> shown = new HashMap<>();
            forecast.forEach(m -> {
                if (m.get("points").asLong() != 0) {
                    shown.put(YearMonth.parse(m.get("month").asText()), m.get("points").asLong());
                }
            });
            assertThat(expected).as("something expires under " + model).isNotEmpty();
            assertThat(shown).as(model).isEqualTo(expected);
        }
    }
}
