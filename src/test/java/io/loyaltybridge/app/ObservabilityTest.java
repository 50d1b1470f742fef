package io.loyaltybridge.app;

import io.loyaltybridge.domain.order.OrderStatus;
import io.loyaltybridge.support.Http;
import io.loyaltybridge.support.TestApp;
import io.loyaltybridge.support.TestPostgres;
import io.loyaltybridge.sync.ContactIngest;
import io.loyaltybridge.sync.InboundContact;
import io.loyaltybridge.sync.InboundOrder;
import io.loyaltybridge.sync.OrderIngest;
import io.loyaltybridge.sync.SourceCursor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Health at /observe/health (database readiness included) and Prometheus metrics at /observe/metrics. */
class ObservabilityTest {
    private static Application app;
    private static Http anonymous;

    @BeforeAll
    static void start() {
        app = TestApp.start(TestPostgres.freshDatabase());
        anonymous = new Http(app.baseUrl(), null);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void readiness_reports_the_database_and_liveness_does_not_depend_on_it() {
        Http.Response ready = anonymous.get("/observe/health/ready");
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.json().get("status").asText()).isEqualTo("UP");
        assertThat(ready.text()).contains("{\"name\":\"database\",\"status\":\"UP\"}");
        assertThat(anonymous.get("/observe/health/live").text()).doesNotContain("\"database\"");
    }

    @Test
    void metrics_show_route_timings_and_the_sync_figures_of_each_stream() throws InterruptedException {
        var core = app.core();
        OrderIngest orders = new OrderIngest(core.transactions(), core.syncStores(), core.ledgerService());
        Instant t0 = Instant.parse("2026-06-01T10:00:00Z");
        new ContactIngest(core.transactions(), core.syncStores(), Map.of(), orders).apply(List.of(
                new InboundContact("crm", "C1", "c1@example.com", null, null, null, null, false, t0, Map.of())),
                new SourceCursor("crm", "contact", t0));
        orders.apply(List.of(new InboundOrder("crm", "O1", "C1", BigDecimal.TEN, "EUR", t0, OrderStatus.COMPLETED,
                BigDecimal.ZERO, List.of(), t0)), new SourceCursor("crm", "order", t0));

        String metrics = "";
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (Instant.now().isBefore(deadline) && !metrics.contains("loyaltybridge_outbox_depth")) {
            Thread.sleep(200);
            metrics = anonymous.get("/observe/metrics").text();
        }
        assertThat(metrics).contains("loyaltybridge_sync_records_in_total{object=\"contact\",system=\"crm\"} 1.0")
                .contains("loyaltybridge_sync_records_in_total{object=\"order\",system=\"crm\"} 1.0")
                .contains("loyaltybridge_outbox_depth{system=\"crm\"} 1.0")
                .contains("loyaltybridge_sync_lag_seconds{object=\"order\",system=\"crm\"}")
                .contains("camel_exchanges_total");
    }
}
