package io.loyaltybridge.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loyaltybridge.support.AppProcess;
import io.loyaltybridge.support.Workspaces;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code LOYALTY_LOG_FORMAT=json}: the real main in sandbox mode (both connectors, a backfill, pushes) in its own
 * JVM, since logback reads the variable when the JVM starts. Every console line is then a JSON object with an ISO-8601
 * timestamp, and a start shows none of the library warnings that used to alarm a newcomer.
 */
class JsonLogsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void with_json_format_every_console_line_is_json_with_an_iso_timestamp_and_a_start_has_no_warning(
            @TempDir Path dir) throws Exception {
        List<String> lines;
        // A blank LOYALTY_API_TOKEN counts as unset: the token is generated and printed, as for a first-time user.
        try (AppProcess app = AppProcess.start("json-logs", Workspaces.copy(dir), Map.of(
                        "loyalty.sandbox.customers", "24", "loyalty.sandbox.orders", "120",
                        "loyalty.sandbox.orders-per-minute", "0", "loyalty.salesforce.poll.period-seconds", "2",
                        "loyalty.hubspot.poll-interval-ms", "1000"),
                Map.of("LOYALTY_LOG_FORMAT", "json", "LOYALTY_API_TOKEN", ""), List.of("--sandbox"))) {
            Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
            while (Instant.now().isBefore(deadline) && !app.console().contains("Salesforce backfill: orders: done")) {
                Thread.sleep(250);
            }
            Thread.sleep(3000); // a few push and poll rounds after the backfill
            lines = app.console().lines().filter(l -> !l.isBlank()).toList();
        }
        assertThat(lines).as("the backfill finished").anyMatch(l -> l.contains("Salesforce backfill: orders: done"));
        List<JsonNode> events = new ArrayList<>();
        for (String line : lines) {
            JsonNode event = JSON.readTree(line);
            assertThat(event.isObject()).as(line).isTrue();
            assertThat(event.path("timestamp").asText()).as(line)
                    .matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
            events.add(event);
        }
        assertThat(events).anySatisfy(e -> assertThat(e.path("formattedMessage").asText())
                .startsWith("LoyaltyBridge API token for this run"));
        assertThat(events).anySatisfy(e -> assertThat(e.path("formattedMessage").asText())
                .startsWith("LoyaltyBridge status page: http://localhost:"));
        assertThat(events).as("warnings at start")
                .filteredOn(e -> e.path("level").asText().equals("WARN")).isEmpty();
        assertThat(events).as("each push is DEBUG, not INFO")
                .noneMatch(e -> e.path("formattedMessage").asText().startsWith("Salesforce push wrote"));
    }
}
