package io.loyaltybridge.salesforce;

import io.loyaltybridge.sync.ErrorClass;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.component.salesforce.api.SalesforceException;
import org.apache.camel.component.salesforce.api.dto.RestError;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.util.List;
import java.util.concurrent.TimeoutException;

import static io.loyaltybridge.sync.ErrorClass.PERMANENT;
import static io.loyaltybridge.sync.ErrorClass.RETRIABLE;
import static org.assertj.core.api.Assertions.assertThat;

/** One case per kind of Salesforce failure: whether the connector tries again or gives the record up. */
class SalesforceErrorsTest {
    static ErrorClass call(int status, String errorCode) {
        SalesforceException e = new SalesforceException(List.of(new RestError(errorCode, "message")), status);
        // camel wraps the client's exception, and our API wrapper wraps camel's
        return SalesforceErrors.classify(new SalesforceApi.ApiFailure("raw", new CamelExecutionException("x", null, e)));
    }

    @Test
    void an_expired_session_is_retried() {
        assertThat(call(401, "INVALID_SESSION_ID")).isEqualTo(RETRIABLE);
    }

    @Test
    void the_daily_request_limit_is_retried() {
        assertThat(call(403, "REQUEST_LIMIT_EXCEEDED")).isEqualTo(RETRIABLE);
    }

    @Test
    void server_errors_and_unavailability_are_retried() {
        assertThat(call(500, "UNKNOWN_EXCEPTION")).isEqualTo(RETRIABLE);
        assertThat(call(503, "SERVER_UNAVAILABLE")).isEqualTo(RETRIABLE);
        assertThat(call(502, null)).isEqualTo(RETRIABLE);
    }

    @Test
    void too_many_requests_is_retried() {
        assertThat(call(429, null)).isEqualTo(RETRIABLE);
    }

    @Test
    void a_refused_request_is_permanent() {
        assertThat(call(400, "MALFORMED_QUERY")).isEqualTo(PERMANENT);
        assertThat(call(400, "EXCEEDED_ID_LIMIT")).isEqualTo(PERMANENT);
        assertThat(call(403, "INSUFFICIENT_ACCESS")).isEqualTo(PERMANENT);
        assertThat(call(404, "NOT_FOUND")).isEqualTo(PERMANENT);
    }

    @Test
    void a_raw_error_body_is_read_for_its_error_code() {
        SalesforceException raw = new SalesforceException(
                "[{\"message\":\"TotalRequests Limit exceeded.\",\"errorCode\":\"REQUEST_LIMIT_EXCEEDED\"}]", 403);
        assertThat(SalesforceErrors.classify(raw)).isEqualTo(RETRIABLE);
        SalesforceException refused = new SalesforceException(
                "[{\"message\":\"Insufficient access\",\"errorCode\":\"INSUFFICIENT_ACCESS\"}]", 403);
        assertThat(SalesforceErrors.classify(refused)).isEqualTo(PERMANENT);
    }

    @Test
    void no_answer_at_all_is_retried() {
        assertThat(SalesforceErrors.classify(new ConnectException("Connection refused"))).isEqualTo(RETRIABLE);
        assertThat(SalesforceErrors.classify(new IOException("reset"))).isEqualTo(RETRIABLE);
        assertThat(SalesforceErrors.classify(new RuntimeException(new TimeoutException("idle")))).isEqualTo(RETRIABLE);
    }

    @Test
    void a_record_locked_by_another_transaction_is_retried() {
        assertThat(SalesforceErrors.ofRecord("UNABLE_TO_LOCK_ROW")).isEqualTo(RETRIABLE);
    }

    @Test
    void a_record_with_a_bad_value_or_gone_is_permanent() {
        for (String code : List.of("STRING_TOO_LONG", "INVALID_TYPE_ON_FIELD_IN_RECORD", "INVALID_FIELD",
                "ENTITY_IS_DELETED", "INVALID_CROSS_REFERENCE_KEY", "MALFORMED_ID", "FIELD_CUSTOM_VALIDATION_EXCEPTION")) {
            assertThat(SalesforceErrors.ofRecord(code)).as(code).isEqualTo(PERMANENT);
        }
    }
}
