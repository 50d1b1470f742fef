package io.loyaltybridge.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.salesforce.api.dto.bulkv2.OperationEnum;
import org.apache.camel.component.salesforce.api.dto.bulkv2.QueryJob;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Every Salesforce call the connector makes, through camel-salesforce. Each call is a fresh exchange carrying only
 * the headers it needs (never a route's inbound or CamelHttp* headers), and each answer's Sforce-Limit-Info feeds
 * {@link ApiLimits}. A failed call throws {@link ApiFailure} around camel's exception, for {@link SalesforceErrors}.
 */
final class SalesforceApi {
    static final ObjectMapper JSON = new ObjectMapper();

    private final Supplier<ProducerTemplate> camel;
    private final ApiLimits limits;
    private final String version;
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong writes = new AtomicLong();

    SalesforceApi(Supplier<ProducerTemplate> camel, ApiLimits limits, String version) {
        this.camel = camel;
        this.limits = limits;
        this.version = version;
    }

    /** A SOQL read; {@code all} includes deleted rows (queryAll). */
    JsonNode query(String soql, boolean all) {
        return json(call(all ? "salesforce:queryAll?rawPayload=true" : "salesforce:query?rawPayload=true",
                e -> e.getIn().setBody(soql)));
    }

    /** GET /sobjects: the objects this org has (global describe). */
    JsonNode describeGlobal() {
        return json(call("salesforce:raw?rawMethod=GET&rawPath=/services/data/v" + version + "/sobjects",
                e -> e.getIn().setBody(null)));
    }

    /** GET /sobjects/{name}/describe: the object's fields as this user sees them. */
    JsonNode describe(String sObjectName) {
        return json(call("salesforce:raw?rawMethod=GET&rawPath=/services/data/v" + version + "/sobjects/"
                + sObjectName + "/describe", e -> e.getIn().setBody(null)));
    }

    /** The next page of a query, by the {@code nextRecordsUrl} of the previous one. */
    JsonNode queryMore(String nextRecordsUrl) {
        return json(call("salesforce:queryMore?rawPayload=true", e -> e.getIn().setBody(nextRecordsUrl)));
    }

    /** PATCH /composite/sobjects with a JSON body we built; answers the per-record results array. */
    JsonNode updateCollection(String body) {
        writes.incrementAndGet();
        return json(call("salesforce:raw?rawMethod=PATCH&rawPath=/services/data/v" + version + "/composite/sobjects",
                e -> {
                    e.getIn().setHeader("Content-Type", "application/json");
                    e.getIn().setBody(body);
                }));
    }

    /** POST /sobjects/{name}: one new record (or a published platform event); answers {id, success, errors}. */
    JsonNode create(String sObjectName, String body) {
        writes.incrementAndGet();
        return json(call("salesforce:raw?rawMethod=POST&rawPath=/services/data/v" + version + "/sobjects/"
                + sObjectName, e -> {
                    e.getIn().setHeader("Content-Type", "application/json");
                    e.getIn().setBody(body);
                }));
    }

    /**
     * PATCH /sobjects/{name}/{field}/{value} through camel's upsertSObject: creates the record keyed by that external
     * id, or updates the one holding it. Answers {id, success, errors, created}; an empty object when the org answers
     * 204 without a body (API versions before 46.0).
     */
    JsonNode upsert(String sObjectName, String externalIdField, String value, String body) {
        writes.incrementAndGet();
        Exchange answer = call("salesforce:upsertSObject?rawPayload=true", e -> {
            e.getIn().setHeader("sObjectName", sObjectName);
            e.getIn().setHeader("sObjectIdName", externalIdField);
            e.getIn().setHeader("sObjectIdValue", value);
            e.getIn().setBody(body);
        });
        String text = answer.getMessage().getBody(String.class);
        try {
            return text == null || text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable Salesforce answer", e);
        }
    }

    QueryJob createQueryJob(String soql) {
        QueryJob request = new QueryJob();
        request.setOperation(OperationEnum.QUERY);
        request.setQuery(soql);
        return call("salesforce:bulk2CreateQueryJob", e -> e.getIn().setBody(request)).getMessage()
                .getBody(QueryJob.class);
    }

    QueryJob queryJob(String jobId) {
        return call("salesforce:bulk2GetQueryJob", e -> e.getIn().setHeader("jobId", jobId)).getMessage()
                .getBody(QueryJob.class);
    }

    /** One page of a job's CSV results, and the locator of the next page ("null" after the last). */
    record ResultPage(InputStream csv, String nextLocator) {
    }

    ResultPage results(String jobId, String locator, int maxRecords) {
        Exchange answer = call("salesforce:bulk2GetQueryJobResults", e -> {
            e.getIn().setHeader("jobId", jobId);
            e.getIn().setHeader("maxRecords", maxRecords);
            if (locator != null) {
                e.getIn().setHeader("locator", locator);
            }
        });
        return new ResultPage(answer.getMessage().getBody(InputStream.class),
                answer.getMessage().getHeader("Sforce-Locator", String.class));
    }

    /** Calls made to read (queries, bulk jobs, logins' follow-ups): what the status counts on the inbound side. */
    long reads() {
        return calls.get() - writes.get();
    }

    private Exchange call(String uri, Consumer<Exchange> request) {
        calls.incrementAndGet();
        Exchange answer = camel.get().request(uri, request::accept);
        limits.observe(answer.getMessage().getHeader("Sforce-Limit-Info", String.class));
        if (answer.getException() != null) {
            throw new ApiFailure(uri.substring("salesforce:".length()).split("\\?")[0], answer.getException());
        }
        return answer;
    }

    private static JsonNode json(Exchange answer) {
        try {
            Object body = answer.getMessage().getBody();
            return body instanceof InputStream in ? JSON.readTree(in) : JSON.readTree(answer.getMessage()
                    .getBody(String.class));
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable Salesforce answer", e);
        }
    }

    /** A Salesforce call that failed; the cause is camel's exception (usually a SalesforceException). */
    static final class ApiFailure extends RuntimeException {
        private final String operation;

        ApiFailure(String operation, Throwable cause) {
            super(operation + " failed: " + cause.getMessage(), cause);
            this.operation = operation;
        }

        String operation() {
            return operation;
        }
    }
}
