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
import java.util.Set;

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
        syncFigures();
        String metrics = scrapeUntil(m -> m.contains("loyaltybridge_outbox_depth"));
        assertThat(metrics).contains("loyaltybridge_sync_records_in_total{object=\"contact\",system=\"crm\"} 1.0")
                .contains("loyaltybridge_sync_records_in_total{object=\"order\",system=\"crm\"} 1.0")
                .contains("loyaltybridge_outbox_depth{system=\"crm\"} 1.0")
                .contains("loyaltybridge_sync_lag_seconds{object=\"order\",system=\"crm\"}")
                .contains("camel_exchanges_total");
    }

    @Test
    void metrics_have_the_jvm_process_pool_and_http_families_and_every_metric_the_dashboard_names()
            throws Exception {
        syncFigures();
        Http api = new Http(app.baseUrl(), io.loyaltybridge.support.TestApp.TOKEN);
        assertThat(api.get("/api/members/999999").status()).isEqualTo(404);
        assertThat(api.get("/api/sync/status").status()).isEqualTo(200);
        System.gc(); // the GC pause timer appears with the first pause the binder sees
        List<String> families = List.of("jvm_memory_used_bytes", "jvm_gc_pause_seconds", "jvm_threads_live_threads",
                "jvm_classes_loaded_classes", "process_cpu_usage", "system_cpu_count", "process_uptime_seconds",
                "process_files_open_files", "hikaricp_connections_active", "hikaricp_connections_acquire_seconds",
                "http_server_requests_seconds", "loyaltybridge_sync_lag_seconds", "loyaltybridge_outbox_depth",
                "camel_exchanges_total");
        String metrics = scrapeUntil(m -> families.stream().allMatch(f -> m.contains("\n" + f)));
        assertThat(families).allSatisfy(f -> assertThat(metrics).contains("\n" + f));
        assertThat(metrics).contains("http_server_requests_seconds_count{method=\"GET\",outcome=\"CLIENT_ERROR\","
                + "status=\"404\",uri=\"/api/members/:id\"}");
        assertThat(metrics).contains("http_server_requests_seconds_bucket{method=\"GET\",outcome=\"SUCCESS\","
                + "status=\"200\",uri=\"/api/sync/status\",le=\"0.1\"}");
        assertThat(metrics).as("no member id becomes a series").doesNotContain("uri=\"/api/members/999999\"");
        assertThat(metrics).contains("hikaricp_connections_max{pool=\"loyalty-db\"} 10.0");

        Set<String> named = Dashboard.metricNames(java.nio.file.Path.of("config", "grafana", "loyaltybridge.json"));
        assertThat(named).hasSizeGreaterThan(15);
        assertThat(named).allSatisfy(name -> assertThat(metrics).as("the dashboard's " + name)
                .containsPattern("(?m)^" + name + "[{ ]"));
    }

    private static String scrapeUntil(java.util.function.Predicate<String> done) throws InterruptedException {
        String metrics = "";
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline) && !done.test(metrics)) {
            Thread.sleep(200);
            metrics = anonymous.get("/observe/metrics").text();
        }
        return metrics;
    }

    /** One contact and its order taken in from a CRM "crm" (a second call finds both already taken). */
    private static void syncFigures() {
        var core = app.core();
        OrderIngest orders = new OrderIngest(core.transactions(), core.syncStores(), core.ledgerService());
        Instant t0 = Instant.parse("2026-06-01T10:00:00Z");
        new ContactIngest(core.transactions(), core.syncStores(), Map.of(), orders).apply(List.of(
                new InboundContact("crm", "C1", "c1@example.com", null, null, null, null, false, t0, Map.of())),
                new SourceCursor("crm", "contact", t0));
        orders.apply(List.of(new InboundOrder("crm", "O1", "C1", BigDecimal.TEN, "EUR", t0, OrderStatus.COMPLETED,
                BigDecimal.ZERO, List.of(), t0)), new SourceCursor("crm", "order", t0));
    }
}
