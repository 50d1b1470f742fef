package io.loyaltybridge.app;

import io.loyaltybridge.sandbox.hubspot.HubSpotSandbox;
import io.loyaltybridge.sandbox.hubspot.SandboxOptions;
import io.loyaltybridge.support.AppProcess;
import io.loyaltybridge.support.TestApp;
import io.loyaltybridge.support.TestPostgres;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTTP port opens before Camel has added the REST routes. Polled from the first accepted connection, the API
 * refuses the connection or answers 503 (Retry-After, a problem body) until it answers 200: never Camel's 404.
 */
class StartGateTest {

    @Test
    void polled_from_the_first_connection_the_api_answers_503_until_it_is_ready_and_never_404() throws Exception {
        List<String> answers = new ArrayList<>();
        try (HubSpotSandbox hubspot = HubSpotSandbox.start(SandboxOptions.defaults().token("pat-gate")
                .appSecret("gate-secret"))) {
            AppProcess app = AppProcess.launch("start-gate", Map.of("loyalty.db.url", TestPostgres.freshDatabase(),
                    "loyalty.hubspot.enabled", "true", "loyalty.hubspot.base-url", hubspot.baseUrl()),
                    Map.of("HUBSPOT_ACCESS_TOKEN", "pat-gate", "HUBSPOT_APP_SECRET", "gate-secret"));
            try {
                HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
                HttpRequest request = HttpRequest.newBuilder(URI.create(app.baseUrl() + "/api/program"))
                        .header("Authorization", "Bearer " + TestApp.TOKEN).timeout(Duration.ofSeconds(20)).build();
                long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
                while (System.nanoTime() < deadline && app.alive()) {
                    HttpResponse<String> response;
                    try {
                        response = client.send(request, HttpResponse.BodyHandlers.ofString());
                    } catch (ConnectException refused) {
                        Thread.sleep(2);
                        continue;
                    } catch (IOException cut) {
                        answers.add("io: " + cut);
                        continue;
                    }
                    String type = response.headers().firstValue("Content-Type").orElse("");
                    if (response.statusCode() == 200) {
                        answers.add("200");
                        break;
                    }
                    answers.add(response.statusCode() + " " + type + " Retry-After="
                            + response.headers().firstValue("Retry-After").orElse("none") + " " + response.body());
                }
                app.awaitReady(Duration.ofSeconds(60));
            } finally {
                app.stop();
            }
            assertThat(answers).as("answers in order; console " + app.consoleFile()).isNotEmpty().last()
                    .isEqualTo("200");
            assertThat(answers.subList(0, answers.size() - 1)).as("before the 200").allSatisfy(answer ->
                    assertThat(answer).startsWith("503 application/problem+json Retry-After=1 ")
                            .contains("\"status\":503"));
        }
    }
}
