package io.loyaltybridge.sandbox.salesforce;

import org.apache.camel.Exchange;
import org.apache.camel.component.salesforce.api.SalesforceException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FaultsTest {
    static final String SOQL = "SELECT Id, LastName FROM Contact";
    static SalesforceSandbox sf;
    static CamelSalesforce camel;

    @BeforeAll
    static void start() {
        sf = SalesforceSandbox.start(SandboxOptions.defaults());
        sf.admin().createContact(Map.of("LastName", "Fault"));
        camel = CamelSalesforce.clientCredentials(sf).start();
    }

    @AfterAll
    static void stop() {
        camel.close();
        sf.close();
    }

    @AfterEach
    void heal() {
        sf.faults().clear();
    }

    String query() {
        return camel.request("salesforce:query?rawPayload=true", SOQL, String.class);
    }

    SalesforceException failure(Runnable call) {
        Throwable[] caught = new Throwable[1];
        assertThatThrownBy(call::run).satisfies(e -> caught[0] = e.getCause());
        assertThat(caught[0]).isInstanceOf(SalesforceException.class);
        return (SalesforceException) caught[0];
    }

    @Test
    void when_tokens_expire_mid_run_camel_logs_in_again_and_the_call_succeeds() {
        assertThat(query()).contains("Fault");
        long logins = sf.calls().count("token");
        long queries = sf.calls().count("query");
        sf.faults().expireAllTokens();
        assertThat(query()).contains("Fault");
        assertThat(sf.calls().count("token")).isEqualTo(logins + 1);
        assertThat(sf.calls().count("query")).isEqualTo(queries + 2); // the 401, then the retry
    }

    @Test
    void injected_5xx_answers_carry_salesforce_error_bodies_and_then_the_peer_recovers() {
        sf.faults().failNext(1, 503);
        SalesforceException e = failure(this::query);
        assertThat(e.getStatusCode()).isEqualTo(503);
        assertThat(e.getErrors().get(0).getErrorCode()).isEqualTo("SERVER_UNAVAILABLE");
        sf.faults().failNext(1, 500);
        assertThat(failure(this::query).getErrors().get(0).getErrorCode()).isEqualTo("UNKNOWN_EXCEPTION");
        assertThat(query()).contains("Fault");
    }

    @Test
    void an_exhausted_daily_limit_answers_403_request_limit_exceeded_until_restored() {
        sf.faults().exhaustDailyLimit();
        SalesforceException e = failure(this::query);
        assertThat(e.getStatusCode()).isEqualTo(403);
        assertThat(e.getErrors().get(0).getErrorCode()).isEqualTo("REQUEST_LIMIT_EXCEEDED");
        sf.faults().restoreDailyLimit();
        assertThat(query()).contains("Fault");
    }

    @Test
    void every_answer_reports_api_usage_in_sforce_limit_info() {
        Exchange answer = camel.template.request("salesforce:query?rawPayload=true", e -> e.getIn().setBody(SOQL));
        assertThat(answer.getMessage().getHeader("Sforce-Limit-Info", String.class))
                .isEqualTo("api-usage=" + sf.apiUsage() + "/100000");
    }

    @Test
    void injected_latency_slows_every_answer() {
        sf.faults().latency(Duration.ofMillis(400));
        long start = System.nanoTime();
        assertThat(query()).contains("Fault");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
    }

    @Test
    void a_small_daily_limit_runs_out_by_itself() {
        try (SalesforceSandbox small = SalesforceSandbox.start(SandboxOptions.defaults().withApiLimit(2));
             CamelSalesforce c = CamelSalesforce.clientCredentials(small).start()) {
            c.request("salesforce:query?rawPayload=true", SOQL, String.class);
            c.request("salesforce:query?rawPayload=true", SOQL, String.class);
            assertThat(failure(() -> c.request("salesforce:query?rawPayload=true", SOQL, String.class))
                    .getErrors().get(0).getErrorCode()).isEqualTo("REQUEST_LIMIT_EXCEEDED");
            assertThat(small.limitInfo()).isEqualTo("api-usage=2/2");
        }
    }
}
